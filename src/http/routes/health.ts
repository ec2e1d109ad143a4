import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { answers } from '../responses.ts';

/**
 * The database check of /api/health. On PostgreSQL it has a connection of its own, so that it never
 * waits in the pool's queue behind the public requests (at most the admission gate's number, but a
 * page may run a few queries at once); lost, it is opened again at the next check. PGlite has one
 * connection in this process: the gate keeps what runs before the check to a couple of requests.
 */
function databasePing(deps: AppDeps): { ping(): Promise<void>; close(): Promise<void> } {
  const url = deps.config.DATABASE_URL;
  if (deps.database.kind !== 'postgres' || !url) return { ping: async () => void (await deps.database.db.execute(sql`select 1`)), close: async () => {} };
  let client: Promise<pg.Client> | null = null;
  const open = async () => {
    const { default: pgModule } = await import('pg');
    const c = new pgModule.Client({ connectionString: url, application_name: 'gongkai-health' });
    c.on('error', () => void (client = null));
    await c.connect();
    return c;
  };
  return {
    ping: async () => {
      client ??= open();
      try {
        await (await client).query('select 1');
      } catch (err) {
        const lost = client;
        client = null;
        void lost?.then((c) => c.end()).catch(() => {});
        throw err;
      }
    },
    close: async () => {
      const c = client;
      client = null;
      await c?.then((x) => x.end()).catch(() => {});
    },
  };
}

export const healthRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const db = databasePing(deps);
  app.addHook('onClose', () => db.close());
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
      await db.ping();
      return { status: 'ok' as const, db: deps.database.kind, version: deps.version };
    },
  );
};
