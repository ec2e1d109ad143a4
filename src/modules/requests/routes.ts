import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { idParam } from '../../http/routes/params.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { computeDue, parseClockEvents } from './clock/compute-due.ts';
import { confirmReceipt, confirmReceiptInput } from './confirm-receipt.ts';
import { endConsultation, endConsultationInput, startConsultation, startConsultationInput } from './consult-party.ts';
import { createRequest, createRequestInput } from './create-request.ts';
import { decideInput, decideRequest } from './decide-request.ts';
import { deliverInput, deliverRequest } from './deliver-request.ts';
import { extendInput, extendRequest } from './extend-request.ts';
import { feeNoticeInput, feePaidInput, recordFeePayment, sendFeeNotice } from './fee-notice.ts';
import { feeByItems, feeByPages } from './fees/compute-fee.ts';
import { getRequest } from './get-request.ts';
import { generateLetter, LETTER_KINDS } from './letters/generate-letter.ts';
import { listInput, listRequests } from './list-requests.ts';
import type { CaseRow } from './load-case.ts';
import { receiveCorrection, receiveCorrectionInput } from './receive-correction.ts';
import { reopenInput, reopenRequest } from './reopen-request.ts';
import { createdCase, dueAnswer, feeAnswer, identity, requestDetail, requestList, stepResult } from './schemas.ts';
import { sendCorrection, sendCorrectionInput } from './send-correction.ts';
import { requestSettings } from './settings.ts';
import { requestPublicRoutes } from './public/routes.ts';
import { requestRoutingRoutes } from './routing/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { stepAnswer } from './step-answer.ts';
import { readCaseFile, viewApplicantId } from './view-applicant-id.ts';
import { requestOptions, requestOptionsAnswer } from './request-options.ts';
import { requestWorkbenchSources } from './workbench-sources.ts';
import { registerWorkbenchSource } from '../../platform/workbench/workbench-source.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const requestRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['requests'];
  const settings = requestSettings(deps.config);
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  for (const source of requestWorkbenchSources(settings.remindDays)) registerWorkbenchSource(source);
  await app.register(requestPublicRoutes(deps));
  await app.register(requestRoutingRoutes(deps));
  await app.register(reviewRoutes(deps));

  app.get('/api/requests', { config: { access: 'requests.read' }, schema: { tags, summary: '依申请公开：申请列表（筛选：view=awaiting_receipt|running|due_soon|overdue|closed_late|waiting，状态，单位，申请人类型，办理结果，年度，到期日，文字）', querystring: listInput, response: answers({ 200: requestList }) } }, async (req) =>
    listRequests(ctx(req), settings, req.query),
  );
  app.get('/api/requests/options', { config: { access: 'requests.read' }, schema: { tags, summary: '办理结果（年报第三部分各行及法律依据）、状态、提交方式、文书等固定列表', response: answers({ 200: requestOptionsAnswer }) } }, async () => requestOptions());
  app.post('/api/requests', { config: { access: 'requests.handle' }, schema: { tags, summary: '登记申请（信函、传真、当面、电子邮件）', body: createRequestInput, response: answers({ 201: createdCase }) } }, async (req, reply) =>
    reply.status(201).send(await createRequest(ctx(req), settings, req.body)),
  );
  app.get('/api/requests/:id', { config: { access: 'requests.read' }, schema: { tags, summary: '申请详情：事项、办理过程、附件、疑似重复申请', params: idParam, response: answers({ 200: requestDetail }) } }, async (req) =>
    getRequest(ctx(req), req.params.id) as Promise<z.infer<typeof requestDetail>>,
  );
  app.post('/api/requests/:id/identity', { config: { access: 'requests.identity' }, schema: { tags, summary: '查看申请人证件号码（记入审计）', params: idParam, response: answers({ 200: identity }) } }, async (req) =>
    viewApplicantId(ctx(req), req.params.id),
  );
  app.get(
    '/api/requests/:id/files/:fileId',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: '下载申请的附件（身份证明仅承办单位和公开办；每次查看记入审计）',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        produces: ['application/octet-stream'],
        response: { 200: z.custom<NodeJS.ReadableStream>().meta({ type: 'string', format: 'binary', description: '文件内容' }) },
      },
    },
    async (req, reply) => {
      const f = await readCaseFile(ctx(req), deps.store, req.params.id, req.params.fileId);
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('x-content-type-options', 'nosniff').send(f.stream);
    },
  );

  const step = <S extends z.ZodType>(path: string, access: 'requests.handle' | 'requests.extend' | 'requests.reopen', summary: string, body: S, run: (c: ReturnType<typeof ctx>, id: string, input: z.infer<S>) => Promise<{ case: CaseRow; result: unknown }>) =>
    app.post(`/api/requests/:id/${path}`, { config: { access }, schema: { tags, summary, params: idParam, body, response: answers({ 200: stepResult }) } }, async (req) => stepAnswer(await run(ctx(req), req.params.id, req.body as z.infer<S>)));

  step('receipt', 'requests.handle', '确认收到（按第三十一条确定收到日期）', confirmReceiptInput, (c, id, b) => confirmReceipt(c, settings, id, b));
  step('correction', 'requests.handle', '发出补正通知（一次性告知）', sendCorrectionInput, (c, id, b) => sendCorrection(c, settings, id, b));
  step('correction-received', 'requests.handle', '收到补正材料（重新计算答复期限）', receiveCorrectionInput, (c, id, b) => receiveCorrection(c, settings, id, b));
  step('consultations', 'requests.handle', '征求第三方或其他机关意见（暂停计时）', startConsultationInput, (c, id, b) => startConsultation(c, settings, id, b));
  step('consultation-answer', 'requests.handle', '收到征求意见答复（或逾期未答复）', endConsultationInput, (c, id, b) => endConsultation(c, settings, id, b));
  step('extension', 'requests.extend', '延期答复（一次，不超过 20 个工作日，公开办负责人同意）', extendInput, (c, id, b) => extendRequest(c, settings, id, b));
  step('fee-notice', 'requests.handle', '发出收费通知（按件或按量）', feeNoticeInput, (c, id, b) => sendFeeNotice(c, settings, id, b));
  step('fee-payment', 'requests.handle', '登记缴费', feePaidInput, (c, id, b) => recordFeePayment(c, settings, id, b));
  step('decision', 'requests.handle', '逐项作出处理决定', decideInput, (c, id, b) => decideRequest(c, settings, id, b));
  step('delivery', 'requests.handle', '送达并办结', deliverInput, (c, id, b) => deliverRequest(c, settings, id, b));
  step('reopen', 'requests.reopen', '重新办理（公开办，须写明原因）', reopenInput, (c, id, b) => reopenRequest(c, settings, id, b));

  app.post(
    '/api/requests/:id/letters/:kind',
    {
      config: { access: 'requests.handle' },
      schema: { tags, summary: '生成文书（.docx：答复书、补正通知书、延期答复告知书、征求意见函、收费通知书、告知书），取本机关下一个文号', params: z.object({ id: z.uuid(), kind: z.enum(LETTER_KINDS) }), ...fileAnswer(DOCX) },
    },
    async (req, reply) => {
      const letter = await generateLetter(ctx(req), req.params.id, req.params.kind, { dataDir: deps.config.dataDir, site: deps.config });
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letter.filename)}`).header('x-document-number', encodeURIComponent(letter.docNumber)).send(letter.data);
    },
  );
  app.post(
    '/api/requests/due',
    { config: { access: 'requests.read' }, schema: { tags, summary: '按办理过程计算答复期限（与 gongkai request due 同一实现）', body: z.object({ events: z.array(z.unknown()).max(200) }), response: answers({ 200: dueAnswer }) } },
    async (req) => {
      assertCan(ctx(req).actor, 'requests.read');
      const r = computeDue(parseClockEvents(req.body.events), await loadCalendar(db), settings);
      return { due: r.due, countFrom: r.countFrom, pausedDays: r.pausedDays, extendedDays: r.extendedDays, awaitingCorrection: r.awaitingCorrection, correctionWindowEnds: r.correctionWindowEnds };
    },
  );
  app.get(
    '/api/requests/fee',
    { config: { access: 'requests.read' }, schema: { tags, summary: '信息处理费计算（按件：同一申请人一个自然月的件数；按量：一件的页数）', querystring: z.object({ items: z.coerce.number().int().optional(), pages: z.coerce.number().int().optional() }), response: answers({ 200: feeAnswer }) } },
    async (req) => {
      const { items, pages } = req.query;
      if ((items === undefined) === (pages === undefined)) throw invalid('fee_basis', '请给出 items（按件）或 pages（按量）中的一个');
      const f = items !== undefined ? feeByItems(items) : feeByPages(pages as number);
      return { yuan: f.yuan, bands: f.bands };
    },
  );
};
