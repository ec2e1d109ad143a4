import type { OpContext } from '../context.ts';
import type { Calendar } from './calendar.ts';

/**
 * Modules whose deadlines are counted in working days register here; when an administrator
 * changes the calendar each listener recomputes its open deadlines inside the same transaction
 * and returns how many it changed.
 */
export type CalendarListener = (tx: OpContext, calendar: Calendar) => Promise<number>;
const listeners = new Map<string, CalendarListener>();

export function onCalendarChanged(name: string, listener: CalendarListener) {
  listeners.set(name, listener);
}

export async function notifyCalendarChanged(tx: OpContext, calendar: Calendar): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, fn] of listeners) counts[name] = await fn(tx, calendar);
  return counts;
}
