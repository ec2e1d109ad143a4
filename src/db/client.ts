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

/** The advisory lock under which one process at a time migrates and seeds a PostgreSQL database. */
const STARTUP_LOCK = 704211;

/**
 * Runs `fn` while no other process runs its own start-up on the same database: on PostgreSQL under
 * a transaction-scoped advisory lock (held by one pooled connection, released at its commit or when
 * the connection drops, whatever `fn` does on the other connections); PGlite is one process anyway.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return fn();
  let result: T | undefined;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STARTUP_LOCK})`);
    result = await fn();
  });
  return result as T;
}

/** Runs committed SQL migrations, without taking the start-up lock: call inside withStartupLock. */
export async function migrateLocked(database: Database): Promise<void> {
  const { migrate } =
    database.kind === 'postgres' ? await import('drizzle-orm/node-postgres/migrator') : await import('drizzle-orm/pglite/migrator');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await migrate(database.db as any, { migrationsFolder });
}

/** Runs committed SQL migrations; on PostgreSQL under the start-up lock so several processes may start together. */
export async function runMigrations(database: Database): Promise<void> {
  await withStartupLock(database, () => migrateLocked(database));
}
