import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { PG_POOL_SIZE } from '../../db/client.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import type { AppDeps } from '../app-deps.ts';
import { healthRoutes } from './health.ts';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** PostgreSQL only: PGlite has one connection in the process, kept short by the admission gate. */
describe('health on PostgreSQL', () => {
  const pg = !!process.env.DATABASE_URL;
  let database: TestDb;
  beforeAll(async () => {
    if (pg) database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('answers while every connection of the pool is taken', async (ctx) => {
    ctx.skip(!pg, '仅在 PostgreSQL 上运行（设置 DATABASE_URL）');
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    const deps = { config: loadConfig({ DATABASE_URL: database.url!, DATA_DIR: '/tmp' }), database, version: 'test' } as unknown as AppDeps;
    await app.register(healthRoutes(deps));
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const holding = Array.from({ length: PG_POOL_SIZE }, () => database.db.transaction(async (tx) => (await tx.execute(sql`select 1`), await held)));
    try {
      await new Promise((ok) => setTimeout(ok, 300));
      // The pool's own queue would keep a query waiting until a connection is returned…
      const pooled = await Promise.race([database.db.execute(sql`select 1`).then(() => 'answered'), new Promise((ok) => setTimeout(() => ok('waiting'), 500))]);
      expect(pooled).toBe('waiting');
      // …health has a connection of its own.
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', db: 'postgres' });
    } finally {
      release();
      await Promise.all(holding);
      await app.close();
    }
  });
});
