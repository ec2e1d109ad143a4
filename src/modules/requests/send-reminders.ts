import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { requestCases, users } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { notifyUnits, notifyUsers } from '../../platform/notifications/notify.ts';
import type { RequestSettings } from './settings.ts';
import { OPEN_STATUSES } from './statuses.ts';

type State = 'correction_window' | 'due_soon' | 'overdue';

/**
 * Daily: each open case tells its handlers once per state — the 补正 window about to lapse (2 working
 * days left, no notice sent), the reply due within `remindDays`, overdue — and overdue cases go to
 * the office too. `last_reminder` keeps each state to one notice.
 */
export async function sendRequestReminders(db: Db, settings: RequestSettings, today = todayInShanghai()) {
  const calendar = await loadCalendar(db);
  const open = await db
    .select({ id: requestCases.id, code: requestCases.code, status: requestCases.status, agencyUnitId: requestCases.agencyUnitId, dueOn: requestCases.dueOn, cwe: requestCases.correctionWindowEnds, receivedOn: requestCases.receivedOn, last: requestCases.lastReminder })
    .from(requestCases)
    .where(inArray(requestCases.status, OPEN_STATUSES));
  const office = await db.select({ id: users.id }).from(users).where(and(eq(users.disabled, false), arrayOverlaps(users.roles, ['office_admin'])));
  let sent = 0;
  for (const c of open) {
    let state: State | null = null;
    let when = c.dueOn ?? '';
    try {
      if (c.dueOn && c.dueOn < today && c.status !== '待补正' && c.status !== '待缴费') state = 'overdue';
      else if (c.dueOn && c.status !== '待补正' && c.status !== '待缴费' && calendar.workingDaysBetween(today, c.dueOn) <= settings.remindDays) state = 'due_soon';
      else if (c.status === '办理中' && c.cwe && c.cwe >= today && calendar.workingDaysBetween(today, c.cwe) <= 2 && c.receivedOn && calendar.workingDaysBetween(c.receivedOn, today) <= 7) {
        state = 'correction_window';
        when = c.cwe;
      }
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'calendar_not_published')) throw err;
    }
    if (!state) continue;
    const key = `${state}:${when}`;
    if (c.last === key) continue;
    const title =
      state === 'overdue' ? `依申请公开 ${c.code} 已超过答复期限（${when}）` : state === 'due_soon' ? `依申请公开 ${c.code} 将于 ${when} 到期` : `依申请公开 ${c.code} 如需补正，最迟 ${when} 发出补正通知`;
    const link = `/admin/requests/${c.id}`;
    await notifyUnits(db, [c.agencyUnitId], { kind: `request.${state}`, title, link }, ['liaison', 'responder']);
    if (state === 'overdue') await notifyUsers(db, office.map((o) => o.id), { kind: 'request.overdue', title, link });
    await db.update(requestCases).set({ lastReminder: key }).where(eq(requestCases.id, c.id));
    sent++;
  }
  return { sent };
}
