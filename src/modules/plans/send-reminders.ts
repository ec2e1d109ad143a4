import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { planAssignments, planMeasures, plans } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { isFinished, lateness } from './lateness.ts';

/**
 * The daily reminder run: each open assignment gets one notice when it comes within `dueSoonDays`
 * working days of its due date and one when it becomes overdue; each unit with anything pending
 * gets a digest. Runs in any one process (the job runner takes it with SKIP LOCKED).
 */
export async function sendPlanReminders(db: Db, opts: { dueSoonDays: number; today?: string }) {
  const today = opts.today ?? todayInShanghai();
  const calendar = await loadCalendar(db);
  const open = await db
    .select({ a: planAssignments, seq: planMeasures.seq, deadlines: planMeasures.deadlines, title: plans.title })
    .from(planAssignments)
    .innerJoin(planMeasures, eq(planMeasures.id, planAssignments.measureId))
    .innerJoin(plans, eq(plans.id, planAssignments.planId))
    .where(and(eq(plans.status, 'issued'), ne(planAssignments.checkStatus, 'accepted'), eq(planMeasures.status, 'open')));
  const digest = new Map<string, { soon: number; overdue: number }>();
  let sent = 0;
  let undated = 0;
  for (const { a, seq, deadlines, title } of open) {
    // An answered assignment (已完成/无法完成 reported, waiting for the check) is the lead unit's to move, not late.
    if (isFinished(a.status)) continue;
    let state: 'overdue' | 'due_soon' | null = null;
    // A measure may carry several dated items (6月底前 …, 10月底前 …): warn before each of them.
    const next = nextDate(deadlines as { date: string | null; kind: string }[], a.dueDate, today);
    if (lateness(a, today).overdue) state = 'overdue';
    else {
      try {
        if (calendar.workingDaysBetween(today, next) <= opts.dueSoonDays) state = 'due_soon';
      } catch (err) {
        // A due date in a year whose holidays are not yet published cannot be counted; it is far off anyway.
        if (err instanceof AppError && err.code === 'calendar_not_published') undated++;
        else throw err;
      }
    }
    if (!state) continue;
    const d = digest.get(a.unitId) ?? { soon: 0, overdue: 0 };
    if (state === 'overdue') d.overdue++;
    else d.soon++;
    digest.set(a.unitId, d);
    const when = state === 'overdue' ? a.dueDate : next;
    const key = `${state}:${when}`;
    if (a.lastReminder === key) continue;
    await notifyUnits(db, [a.unitId], {
      kind: `plan.${state}`,
      title: state === 'overdue' ? `第 ${seq} 项任务已逾期（时限 ${when}）` : `第 ${seq} 项任务将于 ${when} 到期`,
      body: `《${title}》`,
      link: `/admin/plans/${a.planId}/mine`,
    });
    await db.update(planAssignments).set({ lastReminder: key }).where(eq(planAssignments.id, a.id));
    sent++;
  }
  for (const [unitId, d] of digest)
    await notifyUnits(db, [unitId], {
      kind: 'plan.digest',
      title: `任务提醒（${today}）：即将到期 ${d.soon} 项，已逾期 ${d.overdue} 项`,
      link: '/admin/',
    }, ['liaison']);
  return { sent, digests: digest.size, undated };
}

/** The nearest date still ahead: an item's dated deadline, or the assignment's own due date. */
function nextDate(deadlines: { date: string | null; kind: string }[], dueDate: string, today: string): string {
  const ahead = deadlines
    .filter((d) => d.date && (d.kind === 'absolute' || d.kind === 'year_relative') && d.date >= today && d.date <= dueDate)
    .map((d) => d.date as string);
  return [...ahead, dueDate].sort()[0];
}
