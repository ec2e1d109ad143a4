import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../http/app-deps.ts';
import { contextOf } from '../../../http/auth-hooks.ts';
import { answers } from '../../../http/responses.ts';
import { idParam } from '../../../http/routes/params.ts';
import { answerPublished, answerPublishedInput } from '../answer-published.ts';
import { routeComplaint, routeComplaintInput } from '../route-complaint.ts';
import { stepResult } from '../schemas.ts';
import { requestSettings } from '../settings.ts';
import { stepAnswer } from '../step-answer.ts';
import { transferInput, transferRequest } from '../transfer-request.ts';
import { registerTransferWiring } from '../transfer-wiring.ts';

/**
 * Where a request goes when it is not (only) this agency's to answer: 转送 to the competent agency or
 * unit (the ledger's 签收 / 退回 do the rest), 已主动公开 answered with where to find it, and a
 * complaint sent as a request (第三十九条) routed into the mailbox.
 */
export const requestRoutingRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const settings = requestSettings(deps.config);
  registerTransferWiring(settings);
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const tags = ['requests'];
  const step = { config: { access: 'requests.handle' as const }, params: idParam, response: answers({ 200: stepResult }) };

  app.post('/api/requests/:id/transfer', { config: step.config, schema: { tags, summary: '转送有权机关或单位（经转办台账签收或退回）', params: step.params, body: transferInput, response: step.response } }, async (req) =>
    stepAnswer(await transferRequest(ctx(req), settings, req.params.id, req.body)),
  );
  app.post('/api/requests/:id/published', { config: step.config, schema: { tags, summary: '所申请信息已主动公开：告知获取方式和途径（第三十六条第（一）项）', params: step.params, body: answerPublishedInput, response: step.response } }, async (req) =>
    stepAnswer(await answerPublished(ctx(req), settings, req.params.id, req.body)),
  );
  app.post('/api/requests/:id/complaint', { config: step.config, schema: { tags, summary: '以申请形式提出的投诉举报：转入公开信箱按投诉办理并办结（第三十九条）', params: step.params, body: routeComplaintInput, response: step.response } }, async (req) =>
    stepAnswer(await routeComplaint(ctx(req), settings, deps.config, req.params.id, req.body)),
  );
};
