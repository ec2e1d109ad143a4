import { eq } from 'drizzle-orm';
import { qaConsultations } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertHandles, loadConsultation, withHistory } from './load-consultation.ts';

/** 签收: the unit takes the question on. */
export async function acceptConsultation(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'qa.reply');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const c = await loadConsultation(tx, id, { forUpdate: true });
    assertHandles(actor, c);
    if (c.status !== 'registered' || !c.unitId) throw conflict('qa_not_open', '只有已交办、待答复的咨询可以签收');
    if (c.acceptedAt) throw conflict('qa_already_accepted', '已签收');
    const now = new Date();
    const [row] = await tx.db
      .update(qaConsultations)
      .set({ acceptedAt: now, updatedAt: now, history: withHistory(c, { at: now.toISOString(), action: 'accept', unitId: c.unitId, by: actor.name }) })
      .where(eq(qaConsultations.id, id))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_accept', entity: 'qa_consultation', entityId: id, after: { unitId: c.unitId } });
    return row;
  });
}
