import { and, arrayContains, eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { notifyUsers, type NotificationDraft } from '../notifications/notify.ts';

/** Notifies the dispatchers: the active users holding office_admin. */
export async function notifyOffice(tx: OpContext, draft: NotificationDraft): Promise<number> {
  const rows = await tx.db.select({ id: users.id }).from(users).where(and(arrayContains(users.roles, ['office_admin']), eq(users.disabled, false)));
  return notifyUsers(tx.db, rows.map((r) => r.id), draft);
}
