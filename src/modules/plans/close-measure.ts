import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments, planEvents, planMeasures } from '../../db/schema/index.ts';
import { conflict } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadMeasure } from './load-measure.ts';

/** 销号: the office closes a measure once every assignment of it has passed the lead unit's check. */
export async function closeMeasure(ctx: OpContext, measureId: string) {
  assertCan(ctx.actor, 'plans.manage');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { measure, plan } = await loadMeasure(tx, measureId);
    if (plan.status !== 'issued') throw conflict('plan_not_issued', '任务分工尚未印发或已结束');
    if (measure.status === 'closed') throw conflict('already_closed', '该举措已销号');
    const open = await tx.db
      .select({ id: planAssignments.id })
      .from(planAssignments)
      .where(and(eq(planAssignments.measureId, measureId), ne(planAssignments.checkStatus, 'accepted')));
    if (open.length) throw conflict('not_all_accepted', `还有 ${open.length} 个责任单位的任务未通过核查，不能销号`);
    await tx.db.update(planMeasures).set({ status: 'closed', closedAt: new Date(), closedBy: actor.id }).where(eq(planMeasures.id, measureId));
    await tx.db.insert(planEvents).values({ planId: plan.id, measureId, kind: 'close', createdBy: actor.id });
    await writeAudit(tx, { action: 'plan.measure_close', entity: 'plan_measure', entityId: measureId, before: { status: 'open' }, after: { status: 'closed' } });
  });
}

export const reopenInput = z.object({ reason: z.string().trim().min(2, '请填写重新打开的原因').max(1000, '原因不能超过 1000 字') });

/** Reopens a closed measure, with the reason recorded. */
export async function reopenMeasure(ctx: OpContext, measureId: string, raw: z.input<typeof reopenInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const { reason } = reopenInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { measure, plan } = await loadMeasure(tx, measureId);
    if (measure.status !== 'closed') throw conflict('not_closed', '该举措未销号');
    await tx.db.update(planMeasures).set({ status: 'open', closedAt: null, closedBy: null }).where(eq(planMeasures.id, measureId));
    await tx.db.insert(planEvents).values({ planId: plan.id, measureId, kind: 'reopen', message: reason, createdBy: actor.id });
    await writeAudit(tx, { action: 'plan.measure_reopen', entity: 'plan_measure', entityId: measureId, before: { status: 'closed' }, after: { status: 'open', reason } });
  });
}
