import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { idParam } from '../../http/routes/params.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { okBody } from '../../platform/output-schemas.ts';
import { assertUnitInScope } from '../../platform/policy.ts';
import { carryOver, carryOverInput } from './carry-over.ts';
import { checkAssignment, checkInput } from './check-assignment.ts';
import { circularDocx, circularInput, draftCircular, issueCircular, updateCircular } from './circulars.ts';
import { closeMeasure, reopenInput, reopenMeasure } from './close-measure.ts';
import { deleteDraft } from './delete-draft.ts';
import { exportLedger } from './export-ledger.ts';
import { fileCheckSummary, summaryInput } from './file-check-summary.ts';
import { getMeasureDetail } from './get-measure-detail.ts';
import { getPlanDashboard, listPlans } from './get-plan-dashboard.ts';
import { getPlanTree } from './get-plan-tree.ts';
import { importPlan } from './import-plan.ts';
import { issuePlan, issuePlanInput } from './issue-plan.ts';
import { listCirculars } from './list-circulars.ts';
import { listUnitTodo } from './list-unit-assignments.ts';
import { listPlanAssignments, listPlanAssignmentsQuery } from './list-plan-assignments.ts';
import { planWorkbenchSources } from './workbench-sources.ts';
import { registerWorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { listCircularMarks } from './list-circular-marks.ts';
import { withdrawCircularMark, withdrawMarkInput } from './withdraw-circular-mark.ts';
import { markForCircular, markInput, urgeInput, urgeUnit } from './office-actions.ts';
import { previewIssue } from './preview-issue.ts';
import { reportInput, reportProgress } from './report-progress.ts';
import { unitCompletionReport, unitReportDraft, unitReportInput } from './unit-completion-report.ts';
import {
  carryOverResult,
  checkRow,
  circular,
  circularMark,
  dashboard,
  importResult,
  issuePreview,
  issueResult,
  measureDetail,
  planEvent,
  planAssignmentList,
  planListItem,
  planTree,
  reportRow,
  summaryRow,
  unitTodo,
} from './schemas.ts';

const download = (filename: string) => ({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const planRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['plans'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  for (const source of planWorkbenchSources) registerWorkbenchSource(source);

  app.get('/api/plans', { config: { access: 'plans.read' }, schema: { tags, summary: '任务分工列表', response: answers({ 200: z.object({ items: z.array(planListItem) }) }) } }, async (req) => ({ items: await listPlans(ctx(req)) }));

  app.post(
    '/api/plans/import',
    { config: { access: 'plans.manage' }, schema: { tags, summary: '导入任务分工（multipart：file 为 .docx/.xlsx/.txt；可带 year、dryRun 字段）', consumes: ['multipart/form-data'], response: answers({ 200: importResult }) } },
    async (req) => {
      if (!req.isMultipart()) throw invalid('multipart_required', '请以 multipart/form-data 上传文件');
      let data: Buffer | null = null;
      let filename: string | undefined;
      const fields: Record<string, string> = {};
      for await (const part of req.parts({ limits: { fileSize: deps.config.UPLOAD_MAX_MB * 1024 * 1024 } })) {
        if (part.type === 'file') {
          data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', 'too_large', `文件超过 ${deps.config.UPLOAD_MAX_MB} MB 的上限，任务分工文件通常只有几百 KB，请确认是否选错了文件`);
            throw err;
          });
          filename = part.filename;
        } else fields[part.fieldname] = String(part.value);
      }
      if (!data || data.length === 0) throw invalid('file_required', '没有收到文件');
      const year = fields.year ? Number(fields.year) : undefined;
      if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw invalid('invalid_year', '年度不正确');
      return importPlan(ctx(req), { data, filename, year, dryRun: fields.dryRun === 'true' });
    },
  );

  app.post(
    '/api/plans/import-text',
    {
      config: { access: 'plans.manage' },
      schema: {
        tags,
        summary: '导入粘贴的任务分工文本（Word 复制出的表格文本）', response: answers({ 200: importResult }),
        body: z.object({ text: z.string().min(1, '请粘贴任务分工文本').max(2_000_000, '文本过长'), year: z.number().int().min(2000).max(2100).optional(), dryRun: z.boolean().default(false) }),
      },
    },
    async (req) => importPlan(ctx(req), { data: Buffer.from(req.body.text, 'utf8'), filename: '粘贴文本', year: req.body.year, dryRun: req.body.dryRun }),
  );

  app.get('/api/plans/todo', { config: { access: 'plans.read' }, schema: { tags, summary: '单位待办：本单位任务与待核查任务', response: answers({ 200: unitTodo }), querystring: z.object({ unitId: z.uuid().optional() }) } }, async (req) => {
    const c = ctx(req);
    const unitId = req.query.unitId ?? c.actor!.unitId;
    assertUnitInScope(c.actor!, unitId);
    return listUnitTodo(c, unitId);
  });

  app.get('/api/plans/:id', { config: { access: 'plans.read' }, schema: { tags, summary: '任务分工（区域 → 子任务 → 举措，含进度）', response: answers({ 200: planTree }), params: idParam } }, async (req) => getPlanTree(ctx(req), req.params.id));
  app.delete('/api/plans/:id', { config: { access: 'plans.manage' }, schema: { tags, summary: '删除草稿', response: answers({ 200: okBody }), params: idParam } }, async (req) => {
    await deleteDraft(ctx(req), req.params.id);
    return { ok: true };
  });
  app.get(
    '/api/plans/:id/assignments',
    { config: { access: 'plans.read' }, schema: { tags, summary: '单位任务列表（按状态、单位、到期日筛选；非主管部门只见本单位）', response: answers({ 200: planAssignmentList }), params: idParam, querystring: listPlanAssignmentsQuery } },
    async (req) => listPlanAssignments(ctx(req), req.params.id, req.query),
  );
  app.get('/api/plans/:id/dashboard', { config: { access: 'plans.read' }, schema: { tags, summary: '进度看板', response: answers({ 200: dashboard }), params: idParam } }, async (req) => getPlanDashboard(ctx(req), req.params.id));
  app.get('/api/plans/:id/issue-preview', { config: { access: 'plans.manage' }, schema: { tags, summary: '印发前检查：未识别单位与需逐项确定的单位组', response: answers({ 200: issuePreview }), params: idParam } }, async (req) => previewIssue(ctx(req), req.params.id));
  app.post('/api/plans/:id/issue', { config: { access: 'plans.manage' }, schema: { tags, summary: '印发（生成各单位任务并通知）', response: answers({ 200: issueResult }), params: idParam, body: issuePlanInput } }, async (req) => issuePlan(ctx(req), req.params.id, req.body));
  app.get(
    '/api/plans/:id/ledger.xlsx',
    { config: { access: 'plans.read' }, schema: { tags, summary: '导出台账（Excel）', ...fileAnswer(XLSX), params: idParam, querystring: z.object({ unitId: z.uuid().optional() }) } },
    async (req, reply) => {
      const f = await exportLedger(ctx(req), req.params.id, req.query.unitId);
      return reply.type(XLSX).headers(download(f.filename)).send(f.data);
    },
  );
  app.get(
    '/api/plans/:id/units/:unitId/report.docx',
    { config: { access: 'plans.read' }, schema: { tags, summary: '单位任务分工完成情况报告（Word）', ...fileAnswer(DOCX), params: z.object({ id: z.uuid(), unitId: z.uuid() }) } },
    async (req, reply) => {
      const f = await unitCompletionReport(ctx(req), req.params.id, req.params.unitId);
      return reply.type(DOCX).headers(download(f.filename)).send(f.data);
    },
  );
  app.get(
    '/api/plans/:id/units/:unitId/report-draft',
    {
      config: { access: 'plans.read' },
      schema: { tags, summary: '单位完成情况报告的标题和“存在的问题及下一步打算”初稿（供修改）', response: answers({ 200: z.object({ title: z.string(), issues: z.string() }) }), params: z.object({ id: z.uuid(), unitId: z.uuid() }) },
    },
    async (req) => unitReportDraft(ctx(req), req.params.id, req.params.unitId),
  );
  app.post(
    '/api/plans/:id/units/:unitId/report.docx',
    { config: { access: 'plans.read' }, schema: { tags, summary: '单位完成情况报告（Word，带修改后的“存在的问题及下一步打算”）', ...fileAnswer(DOCX), params: z.object({ id: z.uuid(), unitId: z.uuid() }), body: unitReportInput } },
    async (req, reply) => {
      const f = await unitCompletionReport(ctx(req), req.params.id, req.params.unitId, req.body);
      return reply.type(DOCX).headers(download(f.filename)).send(f.data);
    },
  );
  app.post('/api/plans/:id/urge', { config: { access: 'plans.manage' }, schema: { tags, summary: '督促单位', response: answers({ 200: planEvent }), params: idParam, body: urgeInput } }, async (req) => urgeUnit(ctx(req), req.params.id, req.body));
  app.post('/api/plans/:id/marks', { config: { access: 'plans.manage' }, schema: { tags, summary: '标记通报表扬/批评', response: answers({ 200: planEvent }), params: idParam, body: markInput } }, async (req) => markForCircular(ctx(req), req.params.id, req.body));
  app.get('/api/plans/:id/marks', { config: { access: 'plans.read' }, schema: { tags, summary: '通报表扬/批评标记列表', response: answers({ 200: z.object({ items: z.array(circularMark) }) }), params: idParam } }, async (req) => listCircularMarks(ctx(req), req.params.id));
  app.post(
    '/api/plans/:id/marks/:markId/withdraw',
    { config: { access: 'plans.manage' }, schema: { tags, summary: '撤销通报标记', response: answers({ 200: okBody }), params: z.object({ id: z.uuid('编号格式不正确'), markId: z.uuid('标记编号格式不正确') }), body: withdrawMarkInput } },
    async (req) => withdrawCircularMark(ctx(req), req.params.id, req.params.markId, req.body),
  );
  app.post('/api/plans/:id/carry-over', { config: { access: 'plans.manage' }, schema: { tags, summary: '回头看：未完成举措转入整改台账', response: answers({ 200: carryOverResult }), params: idParam, body: carryOverInput } }, async (req) => carryOver(ctx(req), req.params.id, req.body));
  app.get('/api/plans/:id/circulars', { config: { access: 'plans.read' }, schema: { tags, summary: '通报列表', response: answers({ 200: z.object({ items: z.array(circular) }) }), params: idParam } }, async (req) => ({ items: await listCirculars(ctx(req), req.params.id) }));
  app.post('/api/plans/:id/circulars', { config: { access: 'plans.manage' }, schema: { tags, summary: '按当前数据起草通报', response: answers({ 201: circular }), params: idParam } }, async (req, reply) => reply.status(201).send(await draftCircular(ctx(req), req.params.id)));
  app.put('/api/circulars/:id', { config: { access: 'plans.manage' }, schema: { tags, summary: '修改通报草稿', response: answers({ 200: circular }), params: idParam, body: circularInput } }, async (req) => updateCircular(ctx(req), req.params.id, req.body));
  app.post('/api/circulars/:id/issue', { config: { access: 'plans.manage' }, schema: { tags, summary: '印发通报', response: answers({ 200: circular }), params: idParam } }, async (req) => issueCircular(ctx(req), req.params.id));
  app.get('/api/circulars/:id/docx', { config: { access: 'plans.read' }, schema: { tags, summary: '下载通报（Word）', ...fileAnswer(DOCX), params: idParam } }, async (req, reply) => {
    const f = await circularDocx(ctx(req), req.params.id);
    return reply.type(DOCX).headers(download(f.filename)).send(f.data);
  });

  app.get('/api/measures/:id', { config: { access: 'plans.read' }, schema: { tags, summary: '举措详情与各单位进展时间线', response: answers({ 200: measureDetail }), params: idParam } }, async (req) => getMeasureDetail(ctx(req), req.params.id));
  app.post('/api/measures/:id/close', { config: { access: 'plans.manage' }, schema: { tags, summary: '销号', response: answers({ 200: okBody }), params: idParam } }, async (req) => {
    await closeMeasure(ctx(req), req.params.id);
    return { ok: true };
  });
  app.post('/api/measures/:id/reopen', { config: { access: 'plans.manage' }, schema: { tags, summary: '重新打开已销号举措', response: answers({ 200: okBody }), params: idParam, body: reopenInput } }, async (req) => {
    await reopenMeasure(ctx(req), req.params.id, req.body);
    return { ok: true };
  });
  app.post('/api/measures/:id/summaries', { config: { access: 'plans.check' }, schema: { tags, summary: '牵头单位提交检查结果', response: answers({ 201: summaryRow }), params: idParam, body: summaryInput } }, async (req, reply) =>
    reply.status(201).send(await fileCheckSummary(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/assignments/:id/reports', { config: { access: 'plans.report' }, schema: { tags, summary: '报送进展', response: answers({ 201: reportRow }), params: idParam, body: reportInput } }, async (req, reply) =>
    reply.status(201).send(await reportProgress(ctx(req), req.params.id, req.body)),
  );
  app.post('/api/assignments/:id/checks', { config: { access: 'plans.check' }, schema: { tags, summary: '牵头单位核查：通过或退回', response: answers({ 201: checkRow }), params: idParam, body: checkInput } }, async (req, reply) =>
    reply.status(201).send(await checkAssignment(ctx(req), req.params.id, req.body)),
  );
};
