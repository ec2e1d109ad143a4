import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ledgerItems } from '../../db/schema/index.ts';
import { todayInShanghai } from '../calendar/dates.ts';
import { notifyUnits } from '../notifications/notify.ts';
import { dueState, soonLimitFor } from './ledger-clock.ts';
import { OPEN_STATUSES } from './ledger-states.ts';
import { notifyOffice } from './notify-office.ts';

const WORDS = { due_soon: '即将到期', due_today: '今天到期', overdue: '已逾期' } as const;

/**
 * The daily reminder run over open items: one notice to the unit's liaisons and responders when an
 * item comes within `soonDays` working days of its due date, one on the due day, one once overdue
 * (the overdue one to the office too). Each (state, due date) is sent once per item
 * (`last_reminder`), so a second run the same day — or a re-run after a crash — sends nothing again.
 */
export async function sendLedgerReminders(db: Db, opts: { soonDays: number; today?: string }) {
  const today = opts.today ?? todayInShanghai();
  // One limit for every item, the one the due-soon lists use.
  const limit = await soonLimitFor(db, today, opts.soonDays);
  const open = await db.select().from(ledgerItems).where(inArray(ledgerItems.status, OPEN_STATUSES));
  let sent = 0;
  for (const item of open) {
    const state = dueState(item.dueDate, today, limit);
    if (!state) continue;
    const key = `${state}:${item.dueDate}`;
    if (item.lastReminder === key) continue;
    const draft = { kind: `ledger.${state}`, title: `${WORDS[state]}（期限 ${item.dueDate}）：${item.title}`, link: item.link ?? '/admin/ledger' };
    await db.transaction(async (tx) => {
      if (item.unitId && item.status !== 'returned') await notifyUnits(tx as unknown as Db, [item.unitId], draft, ['liaison', 'responder']);
      if (state === 'overdue' || !item.unitId || item.status === 'returned') await notifyOffice({ db: tx as unknown as Db, actor: null }, draft);
      await tx.update(ledgerItems).set({ lastReminder: key }).where(eq(ledgerItems.id, item.id));
    });
    sent++;
  }
  return { sent };
}
