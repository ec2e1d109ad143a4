import type { Calendar } from '../calendar/calendar.ts';

/**
 * The ledger's one clock: due = the N-th working day after receipt (the receipt day not counted,
 * platform calendar), N = the item's working days plus any approved extension.
 */
export function ledgerDueDate(calendar: Calendar, receivedOn: string, workingDays: number, extendedDays = 0): string {
  return calendar.addWorkingDays(receivedOn, workingDays + extendedDays);
}

/** Where an open item stands on `today`: overdue, due today, due within `soonDays` working days, or fine. */
export function dueState(calendar: Calendar, dueDate: string, today: string, soonDays: number): 'overdue' | 'due_today' | 'due_soon' | null {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'due_today';
  try {
    return calendar.workingDaysBetween(today, dueDate) <= soonDays ? 'due_soon' : null;
  } catch {
    // A due date in a year whose holidays are not yet entered is far off anyway.
    return null;
  }
}
