import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { annualReportDocx } from './annual-report-docx.ts';
import type { AnnualFigures } from './compute-annual-report.ts';
import { correctAnnualReport, correctionInput } from './correct-annual-report.ts';
import { districtOverview } from './district-overview.ts';
import { getAnnualReport } from './get-annual-report.ts';
import { importRequestLedger } from './import/import-request-ledger.ts';
import { importReviewLedger } from './import/import-review-ledger.ts';
import { publishAnnualReport } from './publish-annual-report.ts';
import { reportDraftInput, reportKey } from './report-input.ts';
import { reviewAnnualReport } from './review-annual-report.ts';
import { saveAnnualReport } from './save-annual-report.ts';
import { annualReport, districtReports, importCount, reportState } from './schemas.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['reports'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const base = '/api/reports/annual/:agencyUnitId/:year';

  app.get('/api/reports/annual', { config: { access: 'reports.manage' }, schema: { tags, summary: '各机关年度报告情况（区级汇总）', querystring: z.object({ year: reportKey.shape.year }), response: answers({ 200: districtReports }) } }, async (req) => districtOverview(ctx(req), req.query.year));
  app.get(base, { config: { access: 'reports.read' }, schema: { tags, summary: '某机关某年度的年度报告（表格按数据计算，发布后冻结）', params: reportKey, response: answers({ 200: annualReport }) } }, async (req) => getAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year));
  app.put(base, { config: { access: 'reports.edit' }, schema: { tags, summary: '保存年度报告草稿（第一、五、六部分文字及第二部分填报数）', params: reportKey, body: reportDraftInput, response: answers({ 200: reportState }) } }, async (req) => saveAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year, req.body));
  app.post(`${base}/review`, { config: { access: 'reports.publish' }, schema: { tags, summary: '审核年度报告', params: reportKey, response: answers({ 200: reportState }) } }, async (req) => reviewAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year));
  app.post(`${base}/publish`, { config: { access: 'reports.publish' }, schema: { tags, summary: '发布年度报告到本机关“政府信息公开年报”栏目（数据冻结）', params: reportKey, response: answers({ 200: reportState }) } }, async (req) => publishAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year));
  app.post(`${base}/correct`, { config: { access: 'reports.publish' }, schema: { tags, summary: '更正已发布的年度报告（新版本，须写明原因）', params: reportKey, body: correctionInput, response: answers({ 200: reportState }) } }, async (req) => correctAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year, req.body));
  app.get(`${base}/report.docx`, { config: { access: 'reports.read' }, schema: { tags, summary: '下载年度报告（Word，全国统一格式）', params: reportKey, ...fileAnswer(DOCX) } }, async (req, reply) => {
    const r = await getAnnualReport(ctx(req), req.params.agencyUnitId, req.params.year);
    const data = await annualReportDocx(r.figures as AnnualFigures, r.texts);
    const filename = `${r.agency}${r.year}年政府信息公开工作年度报告.docx`;
    return reply.type(DOCX).headers({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` }).send(data);
  });
  for (const [path, run, summary] of [
    ['/api/reports/import/cases', importRequestLedger, '导入往年依申请公开台账（multipart：file，.xlsx/.csv）'],
    ['/api/reports/import/reviews', importReviewLedger, '导入行政复议、行政诉讼记录（multipart：file，.xlsx/.csv）'],
  ] as const)
    app.post(path, { config: { access: 'reports.import' }, schema: { tags, summary, consumes: ['multipart/form-data'], response: answers({ 200: importCount }) } }, async (req) => {
      if (!req.isMultipart()) throw invalid('multipart_required', '请以 multipart/form-data 上传文件');
      let data: Buffer | null = null;
      for await (const part of req.parts({ limits: { fileSize: deps.config.UPLOAD_MAX_MB * 1024 * 1024 } })) {
        if (part.type === 'file')
          data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', 'too_large', `文件超过 ${deps.config.UPLOAD_MAX_MB} MB 的上限，请分年度导入`);
            throw err;
          });
      }
      if (!data || data.length === 0) throw invalid('file_required', '没有收到文件');
      return run(ctx(req), data);
    });
};
