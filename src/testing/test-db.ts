import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, runMigrations, type Database } from '../db/client.ts';

/** Where the global setup leaves a migrated PGlite data directory, so each test file loads it instead of migrating. */
export const TEMPLATE_DUMP = path.resolve('.vitest-tmp/pglite-template.tar.gz');

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server of DATABASE_URL (dropped again on close).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const name = `gk_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), dataDir: null });
    await runMigrations(database);
    return {
      ...database,
      url: u.toString(),
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  if (fs.existsSync(TEMPLATE_DUMP)) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    const schema = await import('../db/schema/index.ts');
    const dump = new Blob([fs.readFileSync(TEMPLATE_DUMP)]);
    const client = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm } });
    const database: Database = {
      db: drizzle(client, { schema }) as unknown as Database['db'],
      kind: 'pglite',
      close: () => client.close(),
    };
    await runMigrations(database); // a no-op unless migrations changed since the dump
    return database;
  }
  const database = await openDatabase({ url: undefined, dataDir: null });
  await runMigrations(database);
  return database;
}

/** Vitest global setup: build the migrated PGlite template once per run. */
export async function buildPgliteTemplate(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const schema = await import('../db/schema/index.ts');
  const client = await PGlite.create({ extensions: { pg_trgm } });
  await runMigrations({ db: drizzle(client, { schema }) as unknown as Database['db'], kind: 'pglite', close: () => client.close() });
  const dump = await client.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}
