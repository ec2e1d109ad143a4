import { eq } from 'drizzle-orm';
import { planAssignments, planMeasureLeads, planMeasures, plans } from '../../db/schema/index.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { isDistrictWide } from '../../platform/policy.ts';

/** An assignment with its measure and plan, locked for the change about to be made. */
export async function loadAssignment(tx: OpContext, assignmentId: string) {
  const [row] = await tx.db
    .select({ assignment: planAssignments, measure: planMeasures, plan: plans })
    .from(planAssignments)
    .innerJoin(planMeasures, eq(planMeasures.id, planAssignments.measureId))
    .innerJoin(plans, eq(plans.id, planAssignments.planId))
    .where(eq(planAssignments.id, assignmentId))
    .for('update', { of: planAssignments });
  if (!row) throw notFound('assignment_not_found', '任务不存在');
  return row;
}

export async function leadUnitIds(tx: OpContext, measureId: string): Promise<string[]> {
  const rows = await tx.db.select({ unitId: planMeasureLeads.unitId }).from(planMeasureLeads).where(eq(planMeasureLeads.measureId, measureId));
  return rows.map((r) => r.unitId);
}

/** Only the responsible unit itself (or the office) reports on an assignment. */
export function assertOwnAssignment(actor: Actor, unitId: string) {
  if (!isDistrictWide(actor) && actor.unitId !== unitId) throw outOfScope('只能报送本单位承担的任务');
}

/** Only a lead unit of the measure (or the office) checks its assignments. */
export async function assertLeadOf(tx: OpContext, actor: Actor, measureId: string) {
  if (isDistrictWide(actor)) return;
  if (!(await leadUnitIds(tx, measureId)).includes(actor.unitId)) throw outOfScope('只有该举措的牵头单位可以核查');
}
