import type { Calendar } from '../calendar/calendar.ts';

/**
 * The ledger's one clock: due = the N-th working day after receipt (the receipt day not counted,
 * platform calendar), N = the item's working days plus any approved extension. Past the years whose
 * holidays are entered the date is provisional (Monday–Friday), recomputed when the year is entered
 * (ledger-jobs.ts): an item received in late December is dispatched all the same.
 */
export function ledgerDueDate(calendar: Calendar, receivedOn: string, workingDays: number, extendedDays = 0): string {
  return calendar.provisionalWorkingDays(receivedOn, workingDays + extendedDays);
}

/** Where an open item stands on `today`: overdue, due today, due within `soonDays` working days, or fine. */
export function dueState(calendar: Calendar, dueDate: string, today: string, soonDays: number): 'overdue' | 'due_today' | 'due_soon' | null {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'due_today';
  return dueDate <= soonLimit(calendar, today, soonDays) ? 'due_soon' : null;
}

/** The last day "due soon" reaches: `soonDays` working days after today (provisional past the entered years). */
export function soonLimit(calendar: Calendar, today: string, soonDays: number): string {
  return calendar.provisionalWorkingDays(today, soonDays);
}
