import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, planAssignments, planMeasures, units } from '../../db/schema/index.ts';
import { ROOT } from '../../paths.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { sendPlanReminders } from './send-reminders.ts';

const SEED = fs.readFileSync(path.join(ROOT, 'src/seed/yuzhong-2021-notice.txt'), 'utf8');

async function docxText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('plans: from the notice to closed-out measures', () => {
  let t: TestApp;
  let office: ApiClient;
  let planId: string;
  const unitId = async (short: string) => (await t.database.db.select().from(units).where(eq(units.shortName, short)))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(() => t.close());

  it('previews the seed notice without writing anything', async () => {
    const res = await office.request('POST', '/api/plans/import-text', { text: SEED, dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.outcome).toBe('preview');
    expect(body.wouldBe).toBe('create');
    expect(body.counts).toEqual({ areas: 5, subtasks: 16, measures: 46 });
    expect(body.parsed.warnings).toEqual([]);
    expect((await office.request('GET', '/api/plans')).json().items).toHaveLength(0);
  });

  it('imports once; the same notice again changes nothing; a corrected one updates the draft and says what changed', async () => {
    const first = (await office.request('POST', '/api/plans/import-text', { text: SEED })).json();
    expect(first.outcome).toBe('created');
    planId = first.planId;
    const again = (await office.request('POST', '/api/plans/import-text', { text: SEED })).json();
    expect(again).toMatchObject({ outcome: 'unchanged', planId });
    const corrected = SEED.replace('密切关注涉及教育方面的舆情', '密切关注涉及教育和培训方面的舆情');
    const upd = (await office.request('POST', '/api/plans/import-text', { text: corrected })).json();
    expect(upd.outcome).toBe('updated');
    expect(upd.changes).toHaveLength(1);
    expect(upd.changes[0]).toMatchObject({ kind: 'changed', fields: ['text'] });
    const leadChanged = corrected.replace('区规划自然资源局\n\t区规划自然资源局', '区发展改革委\n\t区规划自然资源局');
    const preview = (await office.request('POST', '/api/plans/import-text', { text: leadChanged, dryRun: true })).json();
    expect(preview.wouldBe).toBe('update');
    const leadUpd = (await office.request('POST', '/api/plans/import-text', { text: leadChanged })).json();
    expect(leadUpd.changes).toEqual([expect.objectContaining({ kind: 'changed', fields: ['lead'] })]);
    expect(upd.changes[0].after).toContain('教育和培训');
    const plans = (await office.request('GET', '/api/plans')).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ title: '渝中区2021年政务公开工作要点任务分工', year: 2021, status: 'draft', measures: 46 });
  });

  it('shows the plan as the notice reads, with units, dated deadlines and disclosure paths', async () => {
    const tree = (await office.request('GET', `/api/plans/${planId}`)).json();
    expect(tree.areas).toHaveLength(5);
    const measures = tree.areas.flatMap((a: { subtasks: { measures: unknown[] }[] }) => a.subtasks.flatMap((s) => s.measures));
    expect(measures).toHaveLength(46);
    const m1 = measures[0];
    expect(m1.leads.map((l: { name: string }) => l.name)).toEqual(['区发展改革委']);
    expect(m1.disclosurePaths[0]).toEqual(['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划']);
    const laws = measures.find((m: { text: string }) => m.text.includes('2021年10月底前'));
    expect(laws.dueDate).toBe('2021-10-31');
  });

  it('will not issue until the office confirms the members of 区政府有关部门 for each measure', async () => {
    const refused = await office.request('POST', `/api/plans/${planId}/issue`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('selection_required');
    const preview = (await office.request('GET', `/api/plans/${planId}/issue-preview`)).json();
    expect(preview.unknown).toEqual([]);
    expect(preview.selections.length).toBeGreaterThan(3);
    const selections = Object.fromEntries(preview.selections.map((s: { measureId: string; suggested: string[] }) => [s.measureId, s.suggested.slice(0, 3)]));
    const issued = await office.request('POST', `/api/plans/${planId}/issue`, { selections });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().assignments).toBeGreaterThan(46);
    // every unit with work got one notice
    const czj = await unitId('区财政局');
    const n = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'plan.issued'));
    expect(n.length).toBeGreaterThan(0);
    const again = await office.request('POST', `/api/plans/${planId}/issue`, { selections });
    expect(again.json().error.code).toBe('plan_not_draft');
    // The chosen members are kept with the measure, not only as its assignments.
    const [measureId, chosen] = Object.entries(selections)[0] as [string, string[]];
    const detail = (await office.request('GET', `/api/measures/${measureId}`)).json();
    const perUse = detail.measure.responsible.find((e: { perUse?: boolean }) => e.perUse);
    expect(perUse.unitIds).toEqual(chosen);
    const rows = await t.database.db.select().from(planAssignments).where(eq(planAssignments.unitId, czj));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('runs report → return → report → accept → close out, with the timeline kept and the dashboard moving', async () => {
    // The 2nd measure of 四(一): lead 区财政局, responsible 区政府各部门、管委会、街道办事处.
    const [measure] = await t.database.db.select().from(planMeasures).where(eq(planMeasures.text, '1．将政府信息公开信息处理费项目纳入渝中区2021年行政事业性收费目录清单（公开路径：政府网站>政府信息公开>法定主动公开内容>收费项目）。\n2．指导各行政机关做好政府信息公开信息处理费票据、收缴、入库等工作。'));
    const measureId = measure?.id ?? (await t.database.db.select().from(planMeasures)).find((m) => m.text.includes('信息处理费项目纳入'))!.id;
    const detail = (await office.request('GET', `/api/measures/${measureId}`)).json();
    expect(detail.leads.map((l: { name: string }) => l.name)).toEqual(['区财政局']);
    const jwAssignment = detail.assignments.find((a: { unitName: string }) => a.unitName === '区教委');
    expect(jwAssignment).toBeTruthy();

    const jw = await t.userWith(['liaison'], '区教委');
    const czj = await t.userWith(['liaison'], '区财政局');
    const other = await t.userWith(['liaison'], '区民政局');
    const before = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();

    // Another unit cannot report on 区教委's assignment; a non-lead cannot check it.
    const foreign = await other.request('POST', `/api/assignments/${jwAssignment.id}/reports`, { status: 'in_progress', summary: '代报' });
    expect(foreign.json().error.code).toBe('out_of_scope');
    const noEvidence = await jw.request('POST', `/api/assignments/${jwAssignment.id}/reports`, { status: 'done', summary: '已完成', completedOn: '2021-07-01' });
    expect(noEvidence.json().error.code).toBe('evidence_required');
    const r1 = await jw.request('POST', `/api/assignments/${jwAssignment.id}/reports`, {
      status: 'done',
      summary: '已将信息处理费纳入收费目录清单并公开',
      completedOn: '2021-07-01',
      evidence: [{ kind: 'link', url: 'http://www.cqyz.gov.cn/zwgk/sfxm/202107/t1.html', title: '收费项目公开页' }],
    });
    expect(r1.statusCode).toBe(201);
    expect((await other.request('POST', `/api/assignments/${jwAssignment.id}/checks`, { decision: 'accept' })).json().error.code).toBe('out_of_scope');
    const ret = await czj.request('POST', `/api/assignments/${jwAssignment.id}/checks`, { decision: 'return', comment: '佐证页面未显示收费标准', newDueDate: '2099-12-31' });
    expect(ret.statusCode).toBe(201);
    const dashReturned = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();
    expect(dashReturned.returned.map((r: { id: string }) => r.id)).toContain(jwAssignment.id);
    const r2 = await jw.request('POST', `/api/assignments/${jwAssignment.id}/reports`, {
      status: 'done',
      summary: '已补充收费标准',
      completedOn: '2021-07-10',
      evidence: [{ kind: 'link', url: 'http://www.cqyz.gov.cn/zwgk/sfxm/202107/t2.html', title: '收费标准' }],
    });
    expect(r2.statusCode).toBe(201);
    expect((await czj.request('POST', `/api/assignments/${jwAssignment.id}/checks`, { decision: 'accept', comment: '符合要求' })).statusCode).toBe(201);
    expect((await czj.request('POST', `/api/measures/${measureId}/summaries`, { text: '经检查，各责任单位已按要求公开。' })).statusCode).toBe(201);

    const timeline = (await office.request('GET', `/api/measures/${measureId}`)).json().assignments.find((a: { id: string }) => a.id === jwAssignment.id).timeline;
    expect(timeline.map((e: { type: string; decision?: string }) => e.decision ?? e.type)).toEqual(['report', 'return', 'report', 'accept']);

    // Close-out waits for every assignment of the measure.
    const early = await office.request('POST', `/api/measures/${measureId}/close`);
    expect(early.json().error.code).toBe('not_all_accepted');
    const all = (await office.request('GET', `/api/measures/${measureId}`)).json().assignments;
    for (const a of all.filter((x: { id: string }) => x.id !== jwAssignment.id)) {
      await t.database.db.update(planAssignments).set({ status: 'done', checkStatus: 'accepted', lastReportAt: new Date(), completedOn: '2021-07-15' }).where(eq(planAssignments.id, a.id));
    }
    expect((await office.request('POST', `/api/measures/${measureId}/close`)).statusCode).toBe(200);
    const after = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();
    expect(after.totals.closed).toBe(before.totals.closed + 1);
    expect(after.totals.accepted).toBeGreaterThan(before.totals.accepted);
    expect(after.byMeasure.find((m: { measureId: string }) => m.measureId === measureId).progress).toBe(100);
    expect((await office.request('POST', `/api/measures/${measureId}/reopen`, { reason: '抽查发现页面已失效' })).statusCode).toBe(200);
    expect((await office.request('POST', `/api/measures/${measureId}/close`)).statusCode).toBe(200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.measure_reopen'));
    expect(audit[0].after).toMatchObject({ reason: '抽查发现页面已失效' });
  });

  it('exports the ledger as .xlsx in the notice\'s columns, filterable by unit', async () => {
    const res = await office.request('GET', `/api/plans/${planId}/ledger.xlsx`);
    expect(res.statusCode, res.statusCode === 200 ? '' : res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['序号', '工作任务', '贯彻举措', '牵头单位', '责任单位', '承办单位', '完成时限', '报送进展', '报送日期', '是否逾期', '佐证材料', '状态']));
    const rows: string[][] = [];
    ws.eachRow((r, n) => n > 2 && rows.push(Array.from({ length: 16 }, (_, i) => String(r.getCell(i + 1).value ?? ''))));
    const jwRow = rows.find((r) => r[5] === '区教委' && r[11].includes('收费标准'));
    expect(jwRow).toBeTruthy();
    expect(jwRow![7]).toBe('已完成');
    expect(jwRow![13]).toBe('已通过');
    // A row nobody reported on says 未报送, never 待核查.
    const silent = rows.filter((r) => r[7] === '未报送');
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((r) => r[13] === '未报送')).toBe(true);
    expect(rows.some((r) => r[13] === '待核查')).toBe(false);
    const jw = await unitId('区教委');
    const one = await office.request('GET', `/api/plans/${planId}/ledger.xlsx?unitId=${jw}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    const units2 = new Set<string>();
    wb2.worksheets[0].eachRow((r, n) => n > 2 && units2.add(String(r.getCell(6).value)));
    expect([...units2]).toEqual(['区教委']);
  });

  it('drafts a 通报 from the data, lets the office edit it, and writes it as .docx', async () => {
    const mz = await unitId('区民政局');
    await office.request('POST', `/api/plans/${planId}/marks`, { unitId: mz, kind: 'criticize', reason: '多项任务逾期未报送' });
    const draft = await office.request('POST', `/api/plans/${planId}/circulars`);
    expect(draft.statusCode).toBe(201);
    const c = draft.json();
    expect(c.sections.map((s: { heading: string }) => s.heading)).toEqual(['一、总体进展情况', '二、工作推进较好的单位', '三、工作推进滞后的单位', '四、下一步工作要求']);
    expect(c.sections[0].body).toMatch(/共 46 项举措/);
    expect(c.sections[2].body).toContain('对区民政局予以通报批评：多项任务逾期未报送');
    const edited = [...c.sections];
    edited[3] = { heading: '四、下一步工作要求', body: '请各单位于12月31日前报送完成情况。' };
    expect((await office.request('PUT', `/api/circulars/${c.id}`, { title: c.title, sections: edited })).statusCode).toBe(200);
    const docx = await office.request('GET', `/api/circulars/${c.id}/docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('关于《渝中区2021年政务公开工作要点任务分工》落实情况的通报');
    expect(text).toContain('请各单位于12月31日前报送完成情况。');
    expect(text).toContain('对区民政局予以通报批评');
    expect((await office.request('POST', `/api/circulars/${c.id}/issue`)).statusCode).toBe(200);
    expect((await office.request('PUT', `/api/circulars/${c.id}`, { title: 'x改', sections: edited })).json().error.code).toBe('circular_issued');
  });

  it('lists 通报 marks and withdraws one made in error, which the next draft leaves out', async () => {
    const jd = await unitId('区经济信息委');
    const made = await office.request('POST', `/api/plans/${planId}/marks`, { unitId: jd, kind: 'commend', reason: '误标：应为其他单位' });
    expect(made.statusCode).toBe(200);
    const markId = made.json().id as string;
    const listed = (await office.request('GET', `/api/plans/${planId}/marks`)).json().items;
    expect(listed[0]).toMatchObject({ id: markId, unitName: '区经济信息委', kind: 'commend', reason: '误标：应为其他单位', withdrawn: false });
    expect(listed.some((m: { kind: string; unitName: string }) => m.kind === 'criticize' && m.unitName === '区民政局')).toBe(true);
    // Read by any unit; withdrawn only by the office, with a reason.
    const jw = await t.userWith(['liaison'], '区教委');
    expect((await jw.request('GET', `/api/plans/${planId}/marks`)).statusCode).toBe(200);
    expect((await jw.request('POST', `/api/plans/${planId}/marks/${markId}/withdraw`, { reason: '误标' })).statusCode).toBe(403);
    const noReason = await office.request('POST', `/api/plans/${planId}/marks/${markId}/withdraw`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('请填写撤销理由');

    const w = await office.request('POST', `/api/plans/${planId}/marks/${markId}/withdraw`, { reason: '标记单位有误' });
    expect(w.statusCode).toBe(200);
    expect((await office.request('POST', `/api/plans/${planId}/marks/${markId}/withdraw`, { reason: '再次撤销' })).json().error.code).toBe('mark_withdrawn');
    expect((await office.request('POST', `/api/plans/${planId}/marks/00000000-0000-4000-8000-000000000000/withdraw`, { reason: '不存在的' })).json().error.code).toBe('mark_not_found');
    const after = (await office.request('GET', `/api/plans/${planId}/marks`)).json().items;
    expect(after.find((m: { id: string }) => m.id === markId).withdrawn).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.mark_withdraw'));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ markId, withdrawn: true, withdrawReason: '标记单位有误' });
    const draft = (await office.request('POST', `/api/plans/${planId}/circulars`)).json();
    const text = draft.sections.map((x: { body: string }) => x.body).join('\n');
    expect(text).not.toContain('区经济信息委予以通报表扬');
    expect(text).toContain('对区民政局予以通报批评');
  });

  it('writes a unit\'s completion report as .docx for its own unit only', async () => {
    const jw = await t.userWith(['liaison'], '区教委');
    const mine = await jw.request('GET', `/api/plans/${planId}/units/${jw.actor.unitId}/report.docx`);
    expect(mine.statusCode).toBe(200);
    const text = await docxText(mine.rawPayload);
    expect(text).toContain('重庆市渝中区教育委员会关于《渝中区2021年政务公开工作要点任务分工》完成情况的报告');
    expect(text).not.toContain('待核查');
    expect(text).toContain('已补充收费标准');
    const other = await jw.request('GET', `/api/plans/${planId}/units/${await unitId('区财政局')}/report.docx`);
    expect(other.json().error.code).toBe('out_of_scope');
  });

  it('lists a unit\'s own to-do and what it must check', async () => {
    const czj = await t.userWith(['liaison'], '区财政局');
    const todo = (await czj.request('GET', '/api/plans/todo')).json();
    expect(todo.mine.length).toBeGreaterThan(0);
    expect(todo.mine.every((a: { unitName: string }) => a.unitName === '区财政局')).toBe(true);
    expect(todo.ledMeasures.length).toBeGreaterThan(0);
  });

  it('reminds due-soon and overdue work once each, with a daily digest per unit', async () => {
    // 三(一) first measure: items due 2021年6月底前 and 2021年10月底前, responsible 区党政信息中心.
    const center = await t.userWith(['liaison'], '区党政信息中心');
    const first = await sendPlanReminders(t.database.db, { dueSoonDays: 5, today: '2021-06-25' });
    expect(first.sent).toBeGreaterThan(0);
    expect(first.digests).toBeGreaterThan(0);
    const again = await sendPlanReminders(t.database.db, { dueSoonDays: 5, today: '2021-06-25' });
    expect(again.sent).toBe(0);
    const dueSoon = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'plan.due_soon'));
    expect(dueSoon.some((n) => n.title.includes('2021-06-30'))).toBe(true);
    const overdue = await sendPlanReminders(t.database.db, { dueSoonDays: 5, today: '2021-11-02' });
    expect(overdue.sent).toBeGreaterThan(0);
    const late = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'plan.overdue'));
    expect(late.some((n) => n.title.includes('已逾期（时限 2021-10-31）'))).toBe(true);
    const inbox = (await center.request('GET', '/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['plan.due_soon', 'plan.overdue', 'plan.digest']));
  });

  it('carries unfinished work into a rectification ledger for the next year', async () => {
    const res = await office.request('POST', `/api/plans/${planId}/carry-over`, { dueDate: '2022-06-30' });
    expect(res.statusCode).toBe(200);
    const { plan, measures, assignments } = res.json();
    expect(plan).toMatchObject({ kind: 'rectification', year: 2022, status: 'issued', fromPlanId: planId });
    expect(measures).toBe(45);
    expect(assignments).toBeGreaterThan(0);
    const carried = await t.database.db.select().from(planMeasures).where(eq(planMeasures.planId, plan.id));
    expect(carried.every((m) => m.fromMeasureId && m.dueDate === '2022-06-30')).toBe(true);
    expect((await office.request('POST', `/api/plans/${planId}/carry-over`, { dueDate: '2022-06-30' })).json().error.code).toBe('already_carried');
  });

  it('refuses bad files with a clear error and writes nothing', async () => {
    const send = (filename: string, data: Buffer) => {
      const m = multipartBody({ filename, data });
      return t.app.inject({ method: 'POST', url: '/api/plans/import', payload: m.payload, headers: { ...m.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    };
    const before = (await office.request('GET', '/api/plans')).json().items.length;
    const png = await send('notice.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toMatch(/不是 Word、Excel 或文本文件/);
    const huge = await send('big.docx', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/20 MB/);
    const noTable = await office.request('POST', '/api/plans/import-text', { text: '关于做好政务公开工作的通知\n各单位：请抓好落实。' });
    expect(noTable.statusCode).toBe(400);
    expect((await office.request('GET', '/api/plans')).json().items.length).toBe(before);
  });

  it('deletes a draft imported by mistake, never an issued plan', async () => {
    const other = SEED.replaceAll('渝中区2021年政务公开工作要点任务分工', '渝中区2022年政务公开工作要点任务分工');
    const draft = (await office.request('POST', '/api/plans/import-text', { text: other })).json();
    expect(draft.outcome).toBe('created');
    expect((await office.request('DELETE', `/api/plans/${planId}`)).json().error.code).toBe('plan_not_draft');
    expect((await office.request('DELETE', `/api/plans/${draft.planId}`)).statusCode).toBe(200);
    expect((await office.request('GET', `/api/plans/${draft.planId}`)).statusCode).toBe(404);
  });
});
