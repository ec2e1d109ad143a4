import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';

export async function listInbox(ctx: OpContext, query: { unreadOnly?: boolean; page: number; pageSize: number }) {
  assertCan(ctx.actor, 'notifications.own');
  const mine = eq(notifications.userId, ctx.actor.id);
  const cond = query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [{ total }], [{ unread }]] = await Promise.all([
    // Unread first, newest first within each.
    ctx.db.select().from(notifications).where(cond).orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(notifications).where(cond),
    ctx.db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { total, unread, items };
}

export async function unreadCount(ctx: OpContext): Promise<number> {
  assertCan(ctx.actor, 'notifications.own');
  const [{ unread }] = await ctx.db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)));
  return unread;
}

/** Marks the given entries (or, with no ids, all) of the caller's own inbox as read. */
export async function markRead(ctx: OpContext, ids?: string[]): Promise<number> {
  assertCan(ctx.actor, 'notifications.own');
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, ctx.actor.id),
        isNull(notifications.readAt),
        ids?.length ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
