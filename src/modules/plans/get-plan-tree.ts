import { asc, eq, sql } from 'drizzle-orm';
import { planAreas, planAssignments, planMeasureLeads, planMeasures, planSubtasks, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';
import { assignmentProgressSql, average } from './progress.ts';
import { overdueSql } from './lateness.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';

/** A plan as the notice reads: areas → sub-tasks → measures, with units, deadlines and progress rolled up. */
export async function getPlanTree(ctx: OpContext, planId: string, today = todayInShanghai()) {
  assertCan(ctx.actor, 'plans.read');
  const plan = await loadPlan(ctx, planId);
  const [areas, subtasks, measures, leads, stats, unitRows] = await Promise.all([
    ctx.db.select().from(planAreas).where(eq(planAreas.planId, planId)).orderBy(asc(planAreas.seq)),
    ctx.db.select().from(planSubtasks).where(eq(planSubtasks.planId, planId)).orderBy(asc(planSubtasks.seq)),
    ctx.db.select().from(planMeasures).where(eq(planMeasures.planId, planId)).orderBy(asc(planMeasures.seq)),
    ctx.db.select({ measureId: planMeasureLeads.measureId, unitId: planMeasureLeads.unitId }).from(planMeasureLeads).innerJoin(planMeasures, eq(planMeasures.id, planMeasureLeads.measureId)).where(eq(planMeasures.planId, planId)),
    ctx.db
      .select({ measureId: planAssignments.measureId, total: sql<number>`count(*)::int`, accepted: sql<number>`count(*) filter (where ${planAssignments.checkStatus} = 'accepted')::int`, overdue: sql<number>`count(*) filter (where ${overdueSql(today)})::int`, progress: sql<number>`avg(${assignmentProgressSql})::float` })
      .from(planAssignments)
      .where(eq(planAssignments.planId, planId))
      .groupBy(planAssignments.measureId),
    ctx.db.select({ id: units.id, name: sql<string>`coalesce(${units.shortName}, ${units.name})` }).from(units),
  ]);
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const statOf = new Map(stats.map((s) => [s.measureId, s]));
  const measureView = (m: (typeof measures)[number]) => {
    const s = statOf.get(m.id);
    return {
      ...m,
      leads: leads.filter((l) => l.measureId === m.id).map((l) => ({ unitId: l.unitId, name: unitName.get(l.unitId) ?? '' })),
      responsible: m.responsible.map((r) => ({ ...r, units: r.unitIds.map((id) => ({ unitId: id, name: unitName.get(id) ?? '' })) })),
      assignments: s?.total ?? 0,
      accepted: s?.accepted ?? 0,
      overdue: s?.overdue ?? 0,
      progress: m.status === 'closed' ? 100 : Math.round(s?.progress ?? 0),
    };
  };
  const tree = areas.map((a) => {
    const subs = subtasks
      .filter((s) => s.areaId === a.id)
      .map((s) => {
        const ms = measures.filter((m) => m.subtaskId === s.id).map(measureView);
        return { ...s, progress: average(ms.map((m) => m.progress)), measures: ms };
      });
    return { ...a, progress: average(subs.flatMap((s) => s.measures).map((m) => m.progress)), subtasks: subs };
  });
  return { plan: { ...plan, progress: average(tree.flatMap((a) => a.subtasks.flatMap((s) => s.measures)).map((m) => m.progress)) }, areas: tree };
}
