import type { Db } from '../../db/client.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';

/**
 * The ledger's one clock: due = the N-th working day after receipt (the receipt day not counted,
 * platform calendar), N = the item's working days plus any approved extension. Past the years whose
 * holidays are entered the date is provisional (Monday–Friday), recomputed when the year is entered
 * (ledger-jobs.ts): an item received in late December is dispatched all the same.
 */
export function ledgerDueDate(calendar: Calendar, receivedOn: string, workingDays: number, extendedDays = 0): string {
  return calendar.provisionalWorkingDays(receivedOn, workingDays + extendedDays);
}

/** Where an open item stands on `today`: overdue, due today, due by `soonLimit` (see below), or fine. */
export function dueState(dueDate: string, today: string, soonLimit: string): 'overdue' | 'due_today' | 'due_soon' | null {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'due_today';
  return dueDate <= soonLimit ? 'due_soon' : null;
}

/**
 * The last day "due soon" reaches: `soonDays` working days after today (provisional past the entered
 * years). One definition for the ledger's, the mailbox's and 一网答's lists, counts and reminders.
 */
export function soonLimit(calendar: Calendar, today: string, soonDays: number): string {
  return calendar.provisionalWorkingDays(today, soonDays);
}

/** `soonLimit` for a caller that has no calendar at hand: reads it. */
export async function soonLimitFor(db: Db, today: string, soonDays: number): Promise<string> {
  return soonLimit(await loadCalendar(db), today, soonDays);
}
