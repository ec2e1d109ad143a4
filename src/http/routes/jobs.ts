import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobs } from '../../db/schema/index.ts';
import { jobSummary } from '../../platform/jobs/job-runner.ts';
import type { AppDeps } from '../app-deps.ts';

export const jobRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  app.get('/api/jobs', { config: { access: 'jobs.manage' }, schema: { tags: ['jobs'], summary: '后台任务' } }, async () => ({
    summary: await jobSummary(db),
    recent: await db.select().from(jobs).orderBy(desc(jobs.id)).limit(50),
  }));
  app.post('/api/jobs/run', { config: { access: 'jobs.manage' }, schema: { tags: ['jobs'], summary: '立即执行到期任务' } }, async () => {
    await deps.runner.scheduleDaily();
    return { ran: await deps.runner.runDue() };
  });
};
