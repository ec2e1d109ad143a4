import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getWorkbench } from '../../platform/workbench/get-workbench.ts';
import { workbench } from '../../platform/workbench/schemas.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { answers } from '../responses.ts';

export const workbenchRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  app.get(
    '/api/workbench',
    { config: { access: 'workbench.read' }, schema: { tags: ['workbench'], summary: '工作台：本人待办计数与本周截止事项（按单位范围）', response: answers({ 200: workbench }) } },
    async (req) =>
      getWorkbench(contextOf(req, db), {
        onFailure: (f) => req.log.warn({ source: f.sourceId, err: f.error }, 'workbench source unavailable'),
      }),
  );
};
