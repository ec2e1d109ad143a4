import { eq, sql } from 'drizzle-orm';
import { annualReports } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { conflict } from '../../platform/errors.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertReportAccess } from './report-access.ts';
import { reportDraftInput, type ReportDraftInput } from './report-input.ts';
import { loadLatestReport } from './load-report-row.ts';

/**
 * Saves the agency's text and entered figures. The first save makes the draft (version 1); saving a
 * reviewed draft sends it back to draft; a published report is changed only by a correction (a new
 * version with a note: correct-annual-report.ts).
 */
export async function saveAnnualReport(ctx: OpContext, agencyUnitId: string, year: number, raw: ReportDraftInput) {
  assertReportAccess(ctx.actor, 'reports.edit', agencyUnitId);
  const input = reportDraftInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    // Two first saves at once: the unique (agency, year, version) lets one insert win; the other updates.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`annual-report:${agencyUnitId}:${year}`}))`);
    const current = await loadLatestReport(tx, agencyUnitId, year, true);
    if (current && current.status === 'published') throw conflict('report_published', '年度报告已发布，数据已冻结；如需修改请“更正”（生成新版本并说明更正原因）');
    const now = new Date();
    if (!current) {
      const [row] = await tx.db
        .insert(annualReports)
        .values({ agencyUnitId, year, texts: input.texts, entered: input.entered, createdBy: ctx.actor!.id })
        .returning();
      await writeAudit(tx, { action: 'annual_report.create', entity: 'annual_report', entityId: row.id, after: { year, version: 1 } });
      return { id: row.id, version: 1, status: 'draft' };
    }
    await tx.db
      .update(annualReports)
      .set({ texts: input.texts, entered: input.entered, status: 'draft', reviewedBy: null, reviewedAt: null, updatedAt: now })
      .where(eq(annualReports.id, current.id));
    await writeAudit(tx, { action: 'annual_report.edit', entity: 'annual_report', entityId: current.id, before: { status: current.status }, after: { status: 'draft' } });
    return { id: current.id, version: current.version, status: 'draft' };
  });
}
