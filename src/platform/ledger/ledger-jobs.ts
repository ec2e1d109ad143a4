import { eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { ledgerEvents, ledgerItems } from '../../db/schema/index.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { onCalendarChanged } from '../calendar/calendar-listeners.ts';
import { SYSTEM_ACTOR_NAME, type OpContext } from '../context.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { ledgerDueDate } from './ledger-clock.ts';
import { OPEN_STATUSES } from './ledger-states.ts';
import { sendLedgerReminders } from './send-ledger-reminders.ts';

/** The daily reminder job (idempotent per day by its run key, and per item by `last_reminder`). */
export function registerLedgerJobs(runner: JobRunner, config: Config) {
  runner.register('ledger-reminders', async (db) => void (await sendLedgerReminders(db, { soonDays: config.LEDGER_REMIND_DAYS })), { at: '08:35' });
  registerLedgerCalendarListener();
}

/** Registers the calendar listener (also done by the ledger routes; registering twice is harmless). */
export function registerLedgerCalendarListener() {
  onCalendarChanged('ledger', recomputeLedgerDueDates);
}

/**
 * A calendar change recomputes the due date of every open item from its receipt day, in the
 * calendar change's transaction; each moved item gets a timeline row, and one audit row says how many.
 */
export async function recomputeLedgerDueDates(tx: OpContext, calendar: Calendar): Promise<number> {
  const open = await tx.db.select().from(ledgerItems).where(inArray(ledgerItems.status, OPEN_STATUSES));
  const moved: { id: string; from: string; to: string }[] = [];
  for (const item of open) {
    const due = ledgerDueDate(calendar, item.receivedOn, item.workingDays, item.extendedDays);
    if (due === item.dueDate) continue;
    await tx.db.update(ledgerItems).set({ dueDate: due, lastReminder: null, updatedAt: new Date() }).where(eq(ledgerItems.id, item.id));
    await tx.db.insert(ledgerEvents).values({ itemId: item.id, actorId: tx.actor?.id ?? null, actorName: tx.actor?.name ?? SYSTEM_ACTOR_NAME, action: 'due_recomputed', note: `${item.dueDate} → ${due}` });
    moved.push({ id: item.id, from: item.dueDate, to: due });
  }
  if (moved.length) await writeAudit(tx, { action: 'ledger.due_recomputed', entity: 'ledger_item', after: { count: moved.length, items: moved.slice(0, 200) } });
  return moved.length;
}
