import fs from 'node:fs';
import net from 'node:net';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { lockSocketPath, probeSocket, type DataDirLock } from '../platform/data-dir-lock.ts';
import type { CliIo } from './cli-io.ts';
import { runCommand, servedCommand } from './program.ts';

/**
 * Operator commands while the server runs. The server holds the data directory by listening on a
 * Unix socket only the directory's owner can reach (data-dir-lock.ts); a command that needs the
 * database and finds the directory held sends itself there, and the server runs it on its open
 * database and sends back what it printed and its exit status.
 *
 * Protocol, newline-delimited JSON:
 *   request, one line: {"v":1,"argv":[…],"cwd":"/abs/dir","stdin":"…"?}   (at most MAX_REQUEST_BYTES)
 *   answer, lines:     {"stream":"stdout"|"stderr","data":"…"} …, then {"exit":N}
 * Only SERVED_COMMANDS are run; anything else is answered with an error and exit status 2.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Largest answer line the client takes (the server cuts its output into pieces of OUTPUT_PIECE). */
const MAX_ANSWER_LINE = 1024 * 1024;
const OUTPUT_PIECE = 64 * 1024;
/** A connection that has not sent its whole request by then is closed. */
const REQUEST_TIMEOUT_MS = 60_000;

const requestSchema = z.object({
  v: z.literal(1),
  argv: z.array(z.string().max(8192)).max(64),
  cwd: z.string().min(1).max(4096),
  stdin: z.string().optional(),
});

function send(socket: net.Socket, msg: object): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(msg)}\n`);
}

function sendText(socket: net.Socket, stream: 'stdout' | 'stderr', text: string): void {
  for (let i = 0; i < text.length; i += OUTPUT_PIECE) send(socket, { stream, data: text.slice(i, i + OUTPUT_PIECE) });
}

/** Reads one request line of at most MAX_REQUEST_BYTES; null when the client sent too much, too slowly, or nothing. */
function readRequest(socket: net.Socket): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (line: string | null) => {
      socket.off('data', onData);
      socket.setTimeout(0);
      resolve(line);
    };
    const onData = (chunk: Buffer) => {
      const nl = chunk.indexOf(0x0a);
      const part = nl === -1 ? chunk : chunk.subarray(0, nl);
      size += part.length;
      if (size > MAX_REQUEST_BYTES) return done(null);
      chunks.push(part);
      if (nl !== -1) done(Buffer.concat(chunks).toString('utf8'));
    };
    socket.on('data', onData);
    socket.once('end', () => done(null));
    socket.once('close', () => done(null));
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => done(null));
  });
}

/** Serves operator commands on the directory's socket with the server's database. */
export function serveCommands(lock: DataDirLock, config: Config, database: Database) {
  const running = new Set<Promise<void>>();
  let stopping = false;
  const handle = async (socket: net.Socket) => {
    const line = await readRequest(socket);
    if (line === null) return void socket.destroy(); // a lock probe, or a request too large or too slow
    let request: z.infer<typeof requestSchema>;
    try {
      request = requestSchema.parse(JSON.parse(line));
    } catch {
      sendText(socket, 'stderr', '命令请求格式不正确。\n');
      send(socket, { exit: 2 });
      return void socket.end();
    }
    if (!servedCommand(request.argv)) {
      sendText(socket, 'stderr', `运行中的服务不执行此命令：${request.argv.join(' ')}\n`);
      send(socket, { exit: 2 });
      return void socket.end();
    }
    const stdin = request.stdin ?? '';
    const io: CliIo = {
      out: (text) => sendText(socket, 'stdout', text),
      err: (text) => sendText(socket, 'stderr', `${text}\n`),
      stdinLines: async function* () {
        const lines = stdin.split(/\r?\n/);
        // Input ending with a line break has no line after it (as readline reads a pipe).
        if (lines.at(-1) === '') lines.pop();
        yield* lines;
      },
      open: async () => ({ config, database, close: async () => {} }),
      hasDatabase: () => true,
      cwd: request.cwd,
    };
    let exit = 1;
    try {
      exit = await runCommand(request.argv, io);
    } catch (err) {
      io.err(`命令执行失败：${err instanceof Error ? err.message : String(err)}`);
    }
    send(socket, { exit });
    socket.end();
  };
  lock.serve((socket) => {
    if (stopping) {
      sendText(socket, 'stderr', '服务正在停止，请稍后再执行此命令。\n');
      send(socket, { exit: 1 });
      return void socket.end();
    }
    const p: Promise<void> = handle(socket).finally(() => running.delete(p));
    running.add(p);
  });
  return {
    /** Refuses new commands and waits for those running. */
    stop: async () => {
      stopping = true;
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * When a running server holds the configured PGlite data directory and argv is a served command:
 * sends it there and returns its exit status. Otherwise null: run the command in this process.
 */
export async function sendToRunningServer(argv: string[], dataDir: string): Promise<number | null> {
  if (!servedCommand(argv) || !fs.existsSync(dataDir)) return null;
  let socketPath: string;
  try {
    socketPath = lockSocketPath(dataDir);
    if ((await probeSocket(socketPath)) !== 'held') return null;
  } catch {
    return null; // the command, run here, will say what is wrong with the directory
  }
  let stdin: string | undefined;
  if ((argv[0] === 'calendar' && argv.includes('-')) || (argv[0] === 'qa' && argv[1] === 'match')) {
    const all = await readAllStdin();
    if (all === null) {
      console.error(`标准输入超过 ${MAX_REQUEST_BYTES / 1024 / 1024} MB，请分批提交。`);
      return 2;
    }
    stdin = all;
  }
  return askServer(socketPath, { v: 1, argv, cwd: process.cwd(), stdin });
}

async function readAllStdin(): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES - 64 * 1024) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends one request and relays the answer to this process's stdout and stderr; returns the exit status. */
export function askServer(socketPath: string, request: z.infer<typeof requestSchema>): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    let buffer = '';
    let exit: number | null = null;
    const slow = setTimeout(() => console.error(`正在等待运行中的服务执行命令（${socketPath}）……`), 10_000);
    const finish = (status: number) => {
      clearTimeout(slow);
      socket.destroy();
      resolve(status);
    };
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let msg: { stream?: 'stdout' | 'stderr'; data?: string; exit?: number };
        try {
          msg = JSON.parse(line);
        } catch {
          console.error('运行中的服务的应答无法识别，已中止。');
          return finish(1);
        }
        if (typeof msg.exit === 'number') exit = msg.exit;
        else if (msg.stream === 'stdout') process.stdout.write(msg.data ?? '');
        else if (msg.stream === 'stderr') process.stderr.write(msg.data ?? '');
      }
      if (buffer.length > MAX_ANSWER_LINE) {
        console.error('运行中的服务的应答过长，已中止。');
        finish(1);
      }
    });
    socket.once('error', (err) => {
      console.error(`无法把命令交给运行中的服务（${socketPath}）：${err.message}`);
      finish(1);
    });
    socket.once('close', () => {
      if (exit === null) console.error('运行中的服务未完成此命令便断开了连接（服务可能正在停止），请查看服务日志。');
      finish(exit ?? 1);
    });
  });
}
