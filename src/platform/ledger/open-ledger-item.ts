import { ledgerItems } from '../../db/schema/index.ts';
import { conflict } from '../errors.ts';
import type { OpContext } from '../context.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { notifyUnits } from '../notifications/notify.ts';
import { ledgerDueDate } from './ledger-clock.ts';
import { recordLedgerStep } from './record-ledger-step.ts';

export interface OpenLedgerItem {
  /** The module's kind of subject: `qa_question`, `mailbox_message`, `call_callback`, `request_transfer` … */
  subjectType: string;
  subjectId: string;
  /** What the unit sees in its list (staff only; may hold the subject's title). */
  title: string;
  /** Where the admin app shows the subject, e.g. `/admin/mailbox/messages/<id>`. */
  link?: string | null;
  /** The unit that must answer; null = with the dispatcher (the office) until assigned. */
  unitId: string | null;
  /** The day the clock starts (receipt, 'YYYY-MM-DD'); the due date is `workingDays` working days later. */
  receivedOn: string;
  workingDays: number;
  note?: string | null;
}

/**
 * Opens the ledger item of a subject (one per subject; `ledger_item_exists` for a second) inside
 * the caller's transaction: status 待签收 (pending) at `unitId`, or 已退回 (returned: waiting for the
 * dispatcher) when no unit is named; due date from the platform calendar; timeline + audit rows;
 * the unit's liaisons and responders notified. The caller has checked its own module's permission.
 */
export async function openLedgerItem(tx: OpContext, input: OpenLedgerItem) {
  const calendar = await loadCalendar(tx.db);
  const dueDate = ledgerDueDate(calendar, input.receivedOn, input.workingDays);
  const [row] = await tx.db
    .insert(ledgerItems)
    .values({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      title: input.title.slice(0, 300),
      link: input.link ?? null,
      unitId: input.unitId,
      status: input.unitId ? 'pending' : 'returned',
      receivedOn: input.receivedOn,
      workingDays: input.workingDays,
      dueDate,
      dispatchedBy: tx.actor?.id ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('ledger_item_exists', '该事项已在办理台账中');
  const item = await recordLedgerStep(tx, row, { action: 'dispatched', change: {}, note: input.note, toUnitId: input.unitId, data: { dueDate, workingDays: input.workingDays } });
  if (input.unitId) await notifyUnits(tx.db, [input.unitId], { kind: 'ledger.dispatched', title: `新交办事项：${item.title}（${dueDate} 前答复）`, link: item.link ?? '/admin/ledger' }, ['liaison', 'responder']);
  return item;
}
