import { createElement } from 'react';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.ts';
import { contextOf } from '../http/auth-hooks.ts';
import { createFormChallenge } from '../platform/public-intake/form-challenge.ts';
import { intakeSettings } from '../platform/public-intake/intake-settings.ts';
import { fieldString, readSubmission } from '../platform/public-intake/read-submission.ts';
import { newSubmissionToken } from '../platform/public-intake/submit-once.ts';
import { listAgencies } from '../modules/requests/public/routes.ts';
import { getPublicRequestStatus } from '../modules/requests/public-status.ts';
import { MAX_ID_PROOFS, REQUEST_FIELD_LABELS, submitRequest } from '../modules/requests/submit-request.ts';
import { formProblem, refill } from './form-problem.ts';
import { RequestFormPage, RequestReceiptPage, RequestStatusPage } from './pages/request-pages.tsx';
import { renderPage } from './render.ts';
import { siteInfo } from './layout.tsx';

const HTML = 'text/html; charset=utf-8';

/** 依申请公开 on the portal: the application form (no JavaScript needed) and the status by query code. */
export function requestPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps.database;
  const site = siteInfo(deps.config);
  const settings = intakeSettings(deps.config);
  const html = (reply: FastifyReply, status: number, el: Parameters<typeof renderPage>[0]) =>
    reply.status(status).type(HTML).header('cache-control', 'no-store').send(renderPage(el));
  const form = async (values?: Record<string, string>, error?: string) =>
    createElement(RequestFormPage, {
      site,
      agencies: await listAgencies(db),
      challenge: settings.challenge === 'on' ? await createFormChallenge(db, settings) : null,
      submissionToken: values?.submissionToken ?? newSubmissionToken(),
      values,
      error,
    });

  app.get('/ysqgk', async (_req, reply) => html(reply, 200, await form()));

  app.post('/ysqgk', async (req, reply) => {
    let fields: Record<string, unknown> = {};
    try {
      const read = await readSubmission(req, deps.config.UPLOAD_MAX_MB * 1048576, { maxFiles: MAX_ID_PROOFS, labels: REQUEST_FIELD_LABELS });
      fields = read.fields;
      const r = await submitRequest(contextOf(req, db), { config: deps.config, settings, store: deps.store }, fields, {
        proof: { altcha: fieldString(fields, 'altcha'), challengeToken: fieldString(fields, 'challengeToken'), challengeAnswer: fieldString(fields, 'challengeAnswer') },
        token: fieldString(fields, 'submissionToken'),
        uploads: read.uploads,
      });
      return html(reply, 200, createElement(RequestReceiptPage, { site, code: r.code, agencyName: r.agencyName }));
    } catch (err) {
      const { status, message } = formProblem(err, reply);
      return html(reply, status, await form(refill(fields), message));
    }
  });

  app.get<{ Querystring: { code?: string } }>('/ysqgk/cx', async (req, reply) => {
    const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 64) : '';
    if (!code) return html(reply, 200, createElement(RequestStatusPage, { site }));
    try {
      const view = await getPublicRequestStatus(contextOf(req, db), settings, code);
      return html(reply, 200, createElement(RequestStatusPage, { site, code, view }));
    } catch (err) {
      const { status, message } = formProblem(err, reply);
      return html(reply, status, createElement(RequestStatusPage, { site, code, error: message }));
    }
  });
}
