import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { qaConsultations } from '../db/schema/index.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { contextOf } from '../http/auth-hooks.ts';
import { AppError } from '../platform/errors.ts';
import { askQuestion, giveFeedback, takeSuggestion } from '../modules/qa/ask-question.ts';
import { lookupConsultation } from '../modules/qa/lookup-consultation.ts';
import { registerQuestion } from '../modules/qa/register-question.ts';
import { askRule } from '../modules/qa/ask-limit.ts';
import { createFormChallenge, proofOf } from '../platform/public-intake/form-challenge.ts';
import { intakeSettings } from '../platform/public-intake/intake-settings.ts';
import { hitRateLimit } from '../platform/public-intake/rate-limit.ts';
import { newSubmissionToken } from '../platform/public-intake/submit-once.ts';
import { ZodError } from 'zod';
import type { SiteInfo } from './layout.tsx';
import { QaPage, type QaView } from './pages/qa-page.tsx';
import { renderPage } from './render.ts';

/** A question of 10,000 characters, URL-encoded, still gets the page that says what is wrong. */
const FORM_LIMIT = 128 * 1024;

function html(reply: FastifyReply, site: SiteInfo, view: QaView, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(createElement(QaPage, { site, view })));
}

/**
 * A form posted from another site is refused (the public forms carry no session to check). The site's
 * Referrer-Policy (no-referrer) makes browsers send `Origin: null` for our own forms, so the browser's
 * Sec-Fetch-Site decides where it is sent; otherwise a named foreign origin is refused.
 */
function foreign(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' ? v : '';
};

/** The first Chinese message of a refusal, for the page. */
function messageOf(err: unknown): string | null {
  if (err instanceof AppError && err.kind !== 'unavailable') return err.message;
  if (err instanceof ZodError) return err.issues[0]?.message ?? '输入有误';
  return null;
}

/**
 * 一网答 on the portal, usable without JavaScript: plain forms posted to the server, every answer a
 * whole page. The same operations and per-address limits as /api/public/qa/* (the public-intake
 * kernel: asking counted under `qa.ask`; registering — it stores contact data — is a public
 * submission with the form challenge and a submission token; look-ups by code under `qa.lookup`).
 */
export function qaPortalRoutes(app: FastifyInstance, deps: AppDeps, site: SiteInfo) {
  const { db } = deps.database;
  const settings = intakeSettings(deps.config);
  const asked = (req: FastifyRequest) => hitRateLimit(db, askRule(deps.config), req.ip);
  /** The anti-abuse fields of the registration form: a fresh challenge, the form's token kept across a retry. */
  const registerForm = async (submissionToken?: string) => ({
    challenge: settings.challenge === 'on' ? await createFormChallenge(db, settings) : null,
    submissionToken: submissionToken && /^[A-Za-z0-9_-]{16,128}$/.test(submissionToken) ? submissionToken : newSubmissionToken(),
  });
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const guard = (req: FastifyRequest, reply: FastifyReply, fn: () => Promise<unknown>, onError: (message: string, status: number) => unknown) => {
      if (foreign(req)) return html(reply, site, { kind: 'limited', message: '跨站提交被拒绝，请在本站页面提交' }, 403);
      return fn().catch((err) => {
        if (err instanceof AppError && err.kind === 'rate_limited') {
          reply.header('retry-after', String((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60));
          return html(reply, site, { kind: 'limited', message: err.message }, 429);
        }
        const message = messageOf(err);
        if (message === null) throw err;
        return onError(message, err instanceof AppError && err.kind === 'not_found' ? 404 : err instanceof AppError && err.kind === 'conflict' ? 409 : 400);
      });
    };

    scope.get('/yiwangda', async (_req, reply) => html(reply, site, { kind: 'ask' }));

    scope.post('/yiwangda', async (req, reply) => {
      const question = field(req.body, 'question');
      return guard(
        req,
        reply,
        async () => {
          await asked(req);
          const r = await askQuestion(contextOf(req, db), { question });
          const q = question.trim();
          if (r.decision === 'answer' && r.answer)
            return html(reply, site, { kind: 'answer', consultationId: r.consultationId, question: q, entryQuestion: r.answer.question, answerHtml: r.answer.answerHtml, policies: r.answer.policies });
          if (r.decision === 'suggest') return html(reply, site, { kind: 'suggest', consultationId: r.consultationId, question: q, suggestions: r.suggestions, elsewhere: r.elsewhere, form: await registerForm() });
          return html(reply, site, { kind: 'register', consultationId: r.consultationId, question: q, elsewhere: r.elsewhere, form: await registerForm() });
        },
        (message, status) => html(reply, site, { kind: 'ask', question: question.slice(0, 500), error: message }, status),
      );
    });

    scope.post('/yiwangda/take', async (req, reply) =>
      guard(
        req,
        reply,
        async () => {
          await asked(req);
          const r = await takeSuggestion(contextOf(req, db), { consultationId: field(req.body, 'consultationId'), entryId: field(req.body, 'entryId') });
          return html(reply, site, { kind: 'answer', consultationId: r.consultationId, question: r.question, entryQuestion: r.question, answerHtml: r.answerHtml, policies: r.policies });
        },
        (message, status) => html(reply, site, { kind: 'ask', error: message }, status),
      ),
    );

    scope.post('/yiwangda/feedback', async (req, reply) =>
      guard(
        req,
        reply,
        async () => {
          await asked(req);
          await giveFeedback(contextOf(req, db), { consultationId: field(req.body, 'consultationId'), useful: field(req.body, 'useful') === 'true' });
          return html(reply, site, { kind: 'limited', message: '感谢您的评价，我们会据此改进问答库。' });
        },
        (message, status) => html(reply, site, { kind: 'limited', message }, status),
      ),
    );

    scope.post('/yiwangda/register', async (req, reply) => {
      const values = { askerName: field(req.body, 'askerName'), askerContact: field(req.body, 'askerContact'), askerEmail: field(req.body, 'askerEmail') };
      const consultationId = field(req.body, 'consultationId');
      return guard(
        req,
        reply,
        async () => {
          const r = await registerQuestion(contextOf(req, db), settings, { consultationId, ...values }, {
            proof: proofOf({ altcha: field(req.body, 'altcha'), challengeToken: field(req.body, 'challengeToken'), challengeAnswer: field(req.body, 'challengeAnswer') }),
            token: field(req.body, 'submissionToken'),
          });
          const [q] = await db.select({ question: qaConsultations.question }).from(qaConsultations).where(eq(qaConsultations.id, consultationId));
          return html(reply, site, { kind: 'registered', queryCode: r.queryCode, dueOn: r.dueOn, dueProvisional: r.dueProvisional, question: q.question });
        },
        async (message, status) => {
          // The question is shown again with the form (never the asker's contact from the database).
          const pending = await db.query.qaConsultations.findFirst({ columns: { question: true, status: true }, where: (c, { eq }) => eq(c.id, /^[0-9a-f-]{36}$/i.test(consultationId) ? consultationId : '00000000-0000-0000-0000-000000000000') });
          if (!pending || pending.status !== 'open') return html(reply, site, { kind: 'limited', message }, status);
          return html(reply, site, { kind: 'register', consultationId, question: pending.question, error: message, values, form: await registerForm(field(req.body, 'submissionToken')) }, status);
        },
      );
    });

    scope.get('/yiwangda/chaxun', async (req, reply) => {
      const code = String((req.query as Record<string, unknown>)?.code ?? '').slice(0, 64);
      if (!code) return html(reply, site, { kind: 'lookup' });
      return guard(
        req,
        reply,
        async () => {
          const r = await lookupConsultation(contextOf(req, db), settings, { code });
          return html(reply, site, { kind: 'lookup', code, result: r });
        },
        (message, status) => html(reply, site, { kind: 'lookup', code, error: message }, status),
      );
    });
  });
}
