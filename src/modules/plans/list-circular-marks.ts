import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { planCirculars, planEvents, units, users } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';

export const MARK_KINDS = ['commend', 'criticize'] as const;

/** A mark still to be decided: not withdrawn, made after the plan's last issued 通报 (it goes into the next one). */
export const pendingMarkSql = sql<boolean>`(not ${planEvents.withdrawn} and ${planEvents.createdAt} > coalesce(
  (select max(c.issued_at) from ${planCirculars} c where c.plan_id = ${planEvents.planId} and c.status = 'issued'), '-infinity'::timestamptz))`;

/** The 通报 marks of a plan (表扬 / 批评), newest first, withdrawn ones included and flagged. */
export async function listCircularMarks(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'plans.read');
  await loadPlan(ctx, planId);
  const items = await ctx.db
    .select({
      id: planEvents.id,
      unitId: planEvents.unitId,
      unitName: units.shortName,
      kind: planEvents.kind,
      reason: planEvents.message,
      withdrawn: planEvents.withdrawn,
      pending: pendingMarkSql,
      createdAt: planEvents.createdAt,
      createdByName: users.displayName,
    })
    .from(planEvents)
    .innerJoin(units, eq(units.id, planEvents.unitId))
    .leftJoin(users, eq(users.id, planEvents.createdBy))
    .where(and(eq(planEvents.planId, planId), inArray(planEvents.kind, [...MARK_KINDS])))
    .orderBy(desc(planEvents.createdAt), desc(planEvents.id));
  return { items };
}
