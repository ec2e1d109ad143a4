import { and, desc, eq, inArray } from 'drizzle-orm';
import { requestCases, requestEvents } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { onLedgerStep, type LedgerItem } from '../../platform/ledger/ledger-listeners.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { closeLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { recomputeCaseClock } from './case-clock.ts';
import { CLOCK_EVENT_TYPES, type ClockSettings } from './clock/compute-due.ts';
import { SUBJECT_TRANSFER } from './transfer-request.ts';

/**
 * The ledger's 签收 and 退回 of a transferred request, kept in step with the case (inside the ledger
 * step's transaction):
 * - 签收: the case moves to the receiving agency. A case already received starts again there: the
 *   day of signing is its receipt date (the earlier clock events are voided, kept on the timeline);
 *   one still waiting for confirmation waits there (第三十一条 per channel). The ledger item closes.
 * - 退回: the case goes back to its agency in the state it had, with the reason on its timeline.
 */
export function registerTransferWiring(settings: ClockSettings) {
  onLedgerStep(SUBJECT_TRANSFER, async (tx, item, action) => {
    if (action === 'accepted') await signed(tx, item, settings);
    if (action === 'returned') await returned(tx, item, settings);
  });
}

async function lastTransfer(tx: OpContext, caseId: string) {
  const [e] = await tx.db
    .select({ data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.kind, 'transferred')))
    .orderBy(desc(requestEvents.id))
    .limit(1);
  return (e?.data ?? {}) as { fromUnitId?: string; previousStatus?: string };
}

async function signed(tx: OpContext, item: LedgerItem, settings: ClockSettings) {
  const caseId = item.subjectId;
  const [c] = await tx.db.select().from(requestCases).where(eq(requestCases.id, caseId)).for('update');
  if (!c || c.status !== '已转办' || !item.unitId) return;
  const today = todayInShanghai();
  const wasReceived = c.receivedOn !== null;
  await tx.db.insert(requestEvents).values({ caseId, kind: 'transfer_signed', on: today, data: { fromUnitId: c.agencyUnitId, toUnitId: item.unitId }, createdBy: tx.actor?.id ?? null });
  if (wasReceived) {
    await tx.db
      .update(requestEvents)
      .set({ voided: true })
      .where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.voided, false), inArray(requestEvents.kind, [...CLOCK_EVENT_TYPES])));
    await tx.db.insert(requestEvents).values({ caseId, kind: 'received', on: today, data: { channel: c.channel, rule: '转送的申请，以受送机关签收之日为收到申请之日' }, createdBy: tx.actor?.id ?? null });
  }
  await tx.db
    .update(requestCases)
    .set({ agencyUnitId: item.unitId, status: wasReceived ? '办理中' : '待确认收到', receivedOn: wasReceived ? today : null, applicantDueOn: null, updatedAt: new Date() })
    .where(eq(requestCases.id, caseId));
  const clock = wasReceived ? await recomputeCaseClock(tx, caseId, await loadCalendar(tx.db), settings) : null;
  await writeAudit(tx, { action: 'request.transfer_signed', entity: 'request_case', entityId: caseId, before: { agencyUnitId: c.agencyUnitId, receivedOn: c.receivedOn }, after: { agencyUnitId: item.unitId, receivedOn: wasReceived ? today : null, dueOn: clock?.due ?? null } });
  await notifyUnits(tx.db, [c.agencyUnitId], { kind: 'request.transfer_signed', title: `转送的申请 ${c.code} 已被签收`, link: '/admin/requests' }, ['liaison', 'responder']);
  await closeLedgerItem(tx, { subjectType: SUBJECT_TRANSFER, subjectId: caseId }, '已签收，转入依申请公开办理');
}

async function returned(tx: OpContext, item: LedgerItem, settings: ClockSettings) {
  const caseId = item.subjectId;
  const [c] = await tx.db.select().from(requestCases).where(eq(requestCases.id, caseId)).for('update');
  if (!c || c.status !== '已转办') return;
  const previous = (await lastTransfer(tx, caseId)).previousStatus ?? (c.receivedOn ? '办理中' : '待确认收到');
  await tx.db.insert(requestEvents).values({ caseId, kind: 'transfer_returned', on: todayInShanghai(), data: { unitId: item.unitId }, note: item.returnReason, createdBy: tx.actor?.id ?? null });
  await tx.db.update(requestCases).set({ status: previous, updatedAt: new Date() }).where(eq(requestCases.id, caseId));
  // A calendar change while it was away did not reach it (已转办 is not an open state).
  if (c.receivedOn) await recomputeCaseClock(tx, caseId, await loadCalendar(tx.db), settings);
  await writeAudit(tx, { action: 'request.transfer_returned', entity: 'request_case', entityId: caseId, before: { status: c.status }, after: { status: previous, unitId: item.unitId, reason: item.returnReason } });
  await notifyUnits(tx.db, [c.agencyUnitId], { kind: 'request.transfer_returned', title: `转送的申请 ${c.code} 被退回：${item.returnReason ?? ''}`.slice(0, 200), link: `/admin/requests/${caseId}` }, ['liaison', 'responder']);
  await closeLedgerItem(tx, { subjectType: SUBJECT_TRANSFER, subjectId: caseId }, '已退回原受理机关');
}
