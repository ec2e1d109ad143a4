import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { cleanBody } from '../catalog/document-content.ts';
import { assertHandles, loadConsultation, withHistory } from './load-consultation.ts';

export const replyInput = z.object({ replyHtml: z.string().trim().min(1, '请填写答复内容').max(20_000, '答复不超过 20000 字') });

/** A closest entry scoring this much (of 100) makes the answered question a proposed variant of it. */
const VARIANT_SCORE = 55;

/**
 * 答复: the unit's reply, shown on the portal by query code (and sent by e-mail / SMS by the route).
 * The answered question is proposed to the library — as a new variant of the closest entry when there
 * was a close one, else as a new entry — for the owner unit's 专员 to accept, edit or decline.
 */
export async function replyConsultation(ctx: OpContext, id: string, raw: z.input<typeof replyInput>) {
  assertCan(ctx.actor, 'qa.reply');
  const actor = ctx.actor;
  const { html, text } = cleanBody(replyInput.parse(raw).replyHtml);
  if (!text.trim()) throw invalid('qa_reply_empty', '答复没有文字内容');
  return inTransaction(ctx, async (tx) => {
    const c = await loadConsultation(tx, id, { forUpdate: true });
    assertHandles(actor, c);
    if (c.status !== 'registered') throw conflict('qa_not_open', c.status === 'replied' ? '该咨询已答复' : '只有已登记、待答复的咨询可以答复');
    const now = new Date();
    const variant = c.matchedEntryId && (c.score ?? 0) >= VARIANT_SCORE;
    const [row] = await tx.db
      .update(qaConsultations)
      .set({
        status: 'replied',
        replyHtml: html,
        replyText: text,
        repliedAt: now,
        repliedBy: actor.id,
        unitId: c.unitId ?? actor.unitId,
        acceptedAt: c.acceptedAt ?? now,
        proposalStatus: 'pending',
        proposalKind: variant ? 'variant' : 'new',
        proposalEntryId: variant ? c.matchedEntryId : null,
        updatedAt: now,
        history: withHistory(c, { at: now.toISOString(), action: 'reply', unitId: c.unitId ?? actor.unitId, by: actor.name }),
      })
      .where(eq(qaConsultations.id, id))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_reply', entity: 'qa_consultation', entityId: id, after: { status: 'replied', proposal: row.proposalKind, onTime: !c.dueOn || todayInShanghai(now) <= c.dueOn } });
    await notifyUnits(tx.db, [row.unitId!], { kind: 'qa.proposal', title: '已答复的咨询待纳入问答库', body: c.question.slice(0, 200), link: `/admin/qa/proposals` }, ['qa_specialist']);
    return row;
  });
}
