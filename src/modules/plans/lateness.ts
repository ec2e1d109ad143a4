import { sql, type SQL } from 'drizzle-orm';
import { planAssignments } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';

/**
 * Lateness, one rule for the whole module (dashboard, ledger, circulars, unit report, reminders, UI):
 *
 * - A unit has *answered* an assignment when its standing report says 已完成 or 无法完成 (a return by
 *   the lead unit puts the assignment back to 推进中, so a returned report no longer stands).
 * - The answer is dated by the day the unit reported it (Asia/Shanghai) — not by when the lead unit
 *   got round to checking it. After a return, the later report's day counts.
 * - 逾期未完成 (overdue): not answered, and the due date has passed (due date < today).
 * - 逾期完成 (finished late): answered, but reported after the due date.
 *
 * The due date is the assignment's own (a return may set a new one).
 */
export const FINISHED_STATUSES = ['done', 'cannot_complete'] as const;

export const isFinished = (status: string) => (FINISHED_STATUSES as readonly string[]).includes(status);

/** The day (YYYY-MM-DD, Asia/Shanghai) of the standing 已完成/无法完成 report, or null. */
export const reportedOnSql = sql<string | null>`case when ${planAssignments.status} in ('done', 'cannot_complete') and ${planAssignments.lastReportAt} is not null
  then to_char(${planAssignments.lastReportAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD') end`;

/** 逾期未完成 as of `today`. */
export const overdueSql = (today: string): SQL<boolean> =>
  sql<boolean>`(${planAssignments.status} not in ('done', 'cannot_complete') and ${planAssignments.dueDate} < ${today})`;

/** 逾期完成: answered, but reported after the due date. */
export const finishedLateSql = sql<boolean>`(${planAssignments.status} in ('done', 'cannot_complete') and ${planAssignments.lastReportAt} is not null
  and to_char(${planAssignments.lastReportAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD') > ${planAssignments.dueDate}::text)`;

export interface LatenessInput {
  status: string;
  dueDate: string;
  lastReportAt: Date | string | null;
}

export interface Lateness {
  /** The day the standing 已完成/无法完成 report was made, or null. */
  reportedOn: string | null;
  /** 逾期未完成 as of today. */
  overdue: boolean;
  /** 逾期完成. */
  finishedLate: boolean;
}

/** The same rule in code, for rows already read. */
export function lateness(a: LatenessInput, today = todayInShanghai()): Lateness {
  const reportedOn = isFinished(a.status) && a.lastReportAt ? todayInShanghai(new Date(a.lastReportAt)) : null;
  return {
    reportedOn,
    overdue: !isFinished(a.status) && a.dueDate < today,
    finishedLate: reportedOn !== null && reportedOn > a.dueDate,
  };
}
