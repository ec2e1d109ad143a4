import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadConsultation, withHistory } from './load-consultation.ts';
import { notifyRouted } from './notify-ledger.ts';

export const dispatchInput = z.object({
  unitId: z.uuid('单位不正确'),
  reason: z.string().trim().max(500, '理由不超过 500 字').optional(),
});

/** The office routes (or reroutes) a registered question to a policy-making unit; the due date stays. */
export async function dispatchConsultation(ctx: OpContext, id: string, raw: z.input<typeof dispatchInput>) {
  assertCan(ctx.actor, 'qa.manage');
  const actor = ctx.actor;
  const input = dispatchInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const c = await loadConsultation(tx, id, { forUpdate: true });
    if (c.status !== 'registered') throw conflict('qa_not_open', '只有待答复的咨询可以交办');
    const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('unit_not_found', '单位不存在');
    if (c.unitId && c.unitId !== input.unitId && !input.reason) throw invalid('qa_reason_required', '改派须说明理由');
    const now = new Date();
    const [row] = await tx.db
      .update(qaConsultations)
      .set({ unitId: input.unitId, acceptedAt: null, updatedAt: now, history: withHistory(c, { at: now.toISOString(), action: 'dispatch', unitId: input.unitId, reason: input.reason, by: actor.name }) })
      .where(eq(qaConsultations.id, id))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_dispatch', entity: 'qa_consultation', entityId: id, before: { unitId: c.unitId }, after: { unitId: input.unitId, reason: input.reason ?? null } });
    await notifyRouted(tx, input.unitId, row);
    return row;
  });
}
