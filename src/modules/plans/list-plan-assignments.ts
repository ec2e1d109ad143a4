import { and, count, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { ASSIGNMENT_STATES, assignmentStateSql } from './assignment-states.ts';
import { listAssignments } from './get-plan-dashboard.ts';
import { loadPlan } from './load-plan.ts';

export const listPlanAssignmentsQuery = z.object({
  /** open 未完成 | overdue 逾期 | returned 被退回 | reported 待核查; none: every assignment. */
  state: z.enum(ASSIGNMENT_STATES, { message: '状态应为 open、overdue、returned 或 reported' }).optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  /** Only the assignments due on this day. */
  due: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(10000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(50),
});

/**
 * 单位任务列表 of one plan, filtered by state, unit and due date (the lists the workbench's counts
 * open). The district office sees every unit; anyone else only their own unit's assignments.
 */
export async function listPlanAssignments(ctx: OpContext, planId: string, raw: z.input<typeof listPlanAssignmentsQuery>, today = todayInShanghai()) {
  assertCan(ctx.actor, 'plans.read');
  const query = listPlanAssignmentsQuery.parse(raw);
  const plan = await loadPlan(ctx, planId);
  const conds: SQL[] = [eq(planAssignments.planId, planId)];
  if (!isDistrictWide(ctx.actor)) conds.push(eq(planAssignments.unitId, ctx.actor.unitId));
  if (query.unitId) conds.push(eq(planAssignments.unitId, query.unitId));
  if (query.state) conds.push(assignmentStateSql(query.state, today));
  if (query.due) conds.push(eq(planAssignments.dueDate, query.due));
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    listAssignments(ctx, where, query.pageSize, (query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(planAssignments).where(where),
  ]);
  return { plan: { id: plan.id, title: plan.title, status: plan.status }, asOf: today, total, page: query.page, pageSize: query.pageSize, items };
}
