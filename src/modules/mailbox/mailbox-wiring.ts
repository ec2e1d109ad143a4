import { eq, inArray } from 'drizzle-orm';
import { mailboxMessages } from '../../db/schema/index.ts';
import { onCalendarChanged } from '../../platform/calendar/calendar-listeners.ts';
import { registerFileTarget } from '../../platform/files/file-access.ts';
import { onLedgerStep } from '../../platform/ledger/ledger-listeners.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';

/**
 * Keeps messages in step with the platform: the ledger's steps (a unit returns a message → back with
 * the office; 改派 → at the new unit; an approved extension → the new due date), the calendar (open
 * messages' due dates recomputed), and who reads a message's attachments (the unit handling it).
 */
export function registerMailboxWiring() {
  onLedgerStep(SUBJECT_MESSAGE, async (tx, item, action) => {
    if (action === 'returned') await tx.db.update(mailboxMessages).set({ status: 'accepted', unitId: null, updatedAt: new Date() }).where(eq(mailboxMessages.id, item.subjectId));
    if (action === 'reassigned') await tx.db.update(mailboxMessages).set({ status: 'assigned', unitId: item.unitId, triage: 'transfer', updatedAt: new Date() }).where(eq(mailboxMessages.id, item.subjectId));
    if (action === 'extension_approved')
      await tx.db.update(mailboxMessages).set({ dueDate: item.dueDate, extendedDays: item.extendedDays, updatedAt: new Date() }).where(eq(mailboxMessages.id, item.subjectId));
  });
  onCalendarChanged('mailbox', async (tx, calendar) => {
    const open = await tx.db.select().from(mailboxMessages).where(inArray(mailboxMessages.status, ['received', 'accepted', 'assigned']));
    let n = 0;
    for (const m of open) {
      const due = calendar.provisionalWorkingDays(m.receivedOn, m.workingDays + m.extendedDays);
      if (due === m.dueDate) continue;
      await tx.db.update(mailboxMessages).set({ dueDate: due }).where(eq(mailboxMessages.id, m.id));
      n++;
    }
    return n;
  });
  registerFileTarget('mailbox_message', async (ctx, id) => {
    const [m] = await ctx.db.select({ unitId: mailboxMessages.unitId }).from(mailboxMessages).where(eq(mailboxMessages.id, id));
    return m?.unitId ? [m.unitId] : [];
  });
}
