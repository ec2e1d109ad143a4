import { createElement } from 'react';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { units } from '../db/schema/index.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { contextOf } from '../http/auth-hooks.ts';
import { createFormChallenge } from '../platform/public-intake/form-challenge.ts';
import { intakeSettings } from '../platform/public-intake/intake-settings.ts';
import { newSubmissionToken } from '../platform/public-intake/submit-once.ts';
import { todayInShanghai } from '../platform/calendar/dates.ts';
import { monthlyStats } from '../modules/mailbox/message-stats.ts';
import { getMessageStatus, rateMessage } from '../modules/mailbox/public-message.ts';
import { listPublishedMessages } from '../modules/mailbox/publish-message.ts';
import { readSubmission } from '../platform/public-intake/read-submission.ts';
import { submitMessage } from '../modules/mailbox/submit-message.ts';
import { PublishedPage, QueryPage, ReceiptPage, WritePage } from './pages/mailbox-pages.tsx';
import { renderPage } from './render.ts';
import { formProblem, refill } from './form-problem.ts';
import { siteInfo } from './layout.tsx';

const HTML = 'text/html; charset=utf-8';
const PAGE_SIZE = 10;

/** The mailbox's public pages: write (no JavaScript needed), query by code and rate, the published list. */
export function mailboxPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps.database;
  const site = siteInfo(deps.config);
  const settings = intakeSettings(deps.config);
  const html = (reply: FastifyReply, status: number, el: Parameters<typeof renderPage>[0]) =>
    reply.status(status).type(HTML).header('cache-control', 'no-store').send(renderPage(el));
  const problem = (err: unknown, reply?: FastifyReply) => formProblem(err, reply);
  const writeForm = async (values?: Record<string, string>, error?: string) => {
    const list = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true)).orderBy(asc(units.sort), asc(units.name));
    return createElement(WritePage, { site, units: list, challenge: settings.challenge === 'on' ? await createFormChallenge(db, settings) : null, submissionToken: values?.submissionToken ?? newSubmissionToken(), values, error });
  };

  app.get('/hdjl/xx', async (_req, reply) => html(reply, 200, await writeForm()));

  app.post('/hdjl/xx', async (req, reply) => {
    let fields: Record<string, unknown> = {};
    try {
      const read = await readSubmission(req, deps.config.UPLOAD_MAX_MB * 1048576);
      fields = read.fields;
      const s = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : null);
      const r = await submitMessage(contextOf(req, db), { config: deps.config, settings, store: deps.store }, fields, {
        proof: { altcha: s('altcha'), challengeToken: s('challengeToken'), challengeAnswer: s('challengeAnswer') },
        token: s('submissionToken'),
        uploads: read.uploads,
      });
      return html(reply, 200, createElement(ReceiptPage, { site, code: r.code, dueDate: r.dueDate, dueProvisional: r.dueProvisional, petition: r.petition }));
    } catch (err) {
      const { status, message } = problem(err, reply);
      return html(reply, status, await writeForm(refill(fields), message));
    }
  });

  app.get<{ Querystring: { code?: string; rated?: string } }>('/hdjl/xx/cx', async (req, reply) => {
    const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 64) : '';
    if (!code) return html(reply, 200, createElement(QueryPage, { site }));
    try {
      const view = await getMessageStatus(contextOf(req, db), settings, code);
      return html(reply, 200, createElement(QueryPage, { site, code, view, rated: req.query.rated === '1' }));
    } catch (err) {
      const { status, message } = problem(err);
      return html(reply, status, createElement(QueryPage, { site, code, error: message }));
    }
  });

  app.post<{ Body: Record<string, string> }>('/hdjl/xx/pj', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const code = String(body.code ?? '').slice(0, 64);
    try {
      await rateMessage(contextOf(req, db), settings, code, { rating: body.rating as '满意' });
      return reply.redirect(`/hdjl/xx/cx?code=${encodeURIComponent(code)}&rated=1`, 303);
    } catch (err) {
      const { status, message } = problem(err);
      return html(reply, status, createElement(QueryPage, { site, code, error: message }));
    }
  });

  app.get<{ Querystring: { page?: string } }>('/hdjl/wyly', async (req, reply) => {
    const page = /^\d{1,4}$/.test(req.query.page ?? '') ? Math.max(1, Number(req.query.page)) : 1;
    const ctx = contextOf(req, db);
    const list = await listPublishedMessages(ctx, { page, pageSize: PAGE_SIZE });
    const today = todayInShanghai();
    const months: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1));
      months.push(d.toISOString().slice(0, 7));
    }
    const stats = [];
    for (const m of months) {
      try {
        stats.push(await monthlyStats(ctx, m));
      } catch {
        // a month outside the published calendar is left out
      }
    }
    return html(reply, 200, createElement(PublishedPage, { site, ...list, page, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)), stats }));
  });
}
