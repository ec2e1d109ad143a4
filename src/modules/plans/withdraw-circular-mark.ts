import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { planEvents } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { MARK_KINDS } from './list-circular-marks.ts';

export const withdrawMarkInput = z.object({ reason: z.string().trim().min(2, '请填写撤销理由').max(500, '撤销理由不能超过 500 字') });

/**
 * Withdraws a 通报 mark made in error: the row stays (flagged), the next 通报 draft leaves it out,
 * and the audit log keeps who withdrew it and why.
 */
export async function withdrawCircularMark(ctx: OpContext, planId: string, markId: string, raw: z.input<typeof withdrawMarkInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const { reason } = withdrawMarkInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [mark] = await tx.db
      .select()
      .from(planEvents)
      .where(and(eq(planEvents.id, markId), eq(planEvents.planId, planId), inArray(planEvents.kind, [...MARK_KINDS])))
      .for('update');
    if (!mark) throw notFound('mark_not_found', '该通报标记不存在');
    if (mark.withdrawn) throw conflict('mark_withdrawn', '该通报标记已撤销');
    await tx.db.update(planEvents).set({ withdrawn: true }).where(eq(planEvents.id, markId));
    await writeAudit(tx, {
      action: 'plan.mark_withdraw',
      entity: 'plan',
      entityId: planId,
      before: { markId, kind: mark.kind, unitId: mark.unitId, reason: mark.message, withdrawn: false },
      after: { markId, withdrawn: true, withdrawReason: reason },
    });
    return { ok: true as const };
  });
}
