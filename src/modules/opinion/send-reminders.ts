import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opinionCommitments, opinionEvents } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { CLOCK_LABEL } from './clocks.ts';
import { eventRows } from './event-rows.ts';
import { loadOpinionSettings } from './settings.ts';

const fmt = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);

/**
 * Clock reminders: an open clock within `remindBeforeHours` of its limit warns the responsible unit
 * once (`<clock>:soon`); a clock past its limit warns the unit and the coordinating unit once
 * (`<clock>:overdue`). Marks are kept on the event, so a run repeated by any process sends nothing twice.
 */
export async function sendClockReminders(db: Db, now = new Date()) {
  const settings = await loadOpinionSettings(db);
  const open = (await eventRows(db, { reach: 'all' }, settings, now)).filter((e) => e.status !== 'evaluated');
  let sent = 0;
  for (const e of open) {
    const marks: string[] = [];
    for (const c of e.clocks) {
      if (c.state === 'overdue') marks.push(`${c.kind}:overdue`);
      else if (c.state === 'open' && c.dueAt.getTime() - now.getTime() <= settings.remindBeforeHours * 3_600_000) marks.push(`${c.kind}:soon`);
    }
    const fresh = marks.filter((m) => !e.remindersSent.includes(m));
    if (!fresh.length) continue;
    for (const m of fresh) {
      const [kind, state] = m.split(':') as [keyof typeof CLOCK_LABEL, string];
      const clock = e.clocks.find((c) => c.kind === kind)!;
      const title = state === 'overdue' ? `舆情已超过${CLOCK_LABEL[kind]}时限（${clock.hours}小时，${fmt(clock.dueAt)}）：${e.summary.slice(0, 30)}` : `舆情${CLOCK_LABEL[kind]}时限将至（${fmt(clock.dueAt)}）：${e.summary.slice(0, 30)}`;
      const unitIds = state === 'overdue' && settings.coordinatorUnitId ? [e.responsibleUnitId, settings.coordinatorUnitId] : [e.responsibleUnitId];
      await notifyUnits(db, unitIds, { kind: `opinion.clock_${state}`, title, link: `/admin/opinion/events/${e.id}` });
      sent++;
    }
    await db
      .update(opinionEvents)
      .set({ remindersSent: [...new Set([...e.remindersSent, ...fresh])] })
      .where(eq(opinionEvents.id, e.id));
  }
  return { sent };
}

/** Commitment reminders: three days before the promised date, and once when it has passed unfulfilled. */
export async function sendCommitmentReminders(db: Db, today = todayInShanghai()) {
  const rows = await db
    .select()
    .from(opinionCommitments)
    .where(and(isNull(opinionCommitments.fulfilledOn), sql`${opinionCommitments.promisedOn} <= ${addDays(today, 3)}`));
  let sent = 0;
  for (const c of rows) {
    const key = c.promisedOn < today ? `overdue:${c.promisedOn}` : `soon:${c.promisedOn}`;
    if (c.lastReminder === key) continue;
    await notifyUnits(db, [c.ownerUnitId], {
      kind: key.startsWith('overdue') ? 'opinion.commitment_overdue' : 'opinion.commitment_due',
      title: key.startsWith('overdue') ? `公开承诺已逾期未完成（承诺 ${c.promisedOn} 前）：${c.text.slice(0, 30)}` : `公开承诺将于 ${c.promisedOn} 到期：${c.text.slice(0, 30)}`,
      link: '/admin/opinion/commitments',
    });
    await db.update(opinionCommitments).set({ lastReminder: key }).where(and(eq(opinionCommitments.id, c.id), ne(sql`coalesce(${opinionCommitments.lastReminder}, '')`, key)));
    sent++;
  }
  return { sent };
}
