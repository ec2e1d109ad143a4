import { eq } from 'drizzle-orm';
import { mailboxMessages } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { isDistrictWide } from '../../platform/policy.ts';
import { STATUS_LABELS, type MessageStatus } from './strings.ts';

export type MessageRow = typeof mailboxMessages.$inferSelect;

/**
 * A message as the actor may handle it (locked when `forUpdate`): the office every message, a unit
 * only those assigned to it — another unit's message is 404 `message_not_found`, as a missing one.
 */
export async function loadMessage(ctx: OpContext, id: string, opts: { forUpdate?: boolean; allowed?: MessageStatus[] } = {}): Promise<MessageRow> {
  const q = ctx.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id));
  const [m] = opts.forUpdate ? await q.for('update') : await q;
  if (!m || (ctx.actor && !isDistrictWide(ctx.actor) && m.unitId !== ctx.actor.unitId)) throw notFound('message_not_found', '留言不存在');
  if (opts.allowed && !opts.allowed.includes(m.status as MessageStatus))
    throw conflict('message_wrong_state', `该留言当前为“${STATUS_LABELS[m.status as MessageStatus] ?? m.status}”，不能进行此操作`);
  return m;
}
