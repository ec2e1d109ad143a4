import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxCalls, mailboxMessages, qaConsultations, qaEntries, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

interface WbItem {
  key: string;
  count: number;
  href: string;
}

/**
 * The handling side added around the mailbox: the Q&A seam (candidates, one-step reply with an
 * entry, a hand-written answer proposed to the library), the list filters the workbench links to
 * (each count equals its list), the unit's ledger steps, the call register's states, unit scoping
 * of the new endpoints, and spot checks in the plans' 通报.
 */
describe('mailbox handling', () => {
  let t: TestApp;
  let office: ApiClient;
  let ip = 0;
  const unitIdOf = async (short: string) => (await t.database.db.select().from(units).where(eq(units.shortName, short)))[0].id;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_FORM_CHALLENGE: 'off' }, { withPlan: true });
    office = await t.userWith(['office_admin']);
  });
  afterAll(() => t.close());

  async function write(type: string, title: string, body: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/messages', remoteAddress: `192.0.2.${++ip}`, payload: { type, title, body, name: '李文', phone: '13912340000', consent: true } });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.code, res.json().code));
    return row.id;
  }
  const accept = async (id: string) => expect((await office.request('POST', `/api/mailbox/messages/${id}/review`, { decision: 'accept' })).json().status).toBe('accepted');
  const message = async (id: string) => (await t.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)))[0];

  it('shows a 咨询 the library candidates with scores and replies with an entry in one step', async () => {
    const id = await write('咨询', '申请政府信息公开要交钱吗', '我想向区政府申请公开一些信息，请问申请政府信息公开要收费吗？');
    await accept(id);
    const match = await office.request('GET', `/api/mailbox/messages/${id}/library`);
    expect(match.statusCode, match.body).toBe(200);
    const items = match.json().items as { entryId: string; question: string; score: number; answerText: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].question).toBe('申请政府信息公开要收费吗');
    expect(items[0].score).toBeGreaterThan(50);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    // a unit that does not hold the message neither sees its candidates nor replies to it
    const stranger = await t.userWith(['liaison'], '区教委');
    expect((await stranger.request('GET', `/api/mailbox/messages/${id}/library`)).statusCode).toBe(404);
    expect((await stranger.request('POST', `/api/mailbox/messages/${id}/reply-entry`, { entryId: items[0].entryId })).statusCode).toBe(404);
    expect((await office.request('POST', `/api/mailbox/messages/${id}/reply-entry`, { entryId: '00000000-0000-4000-8000-000000000000' })).json().error.code).toBe('qa_entry_not_found');

    await office.request('POST', `/api/mailbox/messages/${id}/triage`, { triage: 'immediate' });
    const replied = await office.request('POST', `/api/mailbox/messages/${id}/reply-entry`, { entryId: items[0].entryId });
    expect(replied.json().status).toBe('replied');
    const m = await message(id);
    expect(m.replyText).toBe(items[0].answerText.trim());
    const detail = (await office.request('GET', `/api/mailbox/messages/${id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'replied', note: '以问答库条目答复：申请政府信息公开要收费吗' });
    // recorded in the qa module's consultation ledger as answered from the library (channel 信箱)
    const [c] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.id, m.qaConsultationId!));
    expect(c).toMatchObject({ channel: 'mailbox', status: 'answered', matchedEntryId: items[0].entryId, proposalStatus: 'none' });
  });

  it('offers a 咨询 answered by hand to the library; the unit’s 专员 takes it in', async () => {
    const id = await write('咨询', '渝中区老年人乘坐索道有没有优惠', '家里老人七十岁了，想问长江索道和皇冠大扶梯对老年人有没有票价优惠。');
    await accept(id);
    const unitId = await unitIdOf('区民政局');
    await office.request('POST', `/api/mailbox/messages/${id}/triage`, { triage: 'transfer', unitId });
    const liaison = await t.userWith(['liaison'], '区民政局');
    const res = await liaison.request('POST', `/api/mailbox/messages/${id}/reply`, { html: '<p>您好！年满70周岁的老年人凭老年人优待证可享受长江索道票价优惠，皇冠大扶梯免费乘坐。</p>' });
    expect(res.json().status).toBe('replied');
    const m = await message(id);
    const events = (await liaison.request('GET', `/api/mailbox/messages/${id}`)).json().events.map((e: { action: string }) => e.action);
    expect(events.slice(-2)).toEqual(['replied', 'offered']);
    const [c] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.id, m.qaConsultationId!));
    expect(c).toMatchObject({ channel: 'mailbox', status: 'replied', proposalStatus: 'pending', unitId });
    // the qa module's own 待入库 list and review take it into the library
    const specialist = await t.userWith(['qa_specialist'], '区民政局');
    const pending = (await specialist.request('GET', '/api/qa/ledger?proposal=pending')).json().items.map((i: { id: string }) => i.id);
    expect(pending).toContain(c.id);
    const taken = await specialist.request('POST', `/api/qa/consultations/${c.id}/proposal`, { decision: 'accept', kind: 'new', question: '老年人乘坐长江索道有没有优惠' });
    expect(taken.statusCode, taken.body).toBe(200);
    const [entry] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.id, taken.json().entryId));
    expect(entry).toMatchObject({ status: 'published', ownerUnitId: unitId });
    expect(entry.answerText).toContain('老年人优待证');
    // other types are not offered
    const other = await write('建议', '建议延长图书馆开放时间', '建议区图书馆周末延长开放到晚上九点。');
    await accept(other);
    await office.request('POST', `/api/mailbox/messages/${other}/triage`, { triage: 'immediate' });
    await office.request('POST', `/api/mailbox/messages/${other}/reply`, { html: '<p>感谢建议，已转告区图书馆研究。</p>' });
    expect((await message(other)).qaConsultationId).toBeNull();
  });

  it('matches a caller’s question from the call screen (units’ responders may, read-only users may not)', async () => {
    const responder = await t.userWith(['responder'], '区人力社保局');
    const r = await responder.request('POST', '/api/mailbox/library-match', { question: '政府信息公开申请多久能答复' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items[0].question).toBe('申请政府信息公开多久能答复');
    expect((await responder.request('POST', '/api/mailbox/library-match', { question: '' })).statusCode).toBe(400);
    const reader = await t.userWith(['readonly'], '区人力社保局');
    expect((await reader.request('POST', '/api/mailbox/library-match', { question: '政府信息公开申请多久能答复' })).statusCode).toBe(403);
  });

  /** The number of rows the admin list behind a workbench link shows to `c`. */
  async function listed(c: ApiClient, href: string) {
    const url = new URL(href, 'http://x');
    const api = url.pathname === '/mailbox' ? '/api/mailbox/messages' : '/api/mailbox/calls';
    const res = await c.request('GET', `${api}${url.search}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  }
  async function cards(c: ApiClient, sourceId: string) {
    const w = (await c.request('GET', '/api/workbench')).json();
    const s = w.sources.find((x: { id: string }) => x.id === sourceId);
    expect(s?.status).toBe('ok');
    return { items: s.items as WbItem[], deadlines: (w.deadlines as { href: string; sourceId: string }[]).filter((d) => d.sourceId === sourceId) };
  }

  it('takes a message through the unit’s ledger steps, and every workbench count equals the list it links to', async () => {
    const unitId = await unitIdOf('区人力社保局');
    const liaison = await t.userWith(['liaison'], '区人力社保局');
    const id = await write('求助', '失业金申领遇到问题', '网上申领失业保险金一直提示信息不符，请帮忙查一下。');
    let unitCards = await cards(liaison, 'mailbox.unit');
    const signBefore = unitCards.items.find((i) => i.key === 'sign')!.count;
    await accept(id);
    await office.request('POST', `/api/mailbox/messages/${id}/triage`, { triage: 'transfer', unitId });
    unitCards = await cards(liaison, 'mailbox.unit');
    expect(unitCards.items.find((i) => i.key === 'sign')!.count).toBe(signBefore + 1);
    const ledger = (await liaison.request('GET', `/api/mailbox/messages/${id}`)).json().ledger;
    // 签收, then one extension asked and approved: the message's due date moves with the ledger's
    expect((await liaison.request('POST', `/api/ledger/items/${ledger.id}/sign`)).json().status).toBe('accepted');
    expect((await liaison.request('POST', `/api/ledger/items/${ledger.id}/extension`, { days: 3, reason: '需向市人力社保局核实数据' })).json().extension).toBe('requested');
    expect((await office.request('GET', '/api/mailbox/messages?stage=extension')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    const before = (await message(id)).dueDate;
    const decided = await office.request('POST', `/api/ledger/items/${ledger.id}/extension/decision`, { approve: true });
    expect(decided.json().extension).toBe('approved');
    const after = await message(id);
    expect(after.dueDate > before).toBe(true);
    expect(after.dueDate).toBe((await loadCalendar(t.database.db)).provisionalWorkingDays(after.receivedOn, after.workingDays + 3));
    expect((await liaison.request('POST', `/api/ledger/items/${ledger.id}/extension`, { days: 2, reason: '再次延期' })).json().error.code).toBe('extension_used');
    // 退回 with a reason: back with the office, on its to-triage list
    expect((await liaison.request('POST', `/api/ledger/items/${ledger.id}/return`, { reason: '涉及区就业服务中心系统，请转该中心办理' })).json().status).toBe('returned');
    expect(await message(id)).toMatchObject({ status: 'accepted', unitId: null });
    expect((await office.request('GET', '/api/mailbox/messages?stage=triage')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await liaison.request('GET', `/api/mailbox/messages/${id}`)).statusCode).toBe(404);

    for (const [client, sourceId] of [[office, 'mailbox.office'], [liaison, 'mailbox.unit']] as const) {
      const { items, deadlines } = await cards(client, sourceId);
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) expect(await listed(client, item.href), `${sourceId} ${item.key}`).toBe(item.count);
      for (const d of deadlines) expect(await listed(client, d.href)).toBeGreaterThan(0);
    }
  });

  it('keeps each unit to its own calls, counts callbacks due and overdue, and closes one on callback', async () => {
    const liaison = await t.userWith(['liaison'], '区卫生健康委');
    const other = await t.userWith(['liaison'], '区人力社保局');
    const logged = await liaison.request('POST', '/api/mailbox/calls', { calledAt: new Date().toISOString(), numberCalled: '023-63805678', callerName: '周女士', callerPhone: '13800138000', question: '流感疫苗在哪里可以接种', answeredOnSpot: false });
    expect(logged.statusCode, logged.body).toBe(200);
    const call = logged.json();
    expect(call.callbackDue).toBe((await loadCalendar(t.database.db)).provisionalWorkingDays(todayInShanghai(), 5));
    const ids = async (c: ApiClient, q: string) => (await c.request('GET', `/api/mailbox/calls?${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(liaison, 'state=pending')).toContain(call.id);
    expect(await ids(liaison, `id=${call.id}`)).toEqual([call.id]);
    expect(await ids(other, 'state=pending')).not.toContain(call.id);
    expect(await ids(other, `id=${call.id}`)).toEqual([]);
    const unitId = await unitIdOf('区卫生健康委');
    expect(await ids(other, `unitId=${unitId}`)).not.toContain(call.id);
    expect((await other.request('POST', `/api/mailbox/calls/${call.id}/callback`, { note: '已回电' })).statusCode).toBe(404);
    // the seeded overdue callback (区人力社保局) shows on that unit's overdue list only
    const overdue = await ids(other, 'state=overdue');
    expect(overdue.length).toBeGreaterThan(0);
    const [row] = await t.database.db.select().from(mailboxCalls).where(eq(mailboxCalls.id, overdue[0]));
    expect(row.callbackDue! < todayInShanghai()).toBe(true);
    expect(await ids(liaison, 'state=overdue')).not.toContain(overdue[0]);
    expect((await liaison.request('POST', `/api/mailbox/calls/${call.id}/callback`, { note: '已回电告知就近社区卫生服务中心可接种' })).json().callbackOn).toBe(todayInShanghai());
    expect(await ids(liaison, 'state=pending')).not.toContain(call.id);
  });

  it('puts the office’s spot checks per unit into the plans’ 通报 draft', async () => {
    const plans = (await office.request('GET', '/api/plans')).json();
    const plan = (plans.items ?? plans)[0];
    const unitId = await unitIdOf('区司法局');
    const check = await office.request('POST', '/api/mailbox/spot-checks', { unitId, checkedAt: `${plan.year}-06-15T10:00:00+08:00`, numberDialled: '023-63700000', answered: false, withinHours: true, result: '工作时间无人接听' });
    expect(check.statusCode, check.body).toBe(200);
    const liaison = await t.userWith(['liaison'], '区司法局');
    expect((await liaison.request('POST', '/api/mailbox/spot-checks', { unitId, checkedAt: new Date().toISOString(), numberDialled: '1', answered: true, withinHours: true, result: '好' })).statusCode).toBe(403);
    const draft = await office.request('POST', `/api/plans/${plan.id}/circulars`);
    expect(draft.statusCode, draft.body).toBe(201);
    const text = draft.json().sections.map((s: { body: string }) => s.body).join('\n');
    expect(text).toContain('对外联系电话抽查：区司法局被抽查 1 次，工作时间内未接听 1 次。');
  });
});
