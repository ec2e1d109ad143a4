import { and, asc, eq, sql } from 'drizzle-orm';
import { annualReports, documents, planAssignments, plans, units } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { computeAnnualFigures, type AnnualFigures } from './compute-annual-report.ts';
import { loadLatestReport } from './load-report-row.ts';
import { assertReportAccess } from './report-access.ts';
import { reportDueDate } from './report-deadline.ts';
import { SECTION3_LINES } from './report-rows.ts';
import { yearSpan } from './year-span.ts';

/**
 * One agency's report for a year: the newest version's state and texts, its tables (frozen once
 * published, else computed now), the earlier versions, the deadline, and figures offered to quote.
 */
export async function getAnnualReport(ctx: OpContext, agencyUnitId: string, year: number) {
  assertReportAccess(ctx.actor, 'reports.read', agencyUnitId);
  const [agency] = await ctx.db.select().from(units).where(eq(units.id, agencyUnitId));
  if (!agency) throw notFound('unit_not_found', '单位不存在');
  const latest = await loadLatestReport(ctx, agencyUnitId, year);
  const figures = latest?.status === 'published' && latest.figures ? (latest.figures as AnnualFigures) : await computeAnnualFigures(ctx.db, agencyUnitId, year);
  const versions = await ctx.db
    .select({ version: annualReports.version, status: annualReports.status, note: annualReports.note, publishedAt: annualReports.publishedAt, documentId: annualReports.documentId })
    .from(annualReports)
    .where(and(eq(annualReports.agencyUnitId, agencyUnitId), eq(annualReports.year, year)))
    .orderBy(asc(annualReports.version));
  return {
    agencyUnitId,
    agency: agency.name,
    year,
    dueDate: reportDueDate(agency.kind, year),
    status: latest?.status ?? 'none',
    version: latest?.version ?? 0,
    note: latest?.note ?? null,
    texts: (latest?.texts ?? {}) as { overview?: string; problems?: string; other?: string },
    entered: (latest?.entered ?? {}) as Record<string, unknown>,
    documentId: latest?.documentId ?? versions.find((v) => v.documentId)?.documentId ?? null,
    figures,
    versions,
    quotable: await quotableFigures(ctx, agencyUnitId, year),
    /** Section 三's printed rows (label, indent, key of its figures), so every view draws the same table. */
    section3Lines: SECTION3_LINES,
  };
}

/** Figures the agency may quote in sections 一 and 五: pages it published, its plan tasks done. */
async function quotableFigures(ctx: OpContext, agencyUnitId: string, year: number) {
  const { first, last } = yearSpan(year);
  const [pages] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.siteUnitId, agencyUnitId), sql`${documents.status} in ('published', 'scheduled')`, sql`(${documents.publishedAt} at time zone 'Asia/Shanghai')::date between ${first} and ${last}`));
  const [tasks] = await ctx.db
    .select({ total: sql<number>`count(*)::int`, accepted: sql<number>`count(*) filter (where ${planAssignments.checkStatus} = 'accepted')::int` })
    .from(planAssignments)
    .innerJoin(plans, eq(plans.id, planAssignments.planId))
    .where(and(eq(planAssignments.unitId, agencyUnitId), eq(plans.year, year), eq(plans.kind, 'notice')));
  return { pagesPublished: pages.n, planTasks: tasks.total, planTasksAccepted: tasks.accepted };
}
