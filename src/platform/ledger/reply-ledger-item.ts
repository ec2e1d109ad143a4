import type { OpContext } from '../context.ts';
import { outOfScope } from '../errors.ts';
import { todayInShanghai } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { isDistrictWide } from '../policy.ts';
import { ledgerDueDate } from './ledger-clock.ts';
import { ledgerItemOf, loadLedgerItemForStep } from './load-ledger-item.ts';
import { recordLedgerStep } from './record-ledger-step.ts';
import type { LedgerItem } from './ledger-listeners.ts';

/**
 * 答复: the subject was answered — called by the module inside its own reply transaction, after
 * its own permission check. The assigned unit (or the office, for an item with it) answers;
 * a pending item is signed for implicitly. `repliedOn` defaults to today (Asia/Shanghai).
 */
export async function replyLedgerItem(tx: OpContext, subject: { subjectType: string; subjectId: string }, opts: { note?: string | null; repliedOn?: string } = {}): Promise<LedgerItem> {
  const found = await ledgerItemOf(tx, subject.subjectType, subject.subjectId);
  if (!found) throw outOfScope('该事项不在办理台账中');
  const item = await loadLedgerItemForStep(tx, found.id, ['pending', 'accepted', 'returned']);
  if (tx.actor && !isDistrictWide(tx.actor) && item.unitId !== tx.actor.unitId) throw outOfScope('只能答复交办给本单位的事项');
  const repliedOn = opts.repliedOn ?? todayInShanghai();
  return recordLedgerStep(tx, item, { action: 'replied', change: { status: 'replied', repliedOn }, note: opts.note, data: { onTime: repliedOn <= item.dueDate } });
}

/**
 * 重新办理: a replied (or closed) item is opened again — e.g. the writer was 不满意 — back with the
 * dispatcher (`unitId` null, status 已退回) or at a unit (待签收), with a fresh clock from `receivedOn`
 * (default today). Called by the module in its own transaction.
 */
export async function reopenLedgerItem(
  tx: OpContext,
  subject: { subjectType: string; subjectId: string },
  opts: { unitId: string | null; workingDays?: number; receivedOn?: string; note: string },
): Promise<LedgerItem> {
  const found = await ledgerItemOf(tx, subject.subjectType, subject.subjectId);
  if (!found) throw outOfScope('该事项不在办理台账中');
  const item = await loadLedgerItemForStep(tx, found.id, ['replied', 'closed']);
  const receivedOn = opts.receivedOn ?? todayInShanghai();
  const workingDays = opts.workingDays ?? item.workingDays;
  const dueDate = ledgerDueDate(await loadCalendar(tx.db), receivedOn, workingDays);
  return recordLedgerStep(tx, item, {
    action: 'reopened',
    change: { status: opts.unitId ? 'pending' : 'returned', unitId: opts.unitId, returnReason: opts.unitId ? null : opts.note, receivedOn, workingDays, extendedDays: 0, extension: 'none', extensionDays: null, extensionReason: null, dueDate, repliedOn: null, lastReminder: null },
    note: opts.note,
    fromUnitId: item.unitId,
    toUnitId: opts.unitId,
  });
}

/** 办结 without a reply (withdrawn, merged into another, rejected after dispatch): the clock stops. */
export async function closeLedgerItem(tx: OpContext, subject: { subjectType: string; subjectId: string }, note: string): Promise<LedgerItem | null> {
  const found = await ledgerItemOf(tx, subject.subjectType, subject.subjectId);
  if (!found || found.status === 'closed' || found.status === 'replied') return found;
  const item = await loadLedgerItemForStep(tx, found.id);
  return recordLedgerStep(tx, item, { action: 'closed', change: { status: 'closed' }, note });
}
