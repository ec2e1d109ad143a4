import { z } from 'zod';
import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobs } from '../../db/schema/index.ts';
import { jobSummary } from '../../platform/jobs/job-runner.ts';
import type { AppDeps } from '../app-deps.ts';
import { answers } from '../responses.ts';
import { timestamp } from '../../platform/output-schemas.ts';

const jobRow = z.object({
  id: z.number().int(),
  kind: z.string(),
  runKey: z.string(),
  payload: z.unknown(),
  runAt: timestamp,
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lockedBy: z.string().nullable(),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

export const jobRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  app.get('/api/jobs', { config: { access: 'jobs.manage' }, schema: { tags: ['jobs'], summary: '后台任务', response: answers({ 200: z.object({ summary: z.array(z.object({ status: z.string(), n: z.number().int() })), recent: z.array(jobRow) }) }) } }, async () => ({
    summary: await jobSummary(db),
    recent: await db.select().from(jobs).orderBy(desc(jobs.id)).limit(50),
  }));
  app.post('/api/jobs/run', { config: { access: 'jobs.manage' }, schema: { tags: ['jobs'], summary: '立即执行到期任务', response: answers({ 200: z.object({ ran: z.number().int() }) }) } }, async () => {
    await deps.runner.scheduleDaily();
    return { ran: await deps.runner.runDue() };
  });
};
