import path from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { hasPgliteCluster } from '../db/create-pglite-dir.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { lockDataDir } from '../platform/data-dir-lock.ts';
import { announceSeed } from '../seed/seed-demo.ts';
import { migrateAndSeed } from '../seed/first-start.ts';

export interface CliDb {
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the configured database for a one-off command, holding the data directory's lock meanwhile.
 * (While a server holds the directory, the command is sent to it instead: command-channel.ts.)
 */
export async function openForCli(opts: { migrate?: boolean } = {}, log: (line: string) => void = console.error): Promise<CliDb> {
  const config = loadConfig();
  const lock = config.dbKind === 'pglite' ? await lockDataDir(config.dataDir) : null;
  const unlock = async () => {
    await lock?.release();
  };
  try {
    const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dbKind === 'pglite' ? path.join(config.dataDir, 'pglite') : null });
    try {
      // A command run before the first start sets the system up just as the first start would.
      if (opts.migrate !== false) announceSeed(await migrateAndSeed(database), log);
    } catch (err) {
      await database.close();
      throw err;
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
