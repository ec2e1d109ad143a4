import { eq } from 'drizzle-orm';
import { annualReports } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertReportAccess } from './report-access.ts';
import { loadLatestReport } from './load-report-row.ts';

/** Marks the draft reviewed: the step before publishing (by a reviewer, approver or the office). */
export async function reviewAnnualReport(ctx: OpContext, agencyUnitId: string, year: number) {
  assertReportAccess(ctx.actor, 'reports.publish', agencyUnitId);
  return inTransaction(ctx, async (tx) => {
    const r = await loadLatestReport(tx, agencyUnitId, year, true);
    if (!r) throw notFound('report_not_found', '该机关该年度还没有年度报告草稿');
    if (r.status !== 'draft') throw conflict('report_not_draft', r.status === 'reviewed' ? '年度报告已审核' : '年度报告已发布');
    await tx.db.update(annualReports).set({ status: 'reviewed', reviewedBy: ctx.actor!.id, reviewedAt: new Date(), updatedAt: new Date() }).where(eq(annualReports.id, r.id));
    await writeAudit(tx, { action: 'annual_report.review', entity: 'annual_report', entityId: r.id, before: { status: 'draft' }, after: { status: 'reviewed' } });
    return { id: r.id, version: r.version, status: 'reviewed' };
  });
}
