import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';
import { createPgliteDir, hasPgliteCluster } from './create-pglite-dir.ts';
import { pgliteDataBytes, sharedBuffersFor } from './pglite-buffers.ts';
import { MIGRATIONS_DIR as migrationsFolder } from '../paths.ts';
export { migrationsFolder };

export type Schema = typeof schema;
/** A database handle or an open transaction: domain operations accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Connections of the PostgreSQL pool (the public routes' admission gate leaves some of them free). */
export const PG_POOL_SIZE = 10;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}



/**
 * Opens PGlite (in `dataDir`, or in memory when dataDir is null) or a PostgreSQL pool.
 * Loaded lazily so a PostgreSQL deployment never loads the WASM build and vice versa.
 */
export async function openDatabase(opts: { url?: string; dataDir: string | null; sharedBuffersMb?: number }): Promise<Database> {
  if (opts.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: opts.url, max: PG_POOL_SIZE });
    // An idle connection the server ends (restart, failover, a dropped database) is discarded and
    // replaced on next use; without a listener its error would stop the whole process.
    pool.on('error', (err) => console.error(`数据库连接中断，已丢弃该连接：${err.message}`));
    // Dates and timestamps are computed in Asia/Shanghai by the calendar; the session stays UTC.
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.dataDir && !hasPgliteCluster(opts.dataDir)) await createPgliteDir(opts.dataDir);
  const client = await PGlite.create({
    dataDir: opts.dataDir ?? undefined,
    extensions: { pg_trgm },
    // PGlite's default 128 MB of shared buffers is most of its memory; a district's data needs far
    // less, a large catalog more (pglite-buffers.ts). An explicit setting wins.
    postgresqlconf: [`shared_buffers=${opts.sharedBuffersMb ?? sharedBuffersFor(opts.dataDir ? pgliteDataBytes(opts.dataDir) : 0)}MB`],
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Runs committed SQL migrations; on PostgreSQL under an advisory lock so several processes may start together. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await database.db.execute(sql`select pg_advisory_lock(704211)`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(database.db as any, { migrationsFolder });
    } finally {
      await database.db.execute(sql`select pg_advisory_unlock(704211)`);
    }
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as any, { migrationsFolder });
  }
}
