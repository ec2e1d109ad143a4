import { asc, eq, inArray, sql } from 'drizzle-orm';
import { planAssignments, planCheckSummaries, planChecks, planEvents, planMeasureLeads, planMeasures, planReports, plans, units, users } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { lateness } from './lateness.ts';
import { reportState } from './report-state.ts';

/** One measure with every assignment and the timeline of reports, checks and office actions. */
export async function getMeasureDetail(ctx: OpContext, measureId: string, today = todayInShanghai()) {
  assertCan(ctx.actor, 'plans.read');
  const [row] = await ctx.db
    .select({ measure: planMeasures, plan: { id: plans.id, title: plans.title, status: plans.status, year: plans.year } })
    .from(planMeasures)
    .innerJoin(plans, eq(plans.id, planMeasures.planId))
    .where(eq(planMeasures.id, measureId));
  if (!row) throw notFound('measure_not_found', '举措不存在');
  const { measure, plan } = row;
  const unitName = sql<string>`coalesce(${units.shortName}, ${units.name})`;
  const assignments = await ctx.db
    .select({ a: planAssignments, unitName })
    .from(planAssignments)
    .innerJoin(units, eq(units.id, planAssignments.unitId))
    .where(eq(planAssignments.measureId, measureId))
    .orderBy(asc(unitName));
  const ids = assignments.map((x) => x.a.id);
  const [reports, checks, events, summaries, leads] = await Promise.all([
    ids.length ? ctx.db.select({ r: planReports, by: users.displayName }).from(planReports).innerJoin(users, eq(users.id, planReports.createdBy)).where(inArray(planReports.assignmentId, ids)).orderBy(asc(planReports.createdAt)) : [],
    ids.length ? ctx.db.select({ c: planChecks, by: users.displayName }).from(planChecks).innerJoin(users, eq(users.id, planChecks.createdBy)).where(inArray(planChecks.assignmentId, ids)).orderBy(asc(planChecks.createdAt)) : [],
    ctx.db.select({ e: planEvents, by: users.displayName }).from(planEvents).leftJoin(users, eq(users.id, planEvents.createdBy)).where(eq(planEvents.measureId, measureId)).orderBy(asc(planEvents.createdAt)),
    ctx.db.select({ s: planCheckSummaries, unitName, by: users.displayName }).from(planCheckSummaries).innerJoin(units, eq(units.id, planCheckSummaries.unitId)).innerJoin(users, eq(users.id, planCheckSummaries.createdBy)).where(eq(planCheckSummaries.measureId, measureId)).orderBy(asc(planCheckSummaries.createdAt)),
    ctx.db.select({ unitId: planMeasureLeads.unitId, name: unitName }).from(planMeasureLeads).innerJoin(units, eq(units.id, planMeasureLeads.unitId)).where(eq(planMeasureLeads.measureId, measureId)),
  ]);
  return {
    plan,
    measure,
    leads,
    summaries: summaries.map((s) => ({ ...s.s, unitName: s.unitName, by: s.by })),
    events: events.map((e) => ({ ...e.e, by: e.by })),
    assignments: assignments.map(({ a, unitName }) => ({
      ...a,
      unitName,
      state: reportState(a),
      ...lateness(a, today),
      timeline: [
        ...reports.filter((r) => r.r.assignmentId === a.id).map((r) => ({ type: 'report' as const, at: r.r.createdAt, by: r.by, ...r.r })),
        ...checks.filter((c) => c.c.assignmentId === a.id).map((c) => ({ type: 'check' as const, at: c.c.createdAt, by: c.by, ...c.c })),
      ].sort((x, y) => x.at.getTime() - y.at.getTime()),
    })),
  };
}
