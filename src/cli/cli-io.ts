import readline from 'node:readline';
import type { CliDb } from './open-for-cli.ts';

/**
 * Where a command writes and which database it uses. Run directly: the process's stdout/stderr and
 * the database opened for the command (open-for-cli.ts). Run by the server for an operator while it
 * holds the data directory (command-channel.ts): the same text sent back over the local socket, and
 * the server's open database.
 */
export interface CliIo {
  /** Output for machines (stdout), written as given. */
  out(text: string): void;
  /** One message line for people (stderr). */
  err(line: string): void;
  /** The lines of standard input (for `calendar … -`). */
  stdinLines(): AsyncIterable<string>;
  /** Opens the configured database for the command (migrated, and seeded on a first run, unless migrate is false). */
  open(opts?: { migrate?: boolean }): Promise<CliDb>;
  /** True when there is a database to read (a PGlite directory already created, or PostgreSQL). */
  hasDatabase(): boolean;
  /** The operator's working directory: relative file names are resolved from it. */
  cwd: string;
}

export function processIo(open: CliIo['open'], hasDatabase: () => boolean): CliIo {
  return {
    hasDatabase,
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
    stdinLines: () => readline.createInterface({ input: process.stdin, crlfDelay: Infinity }),
    open,
    cwd: process.cwd(),
  };
}
