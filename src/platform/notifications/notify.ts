import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications, users } from '../../db/schema/index.ts';
import type { Role } from '../policy.ts';

export interface NotificationDraft {
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/** Writes one inbox entry per recipient; modules call it inside their own transaction. */
export async function notifyUsers(db: Db, userIds: string[], draft: NotificationDraft): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  await db.insert(notifications).values(ids.map((userId) => ({ userId, ...draft })));
  return ids.length;
}

/** Notifies the active users of some units, optionally only those holding certain roles. */
export async function notifyUnits(db: Db, unitIds: string[], draft: NotificationDraft, roles?: Role[]): Promise<number> {
  if (!unitIds.length) return 0;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.unitId, unitIds),
        eq(users.disabled, false),
        roles?.length ? arrayOverlaps(users.roles, roles) : undefined,
      ),
    );
  return notifyUsers(db, rows.map((r) => r.id), draft);
}
