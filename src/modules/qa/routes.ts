import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { idParam } from '../../http/routes/params.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { okBody } from '../../platform/output-schemas.ts';
import { challengeBodyFields, proofOf } from '../../platform/public-intake/form-challenge.ts';
import { intakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { hitRateLimit } from '../../platform/public-intake/rate-limit.ts';
import { acceptConsultation } from './accept-consultation.ts';
import { askInput, askQuestion, feedbackInput, giveFeedback, takeInput, takeSuggestion } from './ask-question.ts';
import { dispatchConsultation, dispatchInput } from './dispatch-consultation.ts';
import { entryInput } from './entry-input.ts';
import { exportEntries, exportQuery } from './export-entries.ts';
import { exportStats } from './export-stats.ts';
import { getEntry } from './get-entry.ts';
import { importEntries } from './import-entries.ts';
import { ledgerQuery, listLedger } from './list-ledger.ts';
import { listEntries, listEntriesQuery } from './list-entries.ts';
import { codeInput, lookupConsultation } from './lookup-consultation.ts';
import { matchInput, searchForStaff } from './match-question.ts';
import { askRule } from './ask-limit.ts';
import { qaStats, statsQuery } from './qa-stats.ts';
import { recordConsultation, recordInput } from './record-consultation.ts';
import { registerInput, registerQuestion } from './register-question.ts';
import { deliverReply } from './reply-sender.ts';
import { replyConsultation, replyInput } from './reply-consultation.ts';
import { returnConsultation, returnInput } from './return-consultation.ts';
import { proposalInput, reviewProposal } from './review-proposal.ts';
import { listSynonyms, saveSynonyms, synonymsInput } from './save-synonyms.ts';
import { saveEntry } from './save-entry.ts';
import { setEntryStatus, statusInput } from './set-entry-status.ts';
import './policy-review.ts';
import { registerWorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { qaWorkbenchSources } from './workbench-sources.ts';
import { setLibraryHome } from './library-index.ts';
import {
  askResult,
  consultation,
  importReport,
  ledgerItem,
  proposalResult,
  publicLookup,
  qaEntry,
  qaEntryDetail,
  qaEntryListItem,
  qaStatsBody,
  registerResult,
  staffSearch,
} from './schemas.ts';

const download = (filename: string) => ({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const qaRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['qa'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  for (const source of qaWorkbenchSources) registerWorkbenchSource(source);
  setLibraryHome(db, deps.config);
  const settings = intakeSettings(deps.config);
  const asked = (ip: string) => hitRateLimit(db, askRule(deps.config), ip);

  // ---- the library ----
  app.get('/api/qa/entries', { config: { access: 'qa.read' }, schema: { tags, summary: '问答库条目列表', querystring: listEntriesQuery, response: answers({ 200: z.object({ items: z.array(qaEntryListItem), total: z.number().int() }) }) } }, async (req) => listEntries(ctx(req), req.query));
  app.post('/api/qa/entries', { config: { access: 'qa.edit' }, schema: { tags, summary: '新建问答条目（草稿）', body: entryInput, response: answers({ 201: qaEntry }) } }, async (req, reply) => reply.status(201).send(await saveEntry(ctx(req), null, req.body)));
  app.get('/api/qa/entries/:id', { config: { access: 'qa.read' }, schema: { tags, summary: '问答条目详情（相似问法、政策、历次版本）', params: idParam, response: answers({ 200: qaEntryDetail }) } }, async (req) => getEntry(ctx(req), req.params.id));
  app.put('/api/qa/entries/:id', { config: { access: 'qa.edit' }, schema: { tags, summary: '修改问答条目（保存为新版本）', params: idParam, body: entryInput, response: answers({ 200: qaEntry }) } }, async (req) => saveEntry(ctx(req), req.params.id, req.body));
  app.post('/api/qa/entries/:id/status', { config: { access: 'qa.edit' }, schema: { tags, summary: '发布（含复核后重新发布）、停用、恢复为草稿', params: idParam, body: statusInput, response: answers({ 200: qaEntry }) } }, async (req) => setEntryStatus(ctx(req), req.params.id, req.body));
  app.post(
    '/api/qa/import',
    { config: { access: 'qa.edit' }, schema: { tags, summary: '导入问答库（multipart：file 为 .xlsx 或 TSV；replace=true 先停用全部原有条目）', consumes: ['multipart/form-data'], response: answers({ 200: importReport }) } },
    async (req) => {
      if (!req.isMultipart()) throw invalid('multipart_required', '请以 multipart/form-data 上传文件');
      let data: Buffer | null = null;
      const fields: Record<string, string> = {};
      for await (const part of req.parts({ limits: { fileSize: deps.config.UPLOAD_MAX_MB * 1024 * 1024 } })) {
        if (part.type === 'file')
          data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', 'too_large', `文件超过 ${deps.config.UPLOAD_MAX_MB} MB 的上限`);
            throw err;
          });
        else fields[part.fieldname] = String(part.value);
      }
      if (!data || data.length === 0) throw invalid('file_required', '没有收到文件');
      return importEntries(ctx(req), data, { replace: fields.replace === 'true' });
    },
  );
  app.get('/api/qa/export', { config: { access: 'qa.read' }, schema: { tags, summary: '导出问答库（.xlsx 或 TSV，每条一行，相似问法在同一单元格内分行）', querystring: exportQuery, ...fileAnswer(XLSX) } }, async (req, reply) => {
    const f = await exportEntries(ctx(req), req.query);
    return reply.type(f.mime).headers(download(f.filename)).send(f.data);
  });
  app.get('/api/qa/synonyms', { config: { access: 'qa.read' }, schema: { tags, summary: '同义词表', response: answers({ 200: z.object({ groups: z.array(z.array(z.string())) }) }) } }, async (req) => ({ groups: await listSynonyms(ctx(req)) }));
  app.put('/api/qa/synonyms', { config: { access: 'qa.manage' }, schema: { tags, summary: '保存同义词表（整表替换；每组第一个词为标准词）', body: synonymsInput, response: answers({ 200: z.object({ groups: z.array(z.array(z.string())) }) }) } }, async (req) => ({ groups: await saveSynonyms(ctx(req), req.body) }));

  // ---- staff: phone line and window ----
  app.post('/api/qa/search', { config: { access: 'qa.consult' }, schema: { tags, summary: '坐席检索：输入问题，返回排序后的条目', body: matchInput, response: answers({ 200: staffSearch }) } }, async (req) => searchForStaff(ctx(req), req.body));
  app.post('/api/qa/consultations', { config: { access: 'qa.consult' }, schema: { tags, summary: '登记一次咨询（电话、窗口、信箱）；未当场解答的生成查询码并计算答复期限', body: recordInput, response: answers({ 201: consultation }) } }, async (req, reply) => reply.status(201).send(await recordConsultation(ctx(req), req.body)));

  // ---- the ledger ----
  app.get('/api/qa/ledger', { config: { access: 'qa.read' }, schema: { tags, summary: '咨询登记台账（到期、逾期、待交办、待入库筛选）', querystring: ledgerQuery, response: answers({ 200: z.object({ items: z.array(ledgerItem), total: z.number().int(), today: z.string() }) }) } }, async (req) => listLedger(ctx(req), req.query));
  app.post('/api/qa/consultations/:id/dispatch', { config: { access: 'qa.manage' }, schema: { tags, summary: '交办或改派（改派须说明理由）', params: idParam, body: dispatchInput, response: answers({ 200: consultation }) } }, async (req) => dispatchConsultation(ctx(req), req.params.id, req.body));
  app.post('/api/qa/consultations/:id/accept', { config: { access: 'qa.reply' }, schema: { tags, summary: '签收', params: idParam, response: answers({ 200: consultation }) } }, async (req) => acceptConsultation(ctx(req), req.params.id));
  app.post('/api/qa/consultations/:id/return', { config: { access: 'qa.reply' }, schema: { tags, summary: '退回主管部门重新交办（须说明理由）', params: idParam, body: returnInput, response: answers({ 200: consultation }) } }, async (req) => returnConsultation(ctx(req), req.params.id, req.body));
  app.post('/api/qa/consultations/:id/reply', { config: { access: 'qa.reply' }, schema: { tags, summary: '答复（网站凭查询码可查；配置了 SMTP 时发邮件，手机号发短信通知）', params: idParam, body: replyInput, response: answers({ 200: consultation }) } }, async (req) => {
    const row = await replyConsultation(ctx(req), req.params.id, req.body);
    if (row.queryCode)
      void deliverReply(deps.config, { email: row.askerEmail, phone: row.askerContact }, { queryCode: row.queryCode, question: row.question, replyText: row.replyText ?? '', dueOn: row.dueOn }, (line) => req.log.info(line)).catch((err) => req.log.error(err));
    return row;
  });
  app.post('/api/qa/consultations/:id/proposal', { config: { access: 'qa.edit' }, schema: { tags, summary: '审核入库建议：作为新条目或相似问法纳入问答库，或不纳入', params: idParam, body: proposalInput, response: answers({ 200: proposalResult }) } }, async (req) => reviewProposal(ctx(req), req.params.id, req.body));

  // ---- statistics ----
  app.get('/api/qa/stats', { config: { access: 'qa.read' }, schema: { tags, summary: '咨询统计（按渠道、单位；当场解答、按时答复、逾期、评价、未解答高频问题）', querystring: statsQuery, response: answers({ 200: qaStatsBody }) } }, async (req) => qaStats(ctx(req), req.query));
  app.get('/api/qa/stats.xlsx', { config: { access: 'qa.read' }, schema: { tags, summary: '导出月度咨询统计（.xlsx）', querystring: statsQuery, ...fileAnswer(XLSX) } }, async (req, reply) => {
    const f = await exportStats(ctx(req), req.query);
    return reply.type(XLSX).headers(download(f.filename)).send(f.data);
  });

  // ---- public (一网答 as JSON; the portal page uses the same operations) ----
  app.post('/api/public/qa/ask', { config: { access: 'public' }, schema: { tags, summary: '一网答：提问（同一地址每分钟次数有限，QA_ASK_LIMIT）', body: askInput, response: answers({ 200: askResult }) } }, async (req) => {
    await asked(req.ip);
    return askQuestion(ctx(req), req.body);
  });
  app.post('/api/public/qa/take', { config: { access: 'public' }, schema: { tags, summary: '一网答：选用“您是否想问”中的一条', body: takeInput, response: answers({ 200: z.object({ consultationId: z.string(), entryId: z.string(), question: z.string(), answerHtml: z.string() }) }) } }, async (req) => {
    await asked(req.ip);
    return takeSuggestion(ctx(req), req.body);
  });
  app.post('/api/public/qa/register', { config: { access: 'public' }, schema: { tags, summary: '一网答：登记未解答的问题（需人机验证：altcha 或 challengeToken + challengeAnswer，见 /api/public/challenge；submissionToken 或 Idempotency-Key 使重复提交只登记一次），返回查询码和答复期限', body: registerInput.extend(challengeBodyFields), response: answers({ 201: registerResult }) } }, async (req, reply) => {
    const idempotencyKey = req.headers['idempotency-key'];
    const r = await registerQuestion(ctx(req), settings, req.body, { proof: proofOf(req.body), token: req.body.submissionToken, idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null });
    return reply.status(201).send(r);
  });
  app.post('/api/public/qa/feedback', { config: { access: 'public' }, schema: { tags, summary: '一网答：有用 / 没用', body: feedbackInput, response: answers({ 200: okBody }) } }, async (req) => {
    await asked(req.ip);
    return giveFeedback(ctx(req), req.body);
  });
  app.get('/api/public/qa/lookup', { config: { access: 'public' }, schema: { tags, summary: '凭查询码查看办理状态和答复（查询次数和错码次数按地址限制）', querystring: codeInput, response: answers({ 200: publicLookup }) } }, async (req) => lookupConsultation(ctx(req), settings, req.query));
};
