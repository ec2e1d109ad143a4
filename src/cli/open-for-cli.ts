import path from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { hasPgliteCluster } from '../db/create-pglite-dir.ts';
import { openDatabase, runMigrations, type Database } from '../db/client.ts';
import { lockDataDir } from '../platform/data-dir-lock.ts';
import { announceSeed, seedDemo } from '../seed/seed-demo.ts';

export interface CliDb {
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/** Opens the configured database for a one-off command, holding the data directory's lock meanwhile. */
export async function openForCli(opts: { migrate?: boolean } = {}): Promise<CliDb> {
  const config = loadConfig();
  const unlock = config.dbKind === 'pglite' ? await lockDataDir(config.dataDir) : async () => {};
  try {
    const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dbKind === 'pglite' ? path.join(config.dataDir, 'pglite') : null });
    if (opts.migrate !== false) {
      await runMigrations(database);
      // A command run before the first start sets the system up just as the first start would.
      announceSeed(await seedDemo(database.db), console.error);
    }
    return { config, database, close: async () => { await database.close(); await unlock(); } };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** True when there is a database to read: a PostgreSQL URL, or a PGlite directory already created. */
export function databaseExists(config: Config): boolean {
  return config.dbKind === 'postgres' || hasPgliteCluster(path.join(config.dataDir, 'pglite'));
}
