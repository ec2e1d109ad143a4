import { and, eq, ne } from 'drizzle-orm';
import { annualReports, documents, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { ensureColumnPath } from '../catalog/column-paths.ts';
import { cleanBodyOffThread, searchVectorSql } from '../catalog/document-content.ts';
import { nextIndexNo } from '../catalog/index-number.ts';
import { computeAnnualFigures } from './compute-annual-report.ts';
import type { ReportTexts } from './load-report-texts.ts';
import { loadLatestReport } from './load-report-row.ts';
import { assertReportAccess } from './report-access.ts';
import { annualReportHtml } from './report-html.ts';

/** Where every agency publishes its report: its site's standard column (国办公开办函〔2019〕61号). */
export const ANNUAL_REPORT_COLUMN = ['政府信息公开', '政府信息公开年报'];

/**
 * Publishes the reviewed report: its tables are computed one last time and frozen, and it appears in
 * the agency's 政府信息公开年报 column as a page with the tables. A correction (a later version)
 * replaces the page's text in place, with its note; the earlier version stays as it was published.
 */
/** `opts.now` dates a publication recorded after the fact (the demo's 2021 history); routes never pass it. */
export async function publishAnnualReport(ctx: OpContext, agencyUnitId: string, year: number, opts: { now?: Date } = {}) {
  assertReportAccess(ctx.actor, 'reports.publish', agencyUnitId);
  return inTransaction(ctx, async (tx) => {
    const r = await loadLatestReport(tx, agencyUnitId, year, true);
    if (!r) throw notFound('report_not_found', '该机关该年度还没有年度报告草稿');
    if (r.status === 'published') throw conflict('report_published', '年度报告已发布');
    if (r.status !== 'reviewed') throw conflict('report_not_reviewed', '年度报告须先审核再发布');
    const figures = await computeAnnualFigures(tx.db, agencyUnitId, year);
    if (!figures.checks.balanced)
      throw invalid('report_unbalanced', `第三部分不平衡（一 + 二 ≠ 三（七） + 四）：有 ${figures.checks.unclassified} 件已办结的申请没有办理结果，请先补全`);
    const [agency] = await tx.db.select().from(units).where(eq(units.id, agencyUnitId));
    const title = `${agency.name}${year}年政府信息公开工作年度报告`;
    const { html, text } = await cleanBodyOffThread(annualReportHtml(figures, r.texts as ReportTexts, r.note));
    const now = opts.now ?? new Date();
    const previous = r.version > 1 ? (await tx.db.select().from(annualReports).where(and(eq(annualReports.agencyUnitId, agencyUnitId), eq(annualReports.year, year), ne(annualReports.id, r.id), eq(annualReports.status, 'published'))))[0] : undefined;
    let documentId = previous?.documentId ?? null;
    if (documentId) {
      const [doc] = await tx.db.select().from(documents).where(eq(documents.id, documentId));
      await tx.db
        .update(documents)
        .set({ title, bodyHtml: html, bodyText: text, version: doc.version + 1, updatedAt: now, searchVector: searchVectorSql({ title, docNumber: doc.docNumber, indexNo: doc.indexNo }, text) })
        .where(eq(documents.id, documentId));
    } else {
      const column = await ensureColumnPath(tx.db, agencyUnitId, ANNUAL_REPORT_COLUMN, { kind: 'other' });
      const indexNo = await nextIndexNo(tx, agencyUnitId, Number(todayInShanghai(now).slice(0, 4)));
      const [doc] = await tx.db
        .insert(documents)
        .values({
          columnId: column.id,
          siteUnitId: agencyUnitId,
          title,
          bodyHtml: html,
          bodyText: text,
          indexNo,
          publisher: agency.name,
          writtenOn: todayInShanghai(now),
          topic: '政府信息公开年报',
          status: 'published',
          publishedAt: now,
          createdBy: ctx.actor!.id,
          searchVector: searchVectorSql({ title, indexNo }, text),
        })
        .returning({ id: documents.id });
      documentId = doc.id;
    }
    if (previous) await tx.db.update(annualReports).set({ status: 'superseded', updatedAt: now }).where(eq(annualReports.id, previous.id));
    await tx.db.update(annualReports).set({ status: 'published', figures, documentId, publishedBy: ctx.actor!.id, publishedAt: now, updatedAt: now }).where(eq(annualReports.id, r.id));
    await writeAudit(tx, { action: 'annual_report.publish', entity: 'annual_report', entityId: r.id, after: { year, version: r.version, documentId } });
    return { id: r.id, version: r.version, status: 'published', documentId };
  });
}
