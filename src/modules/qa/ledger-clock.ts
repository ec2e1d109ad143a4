import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { qaConsultations } from '../../db/schema/index.ts';
import { onCalendarChanged } from '../../platform/calendar/calendar-listeners.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';

/** 二(二): a registered question is answered within 5 working days of its receipt. */
export const REPLY_WORKING_DAYS = 5;

/**
 * The reply-by date: the 5th working day after receipt (the day of receipt not counted). A year whose
 * holidays are not entered yet counts Monday to Friday (provisional); entering it recomputes (listener below).
 */
export function replyDue(calendar: Calendar, receivedOn: string): string {
  return calendar.provisionalWorkingDays(receivedOn, REPLY_WORKING_DAYS);
}

export async function replyDueOn(db: Db, receivedOn: string): Promise<string> {
  return replyDue(await loadCalendar(db), receivedOn);
}

onCalendarChanged('qa', async (tx, calendar) => {
  const open = await tx.db
    .select({ id: qaConsultations.id, receivedOn: qaConsultations.receivedOn, dueOn: qaConsultations.dueOn })
    .from(qaConsultations)
    .where(and(eq(qaConsultations.status, 'registered'), isNotNull(qaConsultations.receivedOn)));
  let changed = 0;
  for (const c of open) {
    const due = replyDue(calendar, c.receivedOn!);
    if (due !== c.dueOn) {
      await tx.db.update(qaConsultations).set({ dueOn: due, lastReminder: null }).where(eq(qaConsultations.id, c.id));
      changed++;
    }
  }
  return changed;
});
