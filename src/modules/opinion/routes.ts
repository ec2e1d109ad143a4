import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { answers, fileAnswer } from '../../http/responses.ts';
import { idParam } from '../../http/routes/params.ts';
import { okBody } from '../../platform/output-schemas.ts';
import { addEventStep, stepInput } from './add-event-step.ts';
import { commitmentInput, commitmentQuery, createCommitment, fulfilCommitment, fulfilInput, listCommitments } from './commitments.ts';
import { deleteDomain, domainInput, listDomains, saveDomain } from './domains.ts';
import { exportCommitmentLedger, exportEventLedger, quarterQuery, quarterlySummary } from './exports.ts';
import { getEvent } from './get-event.ts';
import { eventQuery, listEvents } from './list-events.ts';
import { measurePressProgress } from './measure-press-progress.ts';
import { opinionStats, statsQuery } from './opinion-stats.ts';
import { listPressEvents, pressInput, pressQuery, savePressEvent } from './press-events.ts';
import { eventInput, registerEvent } from './register-event.ts';
import { commitment, commitmentItem, domain, domainRow, eventBase, eventDetail, eventList, pressEvent, pressEventItem, pressProgress, settings, stats, step, supervision, supervisionItem } from './schemas.ts';
import { loadOpinionSettings, settingsInput, updateOpinionSettings } from './settings.ts';
import { listSupervisions, recordSupervision, supervisionInput, supervisionQuery, withdrawSupervision, withdrawSupervisionInput } from './supervisions.ts';
import { assertCan } from '../../platform/policy.ts';

const download = (filename: string) => ({ 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 舆情回应, 承诺台账, 新闻发布: thin routes, one operation each. */
export const opinionRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['opinion'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);

  app.get('/api/opinion/settings', { config: { access: 'opinion.read' }, schema: { tags, summary: '舆情回应设置（协调单位、时限）', response: answers({ 200: settings }) } }, async (req) => {
    assertCan(ctx(req).actor, 'opinion.read');
    return loadOpinionSettings(db);
  });
  app.put('/api/opinion/settings', { config: { access: 'opinion.manage' }, schema: { tags, summary: '修改舆情回应设置', body: settingsInput, response: answers({ 200: settings }) } }, async (req) => updateOpinionSettings(ctx(req), req.body));

  app.get('/api/opinion/domains', { config: { access: 'opinion.read' }, schema: { tags, summary: '舆情领域与负责单位对照表', response: answers({ 200: z.object({ items: z.array(domain) }) }) } }, async (req) => listDomains(ctx(req)));
  app.post('/api/opinion/domains', { config: { access: 'opinion.manage' }, schema: { tags, summary: '新增领域', body: domainInput, response: answers({ 200: domainRow }) } }, async (req) => saveDomain(ctx(req), null, req.body));
  app.put('/api/opinion/domains/:id', { config: { access: 'opinion.manage' }, schema: { tags, summary: '修改领域', params: idParam, body: domainInput, response: answers({ 200: domainRow }) } }, async (req) => saveDomain(ctx(req), req.params.id, req.body));
  app.delete('/api/opinion/domains/:id', { config: { access: 'opinion.manage' }, schema: { tags, summary: '删除领域', params: idParam, response: answers({ 200: okBody }) } }, async (req) => deleteDomain(ctx(req), req.params.id));

  app.get('/api/opinion/events', { config: { access: 'opinion.read' }, schema: { tags, summary: '舆情台账（筛选；overdue=true 为超时清单）', querystring: eventQuery, response: answers({ 200: eventList }) } }, async (req) => listEvents(ctx(req), req.query));
  app.get('/api/opinion/events/export', { config: { access: 'opinion.read' }, schema: { tags, summary: '导出舆情台账（Excel）', querystring: eventQuery, ...fileAnswer(XLSX) } }, async (req, reply) => {
    const f = await exportEventLedger(ctx(req), req.query);
    return reply.type(XLSX).headers(download(f.filename)).send(f.data);
  });
  app.post('/api/opinion/events', { config: { access: 'opinion.handle' }, schema: { tags, summary: '登记舆情', body: eventInput, response: answers({ 201: eventBase }) } }, async (req, reply) => reply.code(201).send(await registerEvent(ctx(req), req.body)));
  app.get('/api/opinion/events/:id', { config: { access: 'opinion.read' }, schema: { tags, summary: '舆情详情（处置链、时限、承诺）', params: idParam, response: answers({ 200: eventDetail }) } }, async (req) => getEvent(ctx(req), req.params.id));
  app.post('/api/opinion/events/:id/steps', { config: { access: 'opinion.handle' }, schema: { tags, summary: '记录会商 / 研判 / 回应 / 评估', params: idParam, body: stepInput, response: answers({ 201: step }) } }, async (req, reply) => reply.code(201).send(await addEventStep(ctx(req), req.params.id, req.body)));

  app.get('/api/opinion/stats', { config: { access: 'opinion.read' }, schema: { tags, summary: '舆情统计（领域、级别、月份、回应用时）', querystring: statsQuery, response: answers({ 200: stats }) } }, async (req) => opinionStats(ctx(req), req.query));
  app.get('/api/opinion/summary', { config: { access: 'opinion.read' }, schema: { tags, summary: '季度政务舆情回应工作情况（Word）', querystring: quarterQuery, ...fileAnswer(DOCX) } }, async (req, reply) => {
    const f = await quarterlySummary(ctx(req), req.query);
    return reply.type(DOCX).headers(download(f.filename)).send(f.data);
  });

  app.get('/api/opinion/supervisions', { config: { access: 'opinion.read' }, schema: { tags, summary: '通报批评和约谈记录', querystring: supervisionQuery, response: answers({ 200: z.object({ items: z.array(supervisionItem) }) }) } }, async (req) => listSupervisions(ctx(req), req.query));
  app.post('/api/opinion/supervisions', { config: { access: 'opinion.manage' }, schema: { tags, summary: '记录通报批评或约谈', body: supervisionInput, response: answers({ 201: supervision }) } }, async (req, reply) => reply.code(201).send(await recordSupervision(ctx(req), req.body)));
  app.post('/api/opinion/supervisions/:id/withdraw', { config: { access: 'opinion.manage' }, schema: { tags, summary: '撤回通报批评或约谈记录', params: idParam, body: withdrawSupervisionInput, response: answers({ 200: supervision }) } }, async (req) => withdrawSupervision(ctx(req), req.params.id, req.body));

  app.get('/api/opinion/commitments', { config: { access: 'opinion.read' }, schema: { tags, summary: '承诺台账', querystring: commitmentQuery, response: answers({ 200: z.object({ total: z.number().int(), items: z.array(commitmentItem) }) }) } }, async (req) => listCommitments(ctx(req), req.query));
  app.get('/api/opinion/commitments/export', { config: { access: 'opinion.read' }, schema: { tags, summary: '导出承诺台账（Excel）', querystring: commitmentQuery, ...fileAnswer(XLSX) } }, async (req, reply) => {
    const f = await exportCommitmentLedger(ctx(req), req.query);
    return reply.type(XLSX).headers(download(f.filename)).send(f.data);
  });
  app.post('/api/opinion/commitments', { config: { access: 'opinion.handle' }, schema: { tags, summary: '登记回应承诺', body: commitmentInput, response: answers({ 201: commitment }) } }, async (req, reply) => reply.code(201).send(await createCommitment(ctx(req), req.body)));
  app.post('/api/opinion/commitments/:id/fulfil', { config: { access: 'opinion.handle' }, schema: { tags, summary: '登记承诺履行和公开情况', params: idParam, body: fulfilInput, response: answers({ 200: commitment }) } }, async (req) => fulfilCommitment(ctx(req), req.params.id, req.body));

  app.get('/api/opinion/press-events', { config: { access: 'opinion.read' }, schema: { tags, summary: '新闻发布和政策解读活动', querystring: pressQuery, response: answers({ 200: z.object({ items: z.array(pressEventItem) }) }) } }, async (req) => listPressEvents(ctx(req), req.query));
  app.post('/api/opinion/press-events', { config: { access: 'opinion.press' }, schema: { tags, summary: '登记新闻发布活动', body: pressInput, response: answers({ 201: pressEvent }) } }, async (req, reply) => reply.code(201).send(await savePressEvent(ctx(req), null, req.body)));
  app.put('/api/opinion/press-events/:id', { config: { access: 'opinion.press' }, schema: { tags, summary: '修改新闻发布活动', params: idParam, body: pressInput, response: answers({ 200: pressEvent }) } }, async (req) => savePressEvent(ctx(req), req.params.id, req.body));

  app.get('/api/opinion/measures/:id/press-progress', { config: { access: 'plans.read' }, schema: { tags, summary: '举措的新闻发布解读数量目标完成情况', params: idParam, response: answers({ 200: pressProgress }) } }, async (req) => measurePressProgress(ctx(req), req.params.id));
};
