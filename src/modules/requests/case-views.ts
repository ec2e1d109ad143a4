import { and, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { requestCases } from '../../db/schema/index.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import { addDays } from '../../platform/calendar/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { OPEN_STATUSES, WAITING_STATUSES } from './statuses.ts';

/**
 * The handler's views of the case list, one SQL definition each, shared by the list
 * (list-requests.ts) and the workbench counts (workbench-sources.ts), so a count and the list it
 * links to agree by construction.
 */
export const LIST_VIEWS = ['awaiting_receipt', 'running', 'due_soon', 'overdue', 'closed_late', 'waiting'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

/** The reply clock runs (open, received, not waiting for the applicant). */
export const RUNNING_STATUSES = OPEN_STATUSES.filter((s) => !WAITING_STATUSES.includes(s));

/**
 * The last day that counts as "due soon": `days` working days after today. When that runs into a
 * year whose holidays are not yet entered, weekdays stand in for working days (the list must not
 * fail in late December before the State Council's notice is entered).
 */
export function dueSoonUntil(calendar: Calendar, today: string, days: number): string {
  try {
    return calendar.addWorkingDays(today, days);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'calendar_not_published') throw err;
    let d = today;
    for (let n = 0; n < days; ) {
      d = addDays(d, 1);
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) n++;
    }
    return d;
  }
}

/** The condition of one view on `today` (`until`: the due-soon window's last day). */
export function viewSql(view: ListView, today: string, until: string): SQL {
  switch (view) {
    case 'awaiting_receipt':
      return eq(requestCases.status, '待确认收到');
    case 'running':
      return inArray(requestCases.status, RUNNING_STATUSES);
    case 'due_soon':
      return and(inArray(requestCases.status, RUNNING_STATUSES), gte(requestCases.dueOn, today), lte(requestCases.dueOn, until)) as SQL;
    case 'overdue':
      return and(inArray(requestCases.status, RUNNING_STATUSES), lt(requestCases.dueOn, today)) as SQL;
    case 'closed_late':
      return eq(requestCases.closedLate, true);
    case 'waiting':
      return inArray(requestCases.status, WAITING_STATUSES);
  }
}

/** Views whose list reads best soonest-due first. */
export const BY_DUE_DATE: readonly ListView[] = ['due_soon', 'overdue'];
