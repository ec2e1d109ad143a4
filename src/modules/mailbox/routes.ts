import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { idParam } from '../../http/routes/params.ts';
import { intakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { callbackInput, callInput, completeCallback, listCalls, listCallsQuery, listPhones, logCall, phoneInput, recordSpotCheck, savePhone, spotCheckInput, spotCheckSummary } from './call-ledger.ts';
import { exportCallLedger, exportMessageLedger, statsDocx } from './export-mailbox.ts';
import { getMessage, listMessages, listMessagesQuery } from './list-messages.ts';
import { registerMailboxWiring } from './mailbox-wiring.ts';
import { monthlyStats } from './message-stats.ts';
import { getMessageStatus, rateMessage, ratingInput } from './public-message.ts';
import { listPublishedMessages, previewInput, previewPublication, publishInput, publishMessage } from './publish-message.ts';
import { readSubmission } from '../../platform/public-intake/read-submission.ts';
import { entryReplyInput, replyInput, replyMessage, replyWithEntry } from './reply-message.ts';
import { callMatchInput, matchCallQuestion, matchMessage } from './library-match.ts';
import { mailboxWorkbenchSources } from './workbench-sources.ts';
import { registerWorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { reviewInput, reviewMessage } from './review-message.ts';
import { callRow, libraryMatchSchema, publicationPreview, messageDetail, messageRow, messageSummary, monthlyStatsSchema, phoneRow, publicStatus, publishedItem, spotCheckRow, spotSummaryRow, submitResult } from './schemas.ts';
import { submitMessage } from './submit-message.ts';
import { triageInput, triageMessage } from './triage-message.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const download = (filename: string) => ({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` });
const codeParam = z.object({ code: z.string().max(64, '查询码格式不正确') });
const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') });
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export const mailboxRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  registerMailboxWiring();
  const soonDays = deps.config.LEDGER_REMIND_DAYS;
  for (const source of mailboxWorkbenchSources(soonDays)) registerWorkbenchSource(source);
  const { db } = deps.database;
  const settings = intakeSettings(deps.config);
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const tags = ['mailbox'];
  const pub = ['public'];
  // Forms posted without JavaScript and without files arrive urlencoded (this plugin only).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));

  app.post('/api/public/messages', { config: { access: 'public' }, schema: { tags: pub, summary: '公众写信（JSON、表单或 multipart 带附件）：{type,title,body,name,phone?,email?,unit?,consent?} → {code,dueDate}', response: answers({ 200: submitResult }) } }, async (req) => {
    const { fields, uploads } = await readSubmission(req, deps.config.UPLOAD_MAX_MB * 1048576);
    const r = await submitMessage(ctx(req), { config: deps.config, settings, store: deps.store }, fields, {
      proof: { altcha: str(fields.altcha), challengeToken: str(fields.challengeToken), challengeAnswer: str(fields.challengeAnswer) },
      token: str(fields.submissionToken),
      idempotencyKey: str(req.headers['idempotency-key']),
      uploads,
    });
    return { code: r.code, dueDate: r.dueDate };
  });

  app.get('/api/public/messages/published', { config: { access: 'public' }, schema: { tags: pub, summary: '网民留言选登（留言摘要、受理日期、答复日期、答复部门、答复内容）', querystring: z.object({ page: z.coerce.number().int().min(1).max(10000).default(1), pageSize: z.coerce.number().int().min(1).max(50).default(20) }), response: answers({ 200: z.object({ total: z.number(), items: z.array(publishedItem) }) }) } }, async (req) => listPublishedMessages(ctx(req), req.query));

  app.get('/api/public/messages/stats', { config: { access: 'public' }, schema: { tags: pub, summary: '信箱月度统计', querystring: monthQuery, response: answers({ 200: monthlyStatsSchema }) } }, async (req) => monthlyStats(ctx(req), req.query.month));

  app.get('/api/public/messages/:code', { config: { access: 'public' }, schema: { tags: pub, summary: '凭查询码查看办理状态和答复', params: codeParam, response: answers({ 200: publicStatus }) } }, async (req) => getMessageStatus(ctx(req), settings, req.params.code));

  app.post('/api/public/messages/:code/rating', { config: { access: 'public' }, schema: { tags: pub, summary: '评价答复（满意 / 基本满意 / 不满意）', params: codeParam, body: ratingInput, response: answers({ 200: publicStatus }) } }, async (req) => rateMessage(ctx(req), settings, req.params.code, req.body));

  app.get('/api/mailbox/messages', { config: { access: 'mailbox.read' }, schema: { tags, summary: '留言办理列表', querystring: listMessagesQuery, response: answers({ 200: z.object({ total: z.number(), items: z.array(messageSummary) }) }) } }, async (req) => listMessages(ctx(req), req.query, { soonDays }));
  app.get('/api/mailbox/messages/:id', { config: { access: 'mailbox.read' }, schema: { tags, summary: '留言详情与办理过程', params: idParam, response: answers({ 200: messageDetail }) } }, async (req) => getMessage(ctx(req), req.params.id));
  app.post('/api/mailbox/messages/:id/review', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '审看：受理或不予受理', params: idParam, body: reviewInput, response: answers({ 200: messageRow }) } }, async (req) => reviewMessage(ctx(req), req.params.id, req.body));
  app.post('/api/mailbox/messages/:id/triage', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '即办 / 转办 / 呈办 / 领导批示', params: idParam, body: triageInput, response: answers({ 200: messageRow }) } }, async (req) => triageMessage(ctx(req), req.params.id, req.body));
  app.post('/api/mailbox/messages/:id/reply', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '答复（经个人信息检查）', params: idParam, body: replyInput, response: answers({ 200: messageRow }) } }, async (req) => replyMessage(ctx(req), req.params.id, req.body));
  app.get('/api/mailbox/messages/:id/library', { config: { access: 'mailbox.read' }, schema: { tags, summary: '咨询与问答库匹配：候选条目及其得分', params: idParam, response: answers({ 200: libraryMatchSchema }) } }, async (req) => matchMessage(ctx(req), req.params.id));
  app.post('/api/mailbox/messages/:id/reply-entry', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '以问答库条目一步答复', params: idParam, body: entryReplyInput, response: answers({ 200: messageRow }) } }, async (req) => replyWithEntry(ctx(req), req.params.id, req.body));
  app.post('/api/mailbox/library-match', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '来电问题与问答库匹配', body: callMatchInput, response: answers({ 200: libraryMatchSchema }) } }, async (req) => matchCallQuestion(ctx(req), req.body));
  app.post('/api/mailbox/messages/:id/publish-preview', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '选登预览：公开的五项内容（已遮蔽个人信息）', params: idParam, body: previewInput, response: answers({ 200: publicationPreview }) } }, async (req) => previewPublication(ctx(req), req.params.id, req.body));
  app.post('/api/mailbox/messages/:id/publish', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '选登公开（或撤下）', params: idParam, body: publishInput, response: answers({ 200: messageRow }) } }, async (req) => publishMessage(ctx(req), req.params.id, req.body));
  app.get('/api/mailbox/stats', { config: { access: 'mailbox.read' }, schema: { tags, summary: '月度统计', querystring: monthQuery, response: answers({ 200: monthlyStatsSchema }) } }, async (req) => monthlyStats(ctx(req), req.query.month));
  app.get('/api/mailbox/export/messages.xlsx', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '留言台账（Excel）', ...fileAnswer(XLSX) } }, async (req, reply) => reply.type(XLSX).headers(download('留言办理台账.xlsx')).send(await exportMessageLedger(ctx(req))));
  app.get('/api/mailbox/export/calls.xlsx', { config: { access: 'mailbox.read' }, schema: { tags, summary: '来电登记台账（Excel）', ...fileAnswer(XLSX) } }, async (req, reply) => reply.type(XLSX).headers(download('来电登记台账.xlsx')).send(await exportCallLedger(ctx(req))));
  app.get('/api/mailbox/export/stats.docx', { config: { access: 'mailbox.read' }, schema: { tags, summary: '月度统计（Word）', querystring: monthQuery, ...fileAnswer(DOCX) } }, async (req, reply) => reply.type(DOCX).headers(download(`公开信箱${req.query.month}月度统计.docx`)).send(await statsDocx(ctx(req), req.query.month, deps.config.DISTRICT_NAME)));

  app.get('/api/mailbox/calls', { config: { access: 'mailbox.read' }, schema: { tags, summary: '来电登记台账', querystring: listCallsQuery, response: answers({ 200: z.object({ total: z.number(), items: z.array(callRow) }) }) } }, async (req) => listCalls(ctx(req), req.query, { soonDays }));
  app.post('/api/mailbox/calls', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '登记来电', body: callInput, response: answers({ 200: callRow }) } }, async (req) => logCall(ctx(req), deps.config, req.body));
  app.post('/api/mailbox/calls/:id/callback', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '登记回复来电', params: idParam, body: callbackInput, response: answers({ 200: callRow }) } }, async (req) => completeCallback(ctx(req), req.params.id, req.body));
  app.get('/api/mailbox/phones', { config: { access: 'mailbox.read' }, schema: { tags, summary: '各单位对外联系电话', response: answers({ 200: z.object({ items: z.array(phoneRow) }) }) } }, async (req) => ({ items: await listPhones(ctx(req)) }));
  app.post('/api/mailbox/phones', { config: { access: 'mailbox.reply' }, schema: { tags, summary: '登记对外联系电话', body: phoneInput, response: answers({ 200: phoneRow }) } }, async (req) => savePhone(ctx(req), req.body));
  app.get('/api/mailbox/spot-checks', { config: { access: 'mailbox.read' }, schema: { tags, summary: '电话抽查结果（按单位）', querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }), response: answers({ 200: z.object({ items: z.array(spotSummaryRow) }) }) } }, async (req) => ({ items: await spotCheckSummary(ctx(req), req.query) }));
  app.post('/api/mailbox/spot-checks', { config: { access: 'mailbox.manage' }, schema: { tags, summary: '登记电话抽查', body: spotCheckInput, response: answers({ 200: spotCheckRow }) } }, async (req) => recordSpotCheck(ctx(req), req.body));
};
