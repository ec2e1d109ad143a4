import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments, planEvents, units } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';

export const urgeInput = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  measureId: z.uuid('举措编号格式不正确').optional().nullable(),
  message: z.string().trim().min(2, '请填写督促内容').max(1000, '督促内容不能超过 1000 字'),
});

/** 督促: the office presses a unit (on one measure or on all its work), by in-app notice. */
export async function urgeUnit(ctx: OpContext, planId: string, raw: z.input<typeof urgeInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const input = urgeInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const plan = await loadPlan(tx, planId);
    if (plan.status !== 'issued') throw conflict('plan_not_issued', '任务分工尚未印发或已结束');
    const cond = input.measureId
      ? and(eq(planAssignments.planId, planId), eq(planAssignments.unitId, input.unitId), eq(planAssignments.measureId, input.measureId))
      : and(eq(planAssignments.planId, planId), eq(planAssignments.unitId, input.unitId));
    const [some] = await tx.db.select({ id: planAssignments.id }).from(planAssignments).where(cond).limit(1);
    if (!some) throw invalid('not_assigned', '该单位在此任务分工（或此举措）中没有任务');
    const [event] = await tx.db.insert(planEvents).values({ planId, measureId: input.measureId ?? null, unitId: input.unitId, kind: 'urge', message: input.message, createdBy: actor.id }).returning();
    await notifyUnits(tx.db, [input.unitId], { kind: 'plan.urged', title: `区政府办公室督促：${input.message}`, link: `/admin/plans/${planId}/mine` });
    await writeAudit(tx, { action: 'plan.urge', entity: 'plan', entityId: planId, after: { unitId: input.unitId, measureId: input.measureId ?? null, message: input.message } });
    return event;
  });
}

export const markInput = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  kind: z.enum(['commend', 'criticize'], { message: '类型应为通报表扬（commend）或通报批评（criticize）' }),
  reason: z.string().trim().min(2, '请填写理由').max(1000, '理由不能超过 1000 字'),
});

/** Marks a unit for the next 通报: commendation or criticism, with the reason. */
export async function markForCircular(ctx: OpContext, planId: string, raw: z.input<typeof markInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const input = markInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    await loadPlan(tx, planId);
    const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('unknown_unit', '单位不存在');
    const [event] = await tx.db.insert(planEvents).values({ planId, unitId: input.unitId, kind: input.kind, message: input.reason, createdBy: actor.id }).returning();
    await writeAudit(tx, { action: `plan.mark_${input.kind}`, entity: 'plan', entityId: planId, after: input });
    return event;
  });
}
