import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { answers } from '../responses.ts';
import { PORTAL_ASSETS } from '../../paths.ts';
import { createFormChallenge } from '../../platform/public-intake/form-challenge.ts';
import { hitRateLimit } from '../../platform/public-intake/rate-limit.ts';
import { intakeSettings } from '../../platform/public-intake/intake-settings.ts';

const widget = readFileSync(path.join(PORTAL_ASSETS, 'intake-pow.js'));
const widgetEtag = `"${createHash('sha1').update(widget).digest('base64url')}"`;

const challengeSchema = z
  .object({
    pow: z.object({ algorithm: z.string(), challenge: z.string(), maxnumber: z.number().optional(), salt: z.string(), signature: z.string() }),
    question: z.object({ text: z.string(), token: z.string() }),
    expiresAt: z.string(),
    /** false when PUBLIC_FORM_CHALLENGE=off: nothing needs solving. */
    required: z.boolean(),
  })
  .meta({ id: 'FormChallenge' });

/** The public forms' challenge (for JSON clients and the widget) and the widget script itself. */
export const publicIntakeRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const settings = intakeSettings(deps.config);
  const { db } = deps.database;

  app.get('/api/public/challenge', { config: { access: 'public' }, schema: { tags: ['public'], summary: '公众表单的人机验证题（工作量证明 + 无脚本时的算术题）', response: answers({ 200: challengeSchema }) } }, async (req, reply) => {
    // Handing out challenges costs little, but is counted like look-ups so it cannot be farmed.
    await hitRateLimit(db, { bucket: 'challenge', ...settings.lookup, limit: settings.lookup.limit * 2, verb: '请求' }, req.ip);
    reply.header('cache-control', 'no-store');
    return { ...(await createFormChallenge(db, settings)), required: settings.challenge === 'on' };
  });

  app.get('/assets/intake-pow.js', async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', widgetEtag).type('text/javascript; charset=utf-8');
    if (req.headers['if-none-match'] === widgetEtag) return reply.status(304).send();
    return widget;
  });
};
