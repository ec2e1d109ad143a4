import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.ts';

describe('PostgreSQL pool', () => {
  // The server ending an idle connection (restart, failover) must not stop the process: the pool
  // drops that connection and the next query gets a fresh one.
  it('survives the server ending its idle connections', async (ctx) => {
    ctx.skip(!process.env.DATABASE_URL, '仅在 PostgreSQL 上运行（设置 DATABASE_URL）');
    const database = await createTestDatabase();
    try {
      await database.db.execute(sql`select 1`);
      const { default: pg } = await import('pg');
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      const killed = await other.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t');
      await other.end();
      expect(killed.rows[0].n).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      const res = (await database.db.execute(sql`select 41 + 1 as answer`)) as unknown as { rows: { answer: number }[] };
      expect(res.rows[0].answer).toBe(42);
    } finally {
      await database.close();
    }
  });
});
