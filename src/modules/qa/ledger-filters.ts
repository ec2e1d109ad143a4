import { and, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { qaConsultations } from '../../db/schema/index.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import { soonLimit } from '../../platform/ledger/ledger-clock.ts';

/**
 * The ledger's named filters, one SQL definition each, shared by the list (`GET /api/qa/ledger?due=…`,
 * list-ledger.ts) and the workbench counts (workbench-sources.ts), so a count and the list behind
 * its link agree by construction:
 * - `awaiting` 待答复: registered, not yet replied;
 * - `due_soon` 两个工作日内到期: awaiting, due today or by the second working day after today (the
 *   platform's one due-soon limit, ledger-clock.ts `soonLimit`, as the ledger and the mailbox);
 * - `overdue` 已逾期: awaiting, due before today;
 * - `unrouted` 待交办: awaiting, no unit yet (the office's);
 * - `proposal` 待入库: a replied question proposed for the library, waiting for the 专员's review.
 */
export const LEDGER_FILTERS = ['awaiting', 'due_soon', 'overdue', 'unrouted', 'proposal'] as const;
export type LedgerFilter = (typeof LEDGER_FILTERS)[number];

/** Working days after today within which an awaiting question counts as due soon. */
export const DUE_SOON_WORKING_DAYS = 2;

/** The day the filters are read on, and the last day "due soon" reaches (see `ledgerFilterDay`). */
export interface LedgerFilterDay {
  today: string;
  soonLimit: string;
}

/** Today and its due-soon limit, computed once per list or count. */
export function ledgerFilterDay(calendar: Calendar, today: string): LedgerFilterDay {
  return { today, soonLimit: soonLimit(calendar, today, DUE_SOON_WORKING_DAYS) };
}

export function ledgerFilterSql(filter: LedgerFilter, { today, soonLimit }: LedgerFilterDay): SQL {
  const awaiting = eq(qaConsultations.status, 'registered');
  switch (filter) {
    case 'awaiting':
      return awaiting;
    case 'due_soon':
      return and(awaiting, gte(qaConsultations.dueOn, today), lte(qaConsultations.dueOn, soonLimit))!;
    case 'overdue':
      return and(awaiting, lt(qaConsultations.dueOn, today))!;
    case 'unrouted':
      return and(awaiting, isNull(qaConsultations.unitId))!;
    case 'proposal':
      return eq(qaConsultations.proposalStatus, 'pending');
  }
}

/** `count(*) filter (where …)` of one named filter. */
export const countFilter = (filter: LedgerFilter, day: LedgerFilterDay) => sql<number>`count(*) filter (where ${ledgerFilterSql(filter, day)})::int`;
