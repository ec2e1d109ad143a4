import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { qaConsultations } from '../../db/schema/index.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { replyDue } from './ledger-clock.ts';
import { officeUnitIds } from './office-units.ts';

const ORDER = ['before', 'due', 'overdue'] as const;
type Stage = (typeof ORDER)[number];

/**
 * Daily: for each registered question, the unit is reminded once the working day before the due day,
 * once on the due day, and once when overdue (then the office too). Each stage is sent once
 * (`last_reminder`), so running twice a day changes nothing.
 */
export async function sendLedgerReminders(db: Db, now = new Date()): Promise<{ before: number; due: number; overdue: number }> {
  const today = todayInShanghai(now);
  const calendar = await loadCalendar(db);
  // The due day of a question that is due tomorrow at the latest (a working day ahead; weekends skipped).
  const horizon = replyDue(calendar, today).slice(0, 10);
  const open = await db
    .select({ id: qaConsultations.id, unitId: qaConsultations.unitId, dueOn: qaConsultations.dueOn, question: qaConsultations.question, lastReminder: qaConsultations.lastReminder })
    .from(qaConsultations)
    .where(and(eq(qaConsultations.status, 'registered'), isNotNull(qaConsultations.dueOn), lte(qaConsultations.dueOn, horizon)));
  const counts = { before: 0, due: 0, overdue: 0 };
  let office: string[] | null = null;
  for (const c of open) {
    const due = c.dueOn!;
    let stage: Stage | null = null;
    if (due < today) stage = 'overdue';
    else if (due === today) stage = 'due';
    else {
      let next = today;
      try {
        next = calendar.nextWorkingDay(today);
      } catch {
        next = today;
      }
      if (next >= due) stage = 'before';
    }
    if (!stage) continue;
    if (c.lastReminder && ORDER.indexOf(c.lastReminder as Stage) >= ORDER.indexOf(stage)) continue;
    const title = { before: '政策咨询明天到期，请按时答复', due: '政策咨询今天到期，请今天答复', overdue: '政策咨询已逾期未答复' }[stage];
    await inTransaction({ db, actor: null }, async (tx) => {
      const recipients = c.unitId ? [c.unitId] : [];
      if (stage === 'overdue' || !c.unitId) recipients.push(...(office ??= await officeUnitIds(tx)));
      await notifyUnits(tx.db, recipients, { kind: `qa.reminder_${stage}`, title: `${title}（${due}）`, body: c.question.slice(0, 200), link: `/admin/qa/ledger/${c.id}` }, ['liaison', 'responder', 'qa_specialist', 'office_admin']);
      await tx.db.update(qaConsultations).set({ lastReminder: stage }).where(eq(qaConsultations.id, c.id));
    });
    counts[stage!]++;
  }
  return counts;
}
