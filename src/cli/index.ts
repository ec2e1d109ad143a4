import { ConfigError, loadConfig } from '../config.ts';
import { processIo } from './cli-io.ts';
import { sendToRunningServer } from './command-channel.ts';
import { databaseExists, openForCli } from './open-for-cli.ts';
import { runCommand } from './program.ts';

/**
 * Runs one `gongkai` command and returns its exit status. A command that needs the database, while
 * a running server holds the PGlite data directory, is run by that server (command-channel.ts).
 */
export async function main(argv: string[]): Promise<number> {
  let dataDir: string | null = null;
  try {
    const config = loadConfig();
    if (config.dbKind === 'pglite') dataDir = config.dataDir;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err; // reported by the command itself
  }
  if (dataDir) {
    const status = await sendToRunningServer(argv, dataDir);
    if (status !== null) return status;
  }
  return runCommand(
    argv,
    processIo(
      (opts) => openForCli(opts),
      () => databaseExists(loadConfig()),
    ),
  );
}
