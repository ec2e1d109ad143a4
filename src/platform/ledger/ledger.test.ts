import { isWorkday } from 'chinese-days';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerEvents, ledgerItems, notifications, units } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { addDays } from '../calendar/dates.ts';
import { setCalendarYear } from '../calendar/set-calendar-year.ts';
import { inTransaction, type Actor } from '../context.ts';
import { onLedgerStep } from './ledger-listeners.ts';
import { openLedgerItem } from './open-ledger-item.ts';
import { closeLedgerItem, reopenLedgerItem, replyLedgerItem } from './reply-ledger-item.ts';
import { sendLedgerReminders } from './send-ledger-reminders.ts';

/** The oracle: chinese-days' own list, counted the same way (receipt day not counted). */
function oracleAdd(date: string, n: number) {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
  }
  return d;
}

describe('dispatch-and-reply ledger', () => {
  let t: TestApp;
  let office: Actor;
  let unitA: string;
  let unitB: string;
  const heard: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const [a] = await t.database.db.select().from(units).where(eq(units.shortName, '区司法局'));
    const [b] = await t.database.db.select().from(units).where(eq(units.shortName, '区教委'));
    unitA = a.id;
    unitB = b.id;
    office = (await t.userWith(['office_admin'])).actor;
    onLedgerStep('test_subject', async (_tx, item, action) => void heard.push(`${action}:${item.status}`));
  });
  afterAll(() => t.close());

  const open = (subjectId: string, unitId: string | null, receivedOn = '2026-09-29', workingDays = 5) =>
    inTransaction({ db: t.database.db, actor: office }, (tx) => openLedgerItem(tx, { subjectType: 'test_subject', subjectId, title: `测试事项 ${subjectId}`, link: `/admin/test/${subjectId}`, unitId, receivedOn, workingDays }));

  it('opens an item with its due date in working days across National Day, a timeline row and an audit row', async () => {
    const item = await open('s1', unitA);
    expect(item.dueDate).toBe(oracleAdd('2026-09-29', 5));
    expect(item.status).toBe('pending');
    const events = await t.database.db.select().from(ledgerEvents).where(eq(ledgerEvents.itemId, item.id));
    expect(events.map((e) => e.action)).toEqual(['dispatched']);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'ledger_item'), eq(auditLog.entityId, item.id)));
    expect(audits.map((a) => a.action)).toEqual(['ledger.dispatched']);
    expect(heard).toContain('dispatched:pending');
    await expect(open('s1', unitA)).rejects.toMatchObject({ code: 'ledger_item_exists' });
  });

  it('lets the unit sign, return with a reason, the office reassign, and keeps other units out', async () => {
    const item = await open('s2', unitA);
    const liaisonA = await t.userWith(['liaison'], '区司法局');
    const liaisonB = await t.userWith(['liaison'], '区教委');
    const editorA = await t.userWith(['editor'], '区司法局');
    const officeClient = await t.userWith(['office_admin']);
    // another unit neither sees nor touches it
    expect((await liaisonB.request('GET', `/api/ledger/items/${item.id}`)).statusCode).toBe(404);
    expect((await liaisonB.request('POST', `/api/ledger/items/${item.id}/sign`)).statusCode).toBe(404);
    expect((await liaisonB.request('GET', '/api/ledger/items')).json().items.some((i: { id: string }) => i.id === item.id)).toBe(false);
    expect((await editorA.request('POST', `/api/ledger/items/${item.id}/sign`)).statusCode).toBe(403);
    expect((await liaisonA.request('GET', '/api/ledger/items?subjectType=test_subject&status=open')).json().items.map((i: { id: string }) => i.id)).toContain(item.id);
    const signed = await liaisonA.request('POST', `/api/ledger/items/${item.id}/sign`);
    expect(signed.json().status).toBe('accepted');
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/sign`)).json().error.code).toBe('ledger_wrong_state');
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/return`, { reason: '' })).statusCode).toBe(400);
    const returned = await liaisonA.request('POST', `/api/ledger/items/${item.id}/return`, { reason: '不属于本单位职责，建议转区教委' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '不属于本单位职责，建议转区教委' });
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/reassign`, { unitId: unitB })).statusCode).toBe(403);
    const moved = await officeClient.request('POST', `/api/ledger/items/${item.id}/reassign`, { unitId: unitB, note: '请区教委办理' });
    expect(moved.json()).toMatchObject({ status: 'pending', unitId: unitB, dueDate: item.dueDate });
    expect((await liaisonA.request('GET', `/api/ledger/items/${item.id}`)).statusCode).toBe(404);
    const detail = (await liaisonB.request('GET', `/api/ledger/items/${item.id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['dispatched', 'accepted', 'returned', 'reassigned']);
    const [nameA, nameB] = await Promise.all([unitA, unitB].map(async (id) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0].name));
    expect(detail.timeline[3]).toMatchObject({ fromUnit: nameA, toUnit: nameB, note: '请区教委办理' });
    const inbox = await t.database.db.select().from(notifications).where(eq(notifications.userId, liaisonB.actor.id));
    expect(inbox.some((n) => n.kind === 'ledger.dispatched')).toBe(true);
  });

  it('grants one extension with the office approval, recomputing the due date', async () => {
    const item = await open('s3', unitA, '2026-11-02', 15);
    const liaisonA = await t.userWith(['responder'], '区司法局');
    const officeClient = await t.userWith(['office_admin']);
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/extension`, { days: 40, reason: '需要调查' })).statusCode).toBe(400);
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/extension`, { days: 10, reason: '需要实地调查核实' })).json().extension).toBe('requested');
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/extension`, { days: 5, reason: '再次申请' })).json().error.code).toBe('extension_used');
    expect((await liaisonA.request('POST', `/api/ledger/items/${item.id}/extension/decision`, { approve: true })).statusCode).toBe(403);
    const ok = (await officeClient.request('POST', `/api/ledger/items/${item.id}/extension/decision`, { approve: true, note: '同意' })).json();
    expect(ok).toMatchObject({ extension: 'approved', extendedDays: 10, dueDate: oracleAdd('2026-11-02', 25) });
    expect((await officeClient.request('POST', `/api/ledger/items/${item.id}/extension/decision`, { approve: true })).json().error.code).toBe('no_extension_request');
  });

  it('replies, reopens to the office with a fresh clock, and closes — each in the module\'s transaction', async () => {
    const item = await open('s4', unitA, '2026-11-02', 5);
    const responderA = (await t.userWith(['responder'], '区司法局')).actor;
    const responderB = (await t.userWith(['responder'], '区教委')).actor;
    const subject = { subjectType: 'test_subject', subjectId: 's4' };
    await expect(inTransaction({ db: t.database.db, actor: responderB }, (tx) => replyLedgerItem(tx, subject))).rejects.toMatchObject({ code: 'ledger_item_not_found' });
    const replied = await inTransaction({ db: t.database.db, actor: responderA }, (tx) => replyLedgerItem(tx, subject, { repliedOn: '2026-11-05', note: '已电话答复' }));
    expect(replied).toMatchObject({ status: 'replied', repliedOn: '2026-11-05' });
    const reopened = await inTransaction({ db: t.database.db, actor: office }, (tx) => reopenLedgerItem(tx, subject, { unitId: null, receivedOn: '2026-11-10', note: '来信人不满意' }));
    expect(reopened).toMatchObject({ status: 'returned', unitId: null, receivedOn: '2026-11-10', dueDate: oracleAdd('2026-11-10', 5), repliedOn: null });
    const closed = await inTransaction({ db: t.database.db, actor: office }, (tx) => closeLedgerItem(tx, subject, '来信人撤回'));
    expect(closed?.status).toBe('closed');
    expect(heard.filter((h) => h.startsWith('replied') || h.startsWith('reopened') || h.startsWith('closed'))).toEqual(['replied:replied', 'reopened:returned', 'closed:closed']);
    expect(item.id).toBe(closed?.id);
  });

  it('reminds before, on and after the due day once each, and lists due-soon and overdue by unit', async () => {
    const item = await open('s5', unitA, '2026-11-16', 5);
    const due = item.dueDate;
    const before = oracleAdd('2026-11-16', 4);
    const after = oracleAdd(due, 1);
    const liaisonA = await t.userWith(['liaison'], '区司法局');
    const officeClient = await t.userWith(['office_admin']);
    const mine = async () => (await t.database.db.select().from(notifications).where(eq(notifications.userId, liaisonA.actor.id))).filter((n) => n.title.includes('s5')).map((n) => n.kind);
    await sendLedgerReminders(t.database.db, { soonDays: 2, today: before });
    await sendLedgerReminders(t.database.db, { soonDays: 2, today: before });
    expect(await mine()).toEqual(['ledger.due_soon']);
    await sendLedgerReminders(t.database.db, { soonDays: 2, today: due });
    await sendLedgerReminders(t.database.db, { soonDays: 2, today: after });
    await sendLedgerReminders(t.database.db, { soonDays: 2, today: after });
    expect((await mine()).sort()).toEqual(['ledger.due_soon', 'ledger.due_today', 'ledger.overdue']);
    const officeInbox = await t.database.db.select().from(notifications).where(eq(notifications.userId, officeClient.actor.id));
    expect(officeInbox.filter((n) => n.title.includes('s5')).map((n) => n.kind)).toEqual(['ledger.overdue']);
    const overdue = (await officeClient.request('GET', `/api/ledger/items?due=overdue&unitId=${unitA}`)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const counts = (await liaisonA.request('GET', '/api/ledger/counts?subjectType=test_subject')).json().items;
    expect(counts.every((c: { unitId: string }) => c.unitId === unitA)).toBe(true);
  });

  it('recomputes open due dates when the calendar changes, in the same transaction', async () => {
    const item = await open('s6', unitA, '2026-12-01', 5);
    const done = await open('s7', unitA, '2026-12-01', 5);
    await inTransaction({ db: t.database.db, actor: office }, (tx) => replyLedgerItem(tx, { subjectType: 'test_subject', subjectId: 's7' }));
    // declare 2026-12-03 and 04 holidays (keeping the year's real exceptions)
    const { calendarDays } = await import('../../db/schema/index.ts');
    const kept = await t.database.db.select().from(calendarDays).where(eq(calendarDays.year, 2026));
    const days = [...kept.map((d) => ({ date: d.date, kind: d.kind as 'off' | 'work', name: d.name })), { date: '2026-12-03', kind: 'off' as const, name: '测试' }, { date: '2026-12-04', kind: 'off' as const, name: '测试' }];
    const res = await setCalendarYear({ db: t.database.db, actor: office }, { year: 2026, days });
    expect(res.recomputed.ledger).toBeGreaterThanOrEqual(1);
    const [after] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, item.id));
    expect(after.dueDate > item.dueDate).toBe(true);
    const [untouched] = await t.database.db.select().from(ledgerItems).where(eq(ledgerItems.id, done.id));
    expect(untouched.dueDate).toBe(done.dueDate);
    const events = await t.database.db.select().from(ledgerEvents).where(eq(ledgerEvents.itemId, item.id));
    expect(events.at(-1)?.action).toBe('due_recomputed');
  });
});
