import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { answers } from '../responses.ts';

export const healthRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: answers({ 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) }),
      },
    },
    async () => {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: deps.database.kind, version: deps.version };
    },
  );
};
