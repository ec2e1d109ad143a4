import type { Db } from '../../db/client.ts';
import { calendarDays, calendarYears } from '../../db/schema/index.ts';
import { Calendar, type CalendarException } from './calendar.ts';

/** Reads the whole calendar (a few hundred rows); callers that compute many dates load it once. */
export async function loadCalendar(db: Db): Promise<Calendar> {
  // One after another: deadline code calls this inside its transaction, on one connection.
  const years = await db.select().from(calendarYears);
  const days = await db.select().from(calendarDays);
  return new Calendar(new Set(years.map((y) => y.year)), days as CalendarException[]);
}

/** Whether a due date counted from `from` is provisional (`Calendar.isProvisional`), reading only the entered years. */
export async function isProvisionalDue(db: Db, due: string, from = due): Promise<boolean> {
  const years = await db.select({ year: calendarYears.year }).from(calendarYears);
  return new Calendar(new Set(years.map((y) => y.year)), []).isProvisional(due, from);
}
