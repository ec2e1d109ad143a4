import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxMessages } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadMessage } from './load-message.ts';
import { recordMessageStep } from './message-events.ts';
import { REJECT_KINDS } from './strings.ts';

export const reviewInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({
    decision: z.literal('reject'),
    kind: z.enum(Object.keys(REJECT_KINDS) as [keyof typeof REJECT_KINDS], { error: '请选择不予受理的类别' }),
    reason: z.string().trim().min(2, '请写明不予受理的理由（来信人可见）').max(500, '理由不超过 500 字'),
  }),
]);

/** 审看: the office accepts a received message, or rejects it (spam, abuse, out of scope, duplicate) with a reason the writer sees. */
export async function reviewMessage(ctx: OpContext, id: string, raw: z.input<typeof reviewInput>) {
  assertCan(ctx.actor, 'mailbox.manage');
  const input = reviewInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMessage(tx, id, { forUpdate: true, allowed: ['received'] });
    const change = input.decision === 'accept' ? { status: 'accepted', acceptedOn: todayInShanghai() } : { status: 'rejected', rejectKind: input.kind, rejectReason: input.reason, acceptedOn: todayInShanghai() };
    const [after] = await tx.db.update(mailboxMessages).set({ ...change, updatedAt: new Date() }).where(eq(mailboxMessages.id, m.id)).returning();
    await recordMessageStep(tx, m.id, input.decision === 'accept' ? 'accepted' : 'rejected', input.decision === 'reject' ? `${REJECT_KINDS[input.kind]}：${input.reason}` : null, { before: { status: m.status }, after: change });
    return after;
  });
}
