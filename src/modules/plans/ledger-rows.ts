import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { planAreas, planAssignments, planChecks, planMeasureLeads, planMeasures, planReports, planSubtasks, units } from '../../db/schema/index.ts';
import type { Evidence } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { lateness } from './lateness.ts';
import { reportState, type ReportState } from './report-state.ts';

export interface LedgerRow {
  assignmentId: string;
  seq: number;
  area: string;
  subtask: string;
  measure: string;
  measureStatus: string;
  leads: string;
  responsibleWritten: string;
  unitId: string;
  unit: string;
  dueDate: string;
  status: string;
  checkStatus: string;
  /** The one word for the row (report-state.ts). */
  state: ReportState;
  lastReportAt: Date | null;
  /** Lateness (lateness.ts), judged on the day the unit reported. */
  reportedOn: string | null;
  overdue: boolean;
  finishedLate: boolean;
  completedOn: string | null;
  summary: string | null;
  evidence: Evidence[];
  checkComment: string | null;
  returnedCount: number;
}

/**
 * Every assignment of a plan (or of one unit) with its latest report and check: the rows of the
 * ledger (台账), the circular and the unit's completion report. Four queries whatever the size.
 */
export async function ledgerRows(ctx: OpContext, planId: string, unitId?: string, today = todayInShanghai()): Promise<LedgerRow[]> {
  const where = unitId ? and(eq(planAssignments.planId, planId), eq(planAssignments.unitId, unitId)) : eq(planAssignments.planId, planId);
  // Assignment rows stay narrow; what belongs to a measure (its text, units, outline) is read once
  // per measure, not once per assignment — a 200 × 60 plan would otherwise parse 12k copies.
  const base = await ctx.db
    .select({
      assignmentId: planAssignments.id,
      measureId: planAssignments.measureId,
      unitId: planAssignments.unitId,
      unit: sql<string>`coalesce(${units.shortName}, ${units.name})`,
      dueDate: planAssignments.dueDate,
      status: planAssignments.status,
      checkStatus: planAssignments.checkStatus,
      completedOn: planAssignments.completedOn,
      lastReportAt: planAssignments.lastReportAt,
      returnedCount: planAssignments.returnedCount,
      seq: planMeasures.seq,
    })
    .from(planAssignments)
    .innerJoin(planMeasures, eq(planMeasures.id, planAssignments.measureId))
    .innerJoin(units, eq(units.id, planAssignments.unitId))
    .where(where)
    .orderBy(asc(planMeasures.seq), asc(units.sort), asc(units.name));
  if (!base.length) return [];
  const ofPlan = (col: typeof planReports.assignmentId | typeof planChecks.assignmentId) =>
    unitId ? inArray(col, base.map((b) => b.assignmentId)) : inArray(col, ctx.db.select({ id: planAssignments.id }).from(planAssignments).where(eq(planAssignments.planId, planId)));
  const [measures, reports, checks, leads] = await Promise.all([
    ctx.db
      .select({
        id: planMeasures.id,
        area: sql<string>`coalesce(${planAreas.label} || '、', '') || ${planAreas.title}`,
        subtask: sql<string>`coalesce('（' || ${planSubtasks.label} || '）', '') || ${planSubtasks.title}`,
        text: planMeasures.text,
        status: planMeasures.status,
        responsibleWritten: sql<string>`(select string_agg(e->>'written', '、') from jsonb_array_elements(${planMeasures.responsible}) e)`,
      })
      .from(planMeasures)
      .innerJoin(planSubtasks, eq(planSubtasks.id, planMeasures.subtaskId))
      .innerJoin(planAreas, eq(planAreas.id, planSubtasks.areaId))
      .where(eq(planMeasures.planId, planId)),
    // Latest report and check of each assignment (DISTINCT ON keeps the newest per assignment).
    ctx.db
      .selectDistinctOn([planReports.assignmentId], { assignmentId: planReports.assignmentId, summary: planReports.summary, evidence: planReports.evidence })
      .from(planReports)
      .where(ofPlan(planReports.assignmentId))
      .orderBy(planReports.assignmentId, sql`${planReports.createdAt} desc`),
    ctx.db
      .selectDistinctOn([planChecks.assignmentId], { assignmentId: planChecks.assignmentId, comment: planChecks.comment })
      .from(planChecks)
      .where(ofPlan(planChecks.assignmentId))
      .orderBy(planChecks.assignmentId, sql`${planChecks.createdAt} desc`),
    ctx.db
      .select({ measureId: planMeasureLeads.measureId, name: sql<string>`coalesce(${units.shortName}, ${units.name})` })
      .from(planMeasureLeads)
      .innerJoin(units, eq(units.id, planMeasureLeads.unitId))
      .innerJoin(planMeasures, eq(planMeasures.id, planMeasureLeads.measureId))
      .where(eq(planMeasures.planId, planId)),
  ]);
  const measureOf = new Map(measures.map((m) => [m.id, m]));
  const reportOf = new Map(reports.map((r) => [r.assignmentId, r]));
  const checkOf = new Map(checks.map((c) => [c.assignmentId, c]));
  const leadsOf = new Map<string, string[]>();
  for (const l of leads) leadsOf.set(l.measureId, [...(leadsOf.get(l.measureId) ?? []), l.name]);
  return base.map((b) => {
    const m = measureOf.get(b.measureId)!;
    return {
      assignmentId: b.assignmentId,
      seq: b.seq,
      area: m.area,
      subtask: m.subtask,
      measure: m.text,
      measureStatus: m.status,
      leads: (leadsOf.get(b.measureId) ?? []).join('、'),
      responsibleWritten: m.responsibleWritten ?? '',
      unitId: b.unitId,
      unit: b.unit,
      dueDate: b.dueDate,
      status: b.status,
      checkStatus: b.checkStatus,
      state: reportState(b),
      lastReportAt: b.lastReportAt,
      ...lateness(b, today),
      completedOn: b.completedOn,
      summary: reportOf.get(b.assignmentId)?.summary ?? null,
      evidence: reportOf.get(b.assignmentId)?.evidence ?? [],
      checkComment: checkOf.get(b.assignmentId)?.comment ?? null,
      returnedCount: b.returnedCount,
    };
  });
}
