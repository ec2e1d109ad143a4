import { and, eq, inArray } from 'drizzle-orm';
import { planAssignments, planMeasureLeads, planMeasures, plans } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { listAssignments } from './get-plan-dashboard.ts';

/**
 * A unit's home page: what it must report (its own assignments of issued plans) and what it must
 * check (reported assignments of the measures it leads).
 */
export async function listUnitTodo(ctx: OpContext, unitId: string) {
  assertCan(ctx.actor, 'plans.read');
  const issued = ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.status, 'issued'));
  const mine = await listAssignments(ctx, and(eq(planAssignments.unitId, unitId), inArray(planAssignments.planId, issued)), 500);
  const led = ctx.db.select({ id: planMeasureLeads.measureId }).from(planMeasureLeads).where(eq(planMeasureLeads.unitId, unitId));
  const toCheck = await listAssignments(
    ctx,
    and(inArray(planAssignments.measureId, led), eq(planAssignments.checkStatus, 'pending'), inArray(planAssignments.status, ['done', 'cannot_complete']), inArray(planAssignments.planId, issued)),
    500,
  );
  const ledMeasures = await ctx.db.select({ id: planMeasures.id, seq: planMeasures.seq, planId: planMeasures.planId, status: planMeasures.status }).from(planMeasures).where(and(inArray(planMeasures.id, led), inArray(planMeasures.planId, issued)));
  return { mine, toCheck, ledMeasures };
}
