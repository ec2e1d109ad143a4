import { z } from 'zod';
import { annualReports } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { loadLatestReport } from './load-report-row.ts';
import { assertReportAccess } from './report-access.ts';

export const correctionInput = z.object({ note: z.string().trim().min(4, '请写明更正原因（至少 4 个字）').max(1000, '更正说明不能超过 1000 字') });

/** Opens a correction of a published report: a new draft version carrying the texts, with its reason. */
export async function correctAnnualReport(ctx: OpContext, agencyUnitId: string, year: number, raw: z.input<typeof correctionInput>) {
  assertReportAccess(ctx.actor, 'reports.publish', agencyUnitId);
  const { note } = correctionInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const r = await loadLatestReport(tx, agencyUnitId, year, true);
    if (!r) throw notFound('report_not_found', '该机关该年度还没有年度报告');
    if (r.status !== 'published') throw conflict('report_not_published', '只有已发布的年度报告需要更正；草稿可直接修改');
    const [row] = await tx.db
      .insert(annualReports)
      .values({ agencyUnitId, year, version: r.version + 1, texts: r.texts, entered: r.entered, note, createdBy: ctx.actor!.id })
      .returning();
    await writeAudit(tx, { action: 'annual_report.correct', entity: 'annual_report', entityId: row.id, after: { year, version: row.version, note } });
    return { id: row.id, version: row.version, status: 'draft' };
  });
}
