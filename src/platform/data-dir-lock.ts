import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose rows. The
 * server takes the directory by listening on a Unix socket in it, and refuses to start a second time.
 *
 * - The kernel closes the socket when the process ends, however it ends (`kill -9` included): a
 *   socket file left behind refuses connections, so the next start sees at once that it is stale.
 * - A live process keeps it however busy it is: the kernel accepts connections into the listen
 *   backlog without the process's event loop, so a stalled server still answers "held". No timer.
 * - The socket is also the channel for operator commands while the server runs
 *   (src/cli/command-channel.ts); it lives in a directory only the data directory's owner can enter.
 */
export interface DataDirLock {
  socketPath: string;
  /** Hands each connection (an operator command) to `handler`; before this, they are told to retry. */
  serve(handler: (socket: net.Socket) => void): void;
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  code = 'data_dir_locked';
  constructor(dataDir: string) {
    super(`数据目录 ${dataDir} 正被另一个 Gongkai 进程使用。同一数据目录只能运行一个实例（内嵌数据库不支持多进程），请先停止另一个进程，或用 DATA_DIR 指定其他目录。`);
  }
}

/** Longest socket path the kernel takes (sun_path is 108 bytes on Linux, 104 on macOS, with its NUL). */
const MAX_SOCKET_PATH = process.platform === 'linux' ? 107 : 103;

/**
 * Where the directory's socket lives: `DATA_DIR/run/gongkai.sock`. When that path is too long for
 * a Unix socket, in a private directory under the system temporary directory named by the hash
 * of the data directory's real path (the same for every process that opens the directory), and
 * `DATA_DIR/run/socket-path` says where.
 */
export function lockSocketPath(dataDir: string): string {
  const runDir = path.join(fs.realpathSync(dataDir), 'run');
  const inDir = path.join(runDir, 'gongkai.sock');
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH) return inDir;
  const key = createHash('sha256').update(runDir).digest('hex').slice(0, 20);
  const uid = process.getuid?.() ?? 0;
  for (const base of [os.tmpdir(), '/tmp']) {
    const p = path.join(base, `gongkai-${uid}-${key}`, 'gongkai.sock');
    if (Buffer.byteLength(p) <= MAX_SOCKET_PATH) return p;
  }
  throw new Error(`数据目录路径过长，无法建立目录锁：${dataDir}`);
}

/** Creates (or checks) a directory only this user may enter: nobody else can reach the socket in it. */
function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid))
    throw new Error(`目录锁所在的 ${dir} 不是本用户的目录，拒绝使用（可能有人抢先创建了它）`);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/** 'held' (a process listens, stalled or not), 'stale' (a file nobody listens on), or 'absent'. */
export function probeSocket(socketPath: string): Promise<'held' | 'stale' | 'absent'> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    s.once('connect', () => {
      s.destroy();
      resolve('held');
    });
    s.once('error', (err: NodeJS.ErrnoException) => {
      s.destroy();
      if (err.code === 'ECONNREFUSED') resolve('stale');
      else if (err.code === 'ENOENT') resolve('absent');
      // A full backlog (a server stalled under many connections) still means someone listens.
      else if (err.code === 'EAGAIN' || err.code === 'EWOULDBLOCK') resolve('held');
      else reject(err);
    });
  });
}

function listen(server: net.Server, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ path: where, backlog: 64 }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Serialises the removal of a stale socket file among processes starting together: without it, one
 * could remove the socket another has just created in its place and both would hold the directory.
 * The guard is itself an OS-released lock: a listening socket in Linux's abstract namespace (no file,
 * gone with its process). Elsewhere a socket file beside the lock, removed when found stale.
 */
async function takeoverGuard(socketPath: string): Promise<net.Server> {
  const key = createHash('sha256').update(socketPath).digest('hex').slice(0, 32);
  const name = process.platform === 'linux' ? `\0gongkai-takeover-${key}` : `${socketPath}.takeover`;
  for (let attempt = 0; ; attempt++) {
    const guard = net.createServer((s) => s.destroy());
    try {
      await listen(guard, name);
      return guard;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      if (process.platform !== 'linux' && (await probeSocket(name)) === 'stale') fs.rmSync(name, { force: true });
      // Another start is taking over the same stale lock right now: let it finish, then look again.
      if (attempt >= 100) throw new Error(`数据目录锁正被另一个进程接管，请稍后重试（${socketPath}）`);
      await sleep(50);
    }
  }
}

/**
 * Takes the data directory, or throws DataDirLockedError when a live process holds it.
 * `pauseBeforeTakeoverMs` widens the moment between finding a stale socket and taking it over, for
 * the test that several processes doing so at once never both get the directory.
 */
export async function lockDataDir(dataDir: string, opts: { pauseBeforeTakeoverMs?: number } = {}): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const socketPath = lockSocketPath(dataDir);
  privateDir(path.dirname(socketPath));
  const runDir = path.join(fs.realpathSync(dataDir), 'run');
  if (path.dirname(socketPath) !== runDir) {
    privateDir(runDir);
    // The fallback follows the temporary directory, which another process may see elsewhere
    // (TMPDIR, systemd's PrivateTmp): the socket a live holder recorded counts as well.
    const recordFile = path.join(runDir, 'socket-path');
    const recorded = fs.existsSync(recordFile) ? fs.readFileSync(recordFile, 'utf8').trim() : '';
    if (recorded && recorded !== socketPath && (await probeSocket(recorded).catch(() => 'absent')) === 'held') throw new DataDirLockedError(dataDir);
    fs.writeFileSync(recordFile, `${socketPath}\n`, { mode: 0o600 });
  }
  let handler: ((socket: net.Socket) => void) | null = null;
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    socket.on('error', () => {}); // a client gone mid-answer is not the server's failure
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (handler) handler(socket);
    else socket.end(`${JSON.stringify({ stream: 'stderr', data: '服务正在启动，请稍后再执行此命令。\n' })}\n${JSON.stringify({ exit: 1 })}\n`);
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, socketPath);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw err;
    }
    const state = await probeSocket(socketPath);
    if (state === 'held') throw new DataDirLockedError(dataDir);
    if (state === 'stale') {
      if (opts.pauseBeforeTakeoverMs) await sleep(opts.pauseBeforeTakeoverMs);
      // Left by a process that died (kill -9, power loss). Removed only under the takeover guard and
      // after looking again, so a socket another start has just created is never removed.
      const guard = await takeoverGuard(socketPath);
      try {
        const again = await probeSocket(socketPath);
        if (again === 'held') throw new DataDirLockedError(dataDir);
        if (again === 'stale') fs.rmSync(socketPath, { force: true });
      } finally {
        await new Promise((r) => guard.close(r));
      }
    }
  }
  fs.chmodSync(socketPath, 0o600);
  let released: Promise<void> | null = null;
  return {
    socketPath,
    serve: (h) => {
      handler = h;
    },
    // Closing removes the socket file (Node unlinks it); connections still open are ended.
    release: () =>
      (released ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      })),
  };
}
