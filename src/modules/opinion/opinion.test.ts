import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, opinionCommitments, opinionEventSteps, opinionEvents, planMeasures, units } from '../../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { sendClockReminders, sendCommitmentReminders } from './send-reminders.ts';

describe('opinion: events, the chain, clocks, commitments, press events', () => {
  let t: TestApp;
  let office: ApiClient;
  let cac: ApiClient; // 区网信办
  let edu: ApiClient; // 区教委
  const unitId = async (short: string) => (await t.database.db.select().from(units).where(eq(units.shortName, short)))[0].id;
  const rows = async (table: typeof opinionEvents | typeof opinionEventSteps | typeof opinionCommitments | typeof auditLog) => (await t.database.db.select({ n: count() }).from(table))[0].n;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    office = await t.userWith(['office_admin'], '区政府办公室');
    cac = await t.userWith(['liaison'], '区网信办');
    edu = await t.userWith(['liaison'], '区教委');
  });
  afterAll(() => t.close());

  it('seeds the notice\'s domain table through the unit resolver, 区网信办 as coordinator, and demo data in every state', async () => {
    const domains = (await office.request('GET', '/api/opinion/domains')).json().items;
    expect(domains.map((d: { name: string }) => d.name)).toEqual(['疫情防控和医疗', '房地产金融', '工资拖欠', '环境污染和生态破坏', '食品药品安全', '教育', '养老和困难群众生活', '安全生产']);
    expect(domains[1].units.map((u: { name: string }) => u.name)).toEqual(['区住房城市建委', '区金融办']);
    const s = (await office.request('GET', '/api/opinion/settings')).json();
    expect(s).toMatchObject({ coordinatorUnitId: await unitId('区网信办'), authoritativeHours: 5, pressConferenceHours: 24, responseHours: 48 });
    const events = (await office.request('GET', '/api/opinion/events?pageSize=200')).json();
    expect(new Set(events.items.map((e: { status: string }) => e.status))).toEqual(new Set(['registered', 'consulted', 'assessed', 'responded', 'evaluated']));
    expect(events.items.every((e: { isSample: boolean; summary: string }) => e.isSample && e.summary.startsWith('【示例】'))).toBe(true);
    const states = (await office.request('GET', '/api/opinion/commitments')).json().items.map((c: { state: string }) => c.state);
    expect(new Set(states)).toEqual(new Set(['未到期', '按期完成', '逾期完成', '逾期未完成']));
    const clockStates = new Set(events.items.flatMap((e: { clocks: { state: string }[] }) => e.clocks.map((c) => c.state)));
    expect(clockStates).toEqual(new Set(['met', 'late', 'open', 'overdue']));
  });

  it('registers an event with the unit suggested by the domain, and refuses bad input writing nothing', async () => {
    const before = await rows(opinionEvents);
    const audits = await rows(auditLog);
    const bad = await office.request('POST', '/api/opinion/events', { source: '网络', firstSeenAt: hoursAgo(1), summary: '网传某校食堂问题', category: '涉及切身利益', level: '一般' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toContain('请填写原文链接或原文摘录');
    const wrongLevel = await office.request('POST', '/api/opinion/events', { source: '网络', sourceUrl: 'https://x.example.cn/1', firstSeenAt: hoursAgo(1), summary: '网传某校食堂问题', category: '涉及切身利益', level: '很大' });
    expect(wrongLevel.json().error.details[0].message).toContain('级别应为');
    const future = await office.request('POST', '/api/opinion/events', { source: '网络', sourceUrl: 'https://x.example.cn/1', firstSeenAt: new Date(Date.now() + 86_400_000).toISOString(), summary: '网传某校食堂问题', category: '涉及切身利益', level: '一般' });
    expect(future.json().error.code).toBe('first_seen_in_future');
    const noUnit = await office.request('POST', '/api/opinion/events', { source: '网络', sourceUrl: 'https://x.example.cn/1', firstSeenAt: hoursAgo(1), summary: '网传某校食堂问题', category: '涉及切身利益', level: '一般' });
    expect(noUnit.json().error.code).toBe('responsible_unit_required');
    expect(await rows(opinionEvents)).toBe(before);
    expect(await rows(auditLog)).toBe(audits);

    const domains = (await office.request('GET', '/api/opinion/domains')).json().items;
    const housing = domains.find((d: { name: string }) => d.name === '房地产金融');
    const ok = await cac.request('POST', '/api/opinion/events', { source: '网络', sourceUrl: 'https://bbs.example.cn/t/1', firstSeenAt: hoursAgo(1), summary: '网民质疑某楼盘交房延期', domainId: housing.id, category: '涉及切身利益', level: '一般' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().responsibleUnitId).toBe(await unitId('区住房城市建委'));
  });

  it('keeps a unit to its own events; 区网信办 and the office see all', async () => {
    const all = (await office.request('GET', '/api/opinion/events?pageSize=200')).json();
    expect(all.seesAll).toBe(true);
    const byCac = (await cac.request('GET', '/api/opinion/events?pageSize=200')).json();
    expect(byCac).toMatchObject({ seesAll: true, total: all.total });
    const mine = (await edu.request('GET', '/api/opinion/events?pageSize=200')).json();
    expect(mine.seesAll).toBe(false);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e: { unitName: string }) => e.unitName === '区教委')).toBe(true);
    const foreign = all.items.find((e: { unitName: string }) => e.unitName !== '区教委');
    expect((await edu.request('GET', `/api/opinion/events/${foreign.id}`)).statusCode).toBe(404);
    expect((await cac.request('GET', `/api/opinion/events/${foreign.id}`)).statusCode).toBe(200);
    const step = await edu.request('POST', `/api/opinion/events/${foreign.id}/steps`, { kind: 'consult', at: hoursAgo(0.1), participants: '区教委', content: '会商意见' });
    expect(step.statusCode).toBe(404);
    const other = await edu.request('POST', '/api/opinion/events', { source: '媒体', sourceUrl: 'https://x.example.cn/2', firstSeenAt: hoursAgo(1), summary: '某医院排队时间过长', responsibleUnitId: await unitId('区卫生健康委'), category: '涉及切身利益', level: '一般' });
    expect(other.json().error.code).toBe('out_of_scope');
  });

  it('runs 会商 → 研判 → 回应 → 评估 in order, each step with who and when, under the 5 h / 24 h clocks', async () => {
    const domains = (await office.request('GET', '/api/opinion/domains')).json().items;
    const edDomain = domains.find((d: { name: string }) => d.name === '教育');
    const res = await edu.request('POST', '/api/opinion/events', { source: '网络', sourceUrl: 'https://weibo.example.cn/s/9', firstSeenAt: hoursAgo(6), summary: '某中学发生学生集体食物中毒', domainId: edDomain.id, category: '突发事件和自然灾害', level: '重大' });
    const id = res.json().id;
    let detail = (await edu.request('GET', `/api/opinion/events/${id}`)).json();
    expect(detail.clocks.map((c: { kind: string; state: string }) => [c.kind, c.state])).toEqual([['authoritative', 'overdue'], ['press_conference', 'open']]);
    const overdue = (await cac.request('GET', '/api/opinion/events?overdue=true&pageSize=200')).json().items.map((e: { id: string }) => e.id);
    expect(overdue).toContain(id);

    const steps = await rows(opinionEventSteps);
    const early = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'assess', at: hoursAgo(5), content: '研判意见', responseKind: '发布权威信息' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('step_out_of_order');
    const wrongKind = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'decide', at: hoursAgo(5), content: 'x' });
    expect(wrongKind.statusCode).toBe(400);
    const beforeSeen = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'consult', at: hoursAgo(7), participants: '区教委', content: '会商结论' });
    expect(beforeSeen.json().error.code).toBe('step_before_first_seen');
    expect(await rows(opinionEventSteps)).toBe(steps);

    expect((await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'consult', at: hoursAgo(5.5), participants: '区教委、区卫生健康委、区市场监管局、区委网信办', content: '全力救治学生，封存食品留样，统一发布信息。' })).statusCode).toBe(201);
    expect((await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'assess', at: hoursAgo(5.2), content: '重大突发事件，须发布权威信息并召开新闻发布会。', responseKind: '新闻发布会' })).statusCode).toBe(201);
    const noLink = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'respond', at: hoursAgo(4), responseKind: '发布权威信息', content: '情况通报' });
    expect(noLink.json().error.code).toBe('response_link_required');
    const badDoc = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'respond', at: hoursAgo(4), responseKind: '发布权威信息', content: '情况通报', documentId: '00000000-0000-0000-0000-000000000000' });
    expect(badDoc.json().error.code).toBe('unknown_document');
    const noEval = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'evaluate', at: hoursAgo(1), content: '效果良好' });
    expect(noEval.json().error.code).toBe('step_out_of_order');
    expect((await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'respond', at: hoursAgo(4), responseKind: '发布权威信息', content: '区教委发布情况通报。', url: 'https://www.example.gov.cn/tb/1.html' })).statusCode).toBe(201);
    expect((await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'respond', at: hoursAgo(2), responseKind: '新闻发布会', content: '召开新闻发布会通报处置进展。', url: 'https://www.example.gov.cn/fb/1.html' })).statusCode).toBe(201);
    expect((await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'evaluate', at: hoursAgo(1), content: '舆情平稳', followUp: '公开调查结果' })).statusCode).toBe(201);
    detail = (await office.request('GET', `/api/opinion/events/${id}`)).json();
    expect(detail.event.status).toBe('evaluated');
    expect(detail.steps.map((s: { kind: string }) => s.kind)).toEqual(['consult', 'assess', 'respond', 'respond', 'evaluate']);
    expect(detail.steps.every((s: { by: string | null }) => s.by)).toBe(true);
    // Authoritative information came after 2 h (in 5), the press conference after 4 h (in 24).
    expect(detail.clocks.map((c: { state: string; elapsedHours: number }) => [c.state, c.elapsedHours])).toEqual([['met', 2], ['met', 4]]);
    const after = await edu.request('POST', `/api/opinion/events/${id}/steps`, { kind: 'respond', at: hoursAgo(0.5), responseKind: '其他', content: '补充', url: 'https://www.example.gov.cn/x' });
    expect(after.json().error.message).toContain('已评估办结');
  });

  it('clocks follow the settings; reminders are sent once', async () => {
    const s = (await office.request('GET', '/api/opinion/settings')).json();
    expect((await edu.request('PUT', '/api/opinion/settings', { ...s, responseHours: 72 })).statusCode).toBe(403);
    const bad = await office.request('PUT', '/api/opinion/settings', { ...s, responseHours: 0 });
    expect(bad.json().error.details[0].message).toBe('回应时限至少 1 小时');
    const first = await sendClockReminders(t.database.db);
    expect(first.sent).toBeGreaterThan(0);
    expect((await sendClockReminders(t.database.db)).sent).toBe(0);
    // The seeded 较大 event 60 h old with no response is overdue at 48 h, not at 72 h.
    const overdue = async () => (await office.request('GET', '/api/opinion/events?overdue=true&level=较大')).json().total;
    expect(await overdue()).toBe(1);
    expect((await office.request('PUT', '/api/opinion/settings', { ...s, responseHours: 72 })).statusCode).toBe(200);
    expect(await overdue()).toBe(0);
    await office.request('PUT', '/api/opinion/settings', s);
    const c = await sendCommitmentReminders(t.database.db);
    expect(c.sent).toBe(1);
    expect((await sendCommitmentReminders(t.database.db)).sent).toBe(0);
  });

  it('keeps commitments: made, fulfilled with evidence and a public page, state computed; shown on the portal', async () => {
    const eduId = await unitId('区教委');
    const mine = (await edu.request('GET', '/api/opinion/events?pageSize=5')).json().items[0];
    const before = await rows(opinionCommitments);
    const past = await edu.request('POST', '/api/opinion/commitments', { eventId: mine.id, text: '承诺', ownerUnitId: eduId, promisedOn: '2026-02-30' });
    expect(past.statusCode).toBe(400);
    const foreign = await edu.request('POST', '/api/opinion/commitments', { text: '一周内公开课后服务收费标准', ownerUnitId: await unitId('区民政局'), promisedOn: addDays(todayInShanghai(), 7) });
    expect(foreign.json().error.code).toBe('out_of_scope');
    expect(await rows(opinionCommitments)).toBe(before);
    const made = await edu.request('POST', '/api/opinion/commitments', { eventId: mine.id, text: '一周内在政府网站公开全区课后服务收费标准和减免办法', ownerUnitId: eduId, promisedOn: addDays(todayInShanghai(), 7) });
    expect(made.statusCode).toBe(201);
    const id = made.json().id;
    const list = async () => (await edu.request('GET', '/api/opinion/commitments')).json().items.find((c: { id: string }) => c.id === id);
    expect((await list()).state).toBe('未到期');
    const noPage = await edu.request('POST', `/api/opinion/commitments/${id}/fulfil`, { fulfilledOn: todayInShanghai(), evidence: '已公开收费标准' });
    expect(noPage.statusCode).toBe(400);
    const done = await edu.request('POST', `/api/opinion/commitments/${id}/fulfil`, { fulfilledOn: todayInShanghai(), evidence: '已在政府网站公开收费标准和减免办法', publicUrl: 'https://www.example.gov.cn/jw/kfw.html' });
    expect(done.statusCode).toBe(200);
    expect((await list()).state).toBe('按期完成');
    expect((await edu.request('POST', `/api/opinion/commitments/${id}/fulfil`, { fulfilledOn: todayInShanghai(), evidence: '再次登记履行情况', publicUrl: 'https://www.example.gov.cn/x' })).json().error.code).toBe('already_fulfilled');
    const filtered = (await office.request('GET', '/api/opinion/commitments?state=逾期未完成')).json();
    expect(filtered.items.every((c: { state: string }) => c.state === '逾期未完成')).toBe(true);
    expect(filtered.total).toBe(1);

    const page = await t.app.inject({ method: 'GET', url: '/chengnuo' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('一周内在政府网站公开全区课后服务收费标准和减免办法');
    expect(page.body).toContain('https://www.example.gov.cn/jw/kfw.html');
    expect(page.body).toContain('逾期未完成');
    expect(page.body).not.toContain('已在政府网站公开收费标准和减免办法'); // evidence stays internal
    const onlyLate = await t.app.inject({ method: 'GET', url: '/chengnuo?state=%E9%80%BE%E6%9C%9F%E5%AE%8C%E6%88%90' });
    expect(onlyLate.body).toContain('两周内完成辖区重点餐饮单位后厨专项检查');
    expect(onlyLate.body).not.toContain('课后服务收费标准');
  });

  it('records 通报批评 and 约谈 (office only), and the plans 通报 draft reads them', async () => {
    const res = await edu.request('POST', '/api/opinion/supervisions', { unitId: await unitId('区教委'), kind: 'criticize', reason: '回应迟缓', heldOn: todayInShanghai() });
    expect(res.statusCode).toBe(403);
    const bad = await office.request('POST', '/api/opinion/supervisions', { unitId: await unitId('区教委'), kind: 'warn', reason: '回应迟缓', heldOn: todayInShanghai() });
    expect(bad.statusCode).toBe(400);
    const ok = await office.request('POST', '/api/opinion/supervisions', { unitId: await unitId('区教委'), kind: 'criticize', reason: '对学生食物中毒舆情未按时发布权威信息', heldOn: todayInShanghai() });
    expect(ok.statusCode).toBe(201);
    // The demo's 约谈 was held 12 days ago: in the first days of January that is last year.
    const years = [...new Set([todayInShanghai(), addDays(todayInShanghai(), -12)].map((d) => d.slice(0, 4)))];
    const list = (await Promise.all(years.map(async (y) => (await edu.request('GET', `/api/opinion/supervisions?year=${y}`)).json().items))).flat();
    expect(list.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['criticize', 'interview']));
    // The seeded 2021 plan: its 通报 draft reads opinion records of the plan's year only.
    const [plan] = (await office.request('GET', '/api/plans')).json().items;
    const draft = (await office.request('POST', `/api/plans/${plan.id}/circulars`)).json();
    const text = draft.sections.map((s: { body: string }) => s.body).join('\n');
    if (plan.year === Number(todayInShanghai().slice(0, 4))) expect(text).toContain('对学生食物中毒舆情未按时发布权威信息');
    else expect(text).not.toContain('对学生食物中毒舆情未按时发布权威信息');
    const w = await office.request('POST', `/api/opinion/supervisions/${ok.json().id}/withdraw`, { reason: '误录' });
    expect(w.json().withdrawn).toBe(true);
    expect((await office.request('POST', `/api/opinion/supervisions/${ok.json().id}/withdraw`, { reason: '误录' })).json().error.code).toBe('already_withdrawn');
  });

  it('counts press events against the measure\'s 不少于4次 / 不少于2次 targets', async () => {
    const [m] = await t.database.db.select().from(planMeasures).where(eq(planMeasures.seq, 8));
    const measure = (await t.database.db.select().from(planMeasures)).find((x) => x.text.includes('新闻发布形式开展政策解读不少于4次')) ?? m;
    const progress = async () => (await edu.request('GET', `/api/opinion/measures/${measure.id}/press-progress`)).json();
    const p0 = await progress();
    expect(p0).toMatchObject({ applies: true, year: 2021 });
    expect(p0.targets.map((x: { min: number; done: number; leader: boolean; met: boolean }) => [x.min, x.leader, x.done, x.met])).toEqual([[4, false, 3, false], [2, true, 2, true]]);
    const other = (await t.database.db.select().from(planMeasures)).find((x) => !x.text.includes('新闻发布'))!;
    expect((await edu.request('GET', `/api/opinion/measures/${other.id}/press-progress`)).json().applies).toBe(false);

    const newsOffice = await t.userWith(['liaison'], '区政府新闻办');
    const organizer = await unitId('区政府新闻办');
    expect((await edu.request('POST', '/api/opinion/press-events', { kind: '专访', heldOn: '2021-11-02', topic: '教育政策专访', organizerUnitId: organizer, speakers: '区教委主任', leaderSpoke: true })).json().error.code).toBe('out_of_scope');
    expect((await newsOffice.request('POST', '/api/opinion/press-events', { kind: '座谈会', heldOn: '2021-11-02', topic: '教育政策专访', organizerUnitId: organizer, speakers: '区教委主任', leaderSpoke: true })).statusCode).toBe(400);
    expect((await newsOffice.request('POST', '/api/opinion/press-events', { kind: '专访', heldOn: '2021-11-02', topic: '教育政策专访', organizerUnitId: organizer, speakers: '区教委主任', leaderSpoke: true, policyIds: ['00000000-0000-0000-0000-000000000000'] })).json().error.code).toBe('unknown_document');
    const anyDoc = (await office.request('GET', '/api/documents?pageSize=1')).json().items[0];
    const notInterp = await newsOffice.request('POST', '/api/opinion/press-events', { kind: '专访', heldOn: '2021-11-02', topic: '教育政策专访', organizerUnitId: organizer, speakers: '区教委主任', leaderSpoke: false, resultDocumentId: anyDoc.id });
    expect(notInterp.json().error.code).toBe('not_interpretation_column');
    const added = await newsOffice.request('POST', '/api/opinion/press-events', { kind: '专访', heldOn: '2021-11-02', topic: '“双减”政策落实情况专访', organizerUnitId: organizer, speakers: '区教委主任', leaderSpoke: false });
    expect(added.statusCode).toBe(201);
    expect((await progress()).targets.map((x: { done: number; met: boolean }) => [x.done, x.met])).toEqual([[4, true], [2, true]]);
    const list = (await edu.request('GET', '/api/opinion/press-events?year=2021')).json().items;
    expect(list).toHaveLength(4);
    expect(list.some((p: { policies: unknown[] }) => p.policies.length > 0)).toBe(true);
  });

  it('exports the event ledger and the commitment ledger as .xlsx and the quarterly summary as .docx', async () => {
    const ev = await office.request('GET', '/api/opinion/events/export?level=%E9%87%8D%E5%A4%A7');
    expect(ev.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ev.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('政务舆情台账')!;
    const total = (await office.request('GET', '/api/opinion/events?level=%E9%87%8D%E5%A4%A7')).json().total;
    expect(ws.rowCount).toBe(total + 1);
    expect(String(ws.getRow(2).getCell(7).value)).toBe('重大');
    const cm = await edu.request('GET', '/api/opinion/commitments/export');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(cm.rawPayload as unknown as ArrayBuffer);
    const mine = (await edu.request('GET', '/api/opinion/commitments')).json().total;
    expect(wb2.getWorksheet('承诺台账')!.rowCount).toBe(mine + 1);
    const now = todayInShanghai();
    const q = Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1;
    expect((await edu.request('GET', `/api/opinion/summary?year=${now.slice(0, 4)}&quarter=${q}`)).json().error.code).toBe('summary_district_only');
    expect((await office.request('GET', `/api/opinion/summary?year=${now.slice(0, 4)}&quarter=5`)).statusCode).toBe(400);
    const doc = await cac.request('GET', `/api/opinion/summary?year=${now.slice(0, 4)}&quarter=${q}`);
    expect(doc.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('政务舆情回应工作情况');
    expect(text).toContain('本季度共登记政务舆情');
    expect(text).toContain('通报批评');
  });

  it('answers the chart data by domain, level, month and clocks', async () => {
    const year = todayInShanghai().slice(0, 4);
    const s = (await office.request('GET', `/api/opinion/stats?year=${year}`)).json();
    expect(s.byLevel.map((l: { name: string }) => l.name)).toEqual(['特别重大', '重大', '较大', '一般']);
    expect(s.byMonth).toHaveLength(12);
    expect(s.byLevel.reduce((a: number, l: { count: number }) => a + l.count, 0)).toBe(s.total);
    // The demo's late response (first seen 500 hours ago) counts in the year it was first seen.
    const lateYear = todayInShanghai(new Date(Date.now() - 500 * 3_600_000)).slice(0, 4) === year ? s : (await office.request('GET', `/api/opinion/stats?year=${Number(year) - 1}`)).json();
    expect(lateYear.clocks.find((c: { kind: string }) => c.kind === 'response').late).toBeGreaterThanOrEqual(1);
    const mine = (await edu.request('GET', `/api/opinion/stats?year=${year}`)).json();
    expect(mine.total).toBeLessThan(s.total);
  });

  it('lets the office edit the domain table; names stay unique, a used domain is not deleted', async () => {
    const domains = (await office.request('GET', '/api/opinion/domains')).json().items;
    const dup = await office.request('POST', '/api/opinion/domains', { name: '教育', unitIds: [await unitId('区教委')] });
    expect(dup.json().error.code).toBe('domain_exists');
    const none = await office.request('POST', '/api/opinion/domains', { name: '交通出行', unitIds: [] });
    expect(none.statusCode).toBe(400);
    const made = await office.request('POST', '/api/opinion/domains', { name: '交通出行', unitIds: [await unitId('区交通局')], sort: 90 });
    expect(made.statusCode).toBe(200);
    expect((await office.request('DELETE', `/api/opinion/domains/${made.json().id}`)).statusCode).toBe(200);
    const used = domains.find((d: { name: string }) => d.name === '教育');
    expect((await office.request('DELETE', `/api/opinion/domains/${used.id}`)).json().error.code).toBe('domain_in_use');
  });
});
