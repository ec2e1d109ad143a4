import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { planAssignments, planMeasureLeads, plans } from '../../db/schema/index.ts';
import { overdueSql } from './lateness.ts';

/**
 * The states an office or a unit counts its assignments by, as SQL over `plan_assignments`: the one
 * definition behind the workbench's counts and the lists those counts open, so the two agree.
 * - open: not yet accepted by the lead unit (未完成)
 * - overdue: 逾期未完成 by the module's one lateness rule (lateness.ts): not reported done (or cannot
 *   be completed) and past its due date. A report waiting for its check is not overdue: lateness is
 *   judged on when the unit reported, not on when the lead unit checks.
 * - returned: returned by the lead unit for rework (被退回)
 * - reported: reported done (or cannot be completed) and waiting for the lead unit's check (待核查)
 */
export const ASSIGNMENT_STATES = ['open', 'overdue', 'returned', 'reported'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export function assignmentStateSql(state: AssignmentState, today: string): SQL {
  switch (state) {
    case 'open':
      return sql`${planAssignments.checkStatus} <> 'accepted'`;
    case 'overdue':
      return overdueSql(today);
    case 'returned':
      return sql`${planAssignments.checkStatus} = 'returned'`;
    case 'reported':
      return sql`(${planAssignments.status} in ('done','cannot_complete') and ${planAssignments.checkStatus} = 'pending')`;
  }
}

/** Assignments of plans now in force (issued): drafts have none, closed plans are history. */
export const inIssuedPlan = () => inArray(planAssignments.planId, sql`(select ${plans.id} from ${plans} where ${plans.status} = 'issued')`);

/** The reports a unit must check: reported assignments of the measures it leads (我的任务 › 待本单位核查). */
export const toCheckBy = (unitId: string) =>
  and(
    inArray(planAssignments.measureId, sql`(select ${planMeasureLeads.measureId} from ${planMeasureLeads} where ${eq(planMeasureLeads.unitId, unitId)})`),
    assignmentStateSql('reported', ''),
    inIssuedPlan(),
  )!;
