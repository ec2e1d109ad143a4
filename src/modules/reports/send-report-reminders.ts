import { and, arrayOverlaps, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { units, users } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { notifyUnits, notifyUsers } from '../../platform/notifications/notify.ts';
import { loadLatestReport } from './load-report-row.ts';
import { reportDueDate } from './report-deadline.ts';

/** Days before the deadline on which an agency without a published report is reminded. */
export const REPORT_REMIND_BEFORE = [10, 3];

/**
 * The daily reminder of last year's reports: 10 and 3 days before the deadline, to the agency's
 * liaisons and editors; the day after it passes, also to the district office. Each reminder falls on
 * one calendar day, so a daily run sends each once.
 */
export async function sendReportReminders(db: Db, today = todayInShanghai()): Promise<number> {
  const year = Number(today.slice(0, 4)) - 1;
  const agencies = await db.select().from(units).where(and(eq(units.active, true), eq(units.isAgency, true)));
  const office = (await db.select({ id: users.id }).from(users).where(and(eq(users.disabled, false), arrayOverlaps(users.roles, ['office_admin'])))).map((u) => u.id);
  let sent = 0;
  for (const a of agencies) {
    const due = reportDueDate(a.kind, year);
    const before = REPORT_REMIND_BEFORE.find((d) => addDays(due, -d) === today);
    const overdue = addDays(due, 1) === today;
    if (before === undefined && !overdue) continue;
    const latest = await loadLatestReport({ db, actor: null }, a.id, year);
    if (latest?.status === 'published') continue;
    const link = `/reports/${a.id}/${year}`;
    const title = overdue ? `${a.name}${year}年政府信息公开工作年度报告已超过发布期限（${due}）` : `${year}年政府信息公开工作年度报告须在 ${due} 前发布（还有 ${before} 天）`;
    sent += await notifyUnits(db, [a.id], { kind: 'report.deadline', title, link }, ['liaison', 'editor', 'office_admin']);
    if (overdue) sent += await notifyUsers(db, office, { kind: 'report.overdue', title, link: '/reports' });
  }
  return sent;
}
