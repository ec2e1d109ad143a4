import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { auditLog, units } from '../db/schema/index.ts';
import { DEMO_UNITS } from './demo-district.ts';
import { migrateAndSeed } from './first-start.ts';

const url = process.env.DATABASE_URL;

// Several processes on one PostgreSQL database (PGlite is one process per data directory, by its lock).
describe('first start of several processes on an empty PostgreSQL database', () => {
  it('migrates and seeds once; the others wait and seed nothing', { timeout: 300_000 }, async (ctx) => {
    ctx.skip(!url, '仅在 PostgreSQL 上运行（设置 DATABASE_URL）');
    const { default: pg } = await import('pg');
    const name = `gk_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    // Three pools, as three server processes would have.
    const processes = await Promise.all([1, 2, 3].map(() => openDatabase({ url: u.toString(), dataDir: null })));
    try {
      const results = await Promise.all(processes.map((p) => migrateAndSeed(p)));
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      const db = processes[0].db;
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
      expect(n).toBe(DEMO_UNITS.length + 1);
      const seeds = await db.select().from(auditLog).where(eq(auditLog.action, 'seed.demo_district'));
      expect(seeds).toHaveLength(1);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
