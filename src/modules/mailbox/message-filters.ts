import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { ledgerItems, mailboxCalls, mailboxMessages } from '../../db/schema/index.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import type { MessageStatus } from './strings.ts';

/** A message is open (its clock runs) while received, accepted or assigned. */
export const OPEN_MESSAGE_STATUSES: MessageStatus[] = ['received', 'accepted', 'assigned'];

export type MessageDue = 'soon' | 'overdue';
export interface DueWindow {
  today: string;
  soonLimit: string;
}

/**
 * The one SQL definition of the handling list's states, shared by the list (`list-messages.ts`) and
 * the workbench counts (`workbench-sources.ts`) so that a count and the list it links to agree.
 */
/**
 * Open, written with literal values (not parameters) so that the planner matches the partial indexes
 * `mailbox_messages_open_due_idx` / `…_unit_open_due_idx`, whose predicate is this same list.
 */
const openSql = (): SQL => sql`${mailboxMessages.status} in (${sql.raw(OPEN_MESSAGE_STATUSES.map((s) => `'${s}'`).join(', '))})`;

export const messageStateSql = {
  open: openSql,
  due: (due: MessageDue, w: DueWindow): SQL =>
    due === 'overdue' ? and(openSql(), lt(mailboxMessages.dueDate, w.today))! : and(openSql(), sql`${mailboxMessages.dueDate} between ${w.today} and ${w.soonLimit}`)!,
  dueOn: (date: string): SQL => and(openSql(), eq(mailboxMessages.dueDate, date))!,
  /** With the office, to send on: accepted and at no unit (new, returned by a unit, or reopened). */
  toTriage: (): SQL => and(eq(mailboxMessages.status, 'accepted'), sql`${mailboxMessages.unitId} is null`)!,
  /** Sent to a unit that has not signed for it yet (its ledger item 待签收). */
  toSign: (): SQL => sql`exists (select 1 from ${ledgerItems} where ${ledgerItems.subjectType} = ${SUBJECT_MESSAGE} and ${ledgerItems.subjectId} = ${mailboxMessages.id}::text and ${ledgerItems.status} = 'pending')`,
  /** A unit asked for more time and the office has not decided. */
  extensionRequested: (): SQL =>
    sql`exists (select 1 from ${ledgerItems} where ${ledgerItems.subjectType} = ${SUBJECT_MESSAGE} and ${ledgerItems.subjectId} = ${mailboxMessages.id}::text and ${ledgerItems.extension} = 'requested')`,
};

export type CallState = 'pending' | 'overdue' | 'soon';

/** The call register's callback states, shared by the list and the workbench. */
export const callStateSql = {
  pending: (): SQL => sql`${mailboxCalls.answeredOnSpot} = false and ${mailboxCalls.callbackOn} is null`,
  state: (state: CallState, w: DueWindow): SQL => {
    const pending = callStateSql.pending();
    if (state === 'pending') return pending;
    if (state === 'overdue') return sql`${pending} and ${mailboxCalls.callbackDue} < ${w.today}`;
    return sql`${pending} and ${mailboxCalls.callbackDue} between ${w.today} and ${w.soonLimit}`;
  },
  dueOn: (date: string): SQL => sql`${callStateSql.pending()} and ${mailboxCalls.callbackDue} = ${date}`,
};
