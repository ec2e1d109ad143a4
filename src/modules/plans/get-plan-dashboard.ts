import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { planAreas, planAssignments, planMeasures, plans, planSubtasks, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';
import { assignmentProgressSql, average } from './progress.ts';
import { finishedLateSql, lateness, overdueSql } from './lateness.ts';
import { reportState } from './report-state.ts';

/**
 * The office's dashboard of one plan: completion by area, measure and unit, and the overdue and
 * returned lists. Aggregated in SQL: a plan of 200 measures × 60 units is 12k assignments.
 */
export async function getPlanDashboard(ctx: OpContext, planId: string, today = todayInShanghai()) {
  assertCan(ctx.actor, 'plans.read');
  const plan = await loadPlan(ctx, planId);
  const db = ctx.db;
  const [byMeasureRows, byUnitRows, overdue, returned, structure] = await Promise.all([
    db
      .select({
        measureId: planAssignments.measureId,
        total: sql<number>`count(*)::int`,
        accepted: sql<number>`count(*) filter (where ${planAssignments.checkStatus} = 'accepted')::int`,
        overdue: sql<number>`count(*) filter (where ${overdueSql(today)})::int`,
        progress: sql<number>`avg(${assignmentProgressSql})::float`,
      })
      .from(planAssignments)
      .where(eq(planAssignments.planId, planId))
      .groupBy(planAssignments.measureId),
    db
      .select({
        unitId: planAssignments.unitId,
        name: sql<string>`coalesce(${units.shortName}, ${units.name})`,
        total: sql<number>`count(*)::int`,
        accepted: sql<number>`count(*) filter (where ${planAssignments.checkStatus} = 'accepted')::int`,
        reported: sql<number>`count(*) filter (where ${planAssignments.status} in ('done','cannot_complete') and ${planAssignments.checkStatus} = 'pending')::int`,
        returned: sql<number>`count(*) filter (where ${planAssignments.checkStatus} = 'returned')::int`,
        overdue: sql<number>`count(*) filter (where ${overdueSql(today)})::int`,
        finishedLate: sql<number>`count(*) filter (where ${finishedLateSql})::int`,
        notStarted: sql<number>`count(*) filter (where ${planAssignments.status} = 'not_started')::int`,
        progress: sql<number>`avg(${assignmentProgressSql})::float`,
      })
      .from(planAssignments)
      .innerJoin(units, eq(units.id, planAssignments.unitId))
      .where(eq(planAssignments.planId, planId))
      .groupBy(planAssignments.unitId, units.shortName, units.name),
    listAssignments(ctx, and(eq(planAssignments.planId, planId), overdueSql(today))!, 200, 0, today),
    listAssignments(ctx, and(eq(planAssignments.planId, planId), eq(planAssignments.checkStatus, 'returned'))!, 200, 0, today),
    db
      .select({ measureId: planMeasures.id, seq: planMeasures.seq, status: planMeasures.status, dueDate: planMeasures.dueDate, subtaskId: planSubtasks.id, areaId: planAreas.id, areaSeq: planAreas.seq, areaTitle: planAreas.title })
      .from(planMeasures)
      .innerJoin(planSubtasks, eq(planSubtasks.id, planMeasures.subtaskId))
      .innerJoin(planAreas, eq(planAreas.id, planSubtasks.areaId))
      .where(eq(planMeasures.planId, planId))
      .orderBy(asc(planMeasures.seq)),
  ]);
  const stats = new Map(byMeasureRows.map((r) => [r.measureId, r]));
  const byMeasure = structure.map((m) => {
    const s = stats.get(m.measureId);
    return {
      measureId: m.measureId,
      seq: m.seq,
      status: m.status,
      dueDate: m.dueDate,
      total: s?.total ?? 0,
      accepted: s?.accepted ?? 0,
      overdue: s?.overdue ?? 0,
      progress: m.status === 'closed' ? 100 : Math.round(s?.progress ?? 0),
    };
  });
  const areaIds = [...new Set(structure.map((m) => m.areaId))];
  const byArea = areaIds.map((areaId) => {
    const ms = structure.filter((m) => m.areaId === areaId);
    const ps = ms.map((m) => byMeasure.find((b) => b.measureId === m.measureId)!);
    return { areaId, seq: ms[0].areaSeq, title: ms[0].areaTitle, measures: ms.length, closed: ps.filter((p) => p.status === 'closed').length, progress: average(ps.map((p) => p.progress)) };
  });
  const totals = byUnitRows.reduce(
    (t, u) => ({ assignments: t.assignments + u.total, accepted: t.accepted + u.accepted, overdue: t.overdue + u.overdue, finishedLate: t.finishedLate + u.finishedLate, returned: t.returned + u.returned }),
    { assignments: 0, accepted: 0, overdue: 0, finishedLate: 0, returned: 0 },
  );
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year, status: plan.status },
    asOf: today,
    totals: { ...totals, measures: byMeasure.length, closed: byMeasure.filter((m) => m.status === 'closed').length, progress: average(byMeasure.map((m) => m.progress)) },
    byArea,
    byMeasure,
    byUnit: byUnitRows.map((u) => ({ ...u, progress: Math.round(u.progress) })).sort((a, b) => b.progress - a.progress || a.name.localeCompare(b.name, 'zh-CN')),
    overdue,
    returned,
  };
}

/**
 * Assignment rows with their unit and measure, for lists (at most 200; the ledger export has them
 * all), each with its report state and lateness as of `today`.
 */
export async function listAssignments(ctx: OpContext, where: SQL | undefined, limit = 200, offset = 0, today = todayInShanghai()) {
  const rows = await ctx.db
    .select({
      id: planAssignments.id,
      planId: planAssignments.planId,
      planTitle: plans.title,
      measureId: planAssignments.measureId,
      seq: planMeasures.seq,
      measureText: sql<string>`left(${planMeasures.text}, 80)`,
      unitId: planAssignments.unitId,
      unitName: sql<string>`coalesce(${units.shortName}, ${units.name})`,
      status: planAssignments.status,
      checkStatus: planAssignments.checkStatus,
      dueDate: planAssignments.dueDate,
      returnedCount: planAssignments.returnedCount,
      lastReportAt: planAssignments.lastReportAt,
    })
    .from(planAssignments)
    .innerJoin(planMeasures, eq(planMeasures.id, planAssignments.measureId))
    .innerJoin(units, eq(units.id, planAssignments.unitId))
    .innerJoin(plans, eq(plans.id, planAssignments.planId))
    .where(where)
    .orderBy(asc(planAssignments.dueDate), asc(planMeasures.seq), asc(units.sort), asc(planAssignments.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, state: reportState(r), ...lateness(r, today) }));
}

export async function listPlans(ctx: OpContext) {
  assertCan(ctx.actor, 'plans.read');
  const rows = await ctx.db.select().from(plans).orderBy(sql`${plans.year} desc`, asc(plans.title));
  const counts = rows.length
    ? await ctx.db
        .select({ planId: planMeasures.planId, measures: sql<number>`count(*)::int`, closed: sql<number>`count(*) filter (where ${planMeasures.status} = 'closed')::int` })
        .from(planMeasures)
        .where(inArray(planMeasures.planId, rows.map((r) => r.id)))
        .groupBy(planMeasures.planId)
    : [];
  return rows.map((p) => ({ ...p, measures: counts.find((c) => c.planId === p.id)?.measures ?? 0, closed: counts.find((c) => c.planId === p.id)?.closed ?? 0 }));
}
