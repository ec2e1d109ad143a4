import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { DataDirLockedError, lockDataDir, lockSocketPath, probeSocket } from './data-dir-lock.ts';

const holderScript = path.resolve('src/testing/hold-data-dir.ts');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix = 'gk-lock-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Starts hold-data-dir.ts; resolves with the child and its first line ("locked" or "refused"). */
function holder(dataDir: string, stallMs: number, holdMs = 0, startAt: number | 'stdin' = 0, pauseMs = 0): Promise<{ child: ChildProcess; said: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir, String(stallMs), String(holdMs), String(startAt), String(pauseMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => {
      const first = !out.includes('\n');
      out += s;
      if (first && out.includes('\n')) resolve({ child, said: out.split('\n')[0], output: () => out });
    });
    child.once('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`holder exited with ${code} before taking the lock`));
    });
  });
}

const killed = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

describe('the data-directory lock', () => {
  it('is kept by a process whose event loop is stalled, refuses a second taker and a second server, and needs no timer', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    // Stalled far longer than this test runs: nothing in it runs while we try to take the directory.
    const { child, said } = await holder(dataDir, 600_000);
    expect(said).toBe('locked');
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), () => {})).rejects.toThrow(/正被另一个 Gongkai 进程使用/);
    // Nothing refreshes the lock (the holder cannot run), and nothing ages it: still held a while later.
    const socket = lockSocketPath(dataDir);
    const before = fs.statSync(socket).mtimeMs;
    await new Promise((r) => setTimeout(r, 2_000));
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.statSync(socket).mtimeMs).toBe(before);
    // Only the directory's owner can reach the socket.
    expect(fs.statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(socket).mode & 0o777).toBe(0o600);

    // kill -9: the socket file stays behind, but nobody listens on it; the next start takes it at once.
    child.kill('SIGKILL');
    await killed(child);
    expect(fs.existsSync(socket)).toBe(true);
    expect(await probeSocket(socket)).toBe('stale');
    const t0 = performance.now();
    const lock = await lockDataDir(dataDir);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await probeSocket(socket)).toBe('held');
    await lock.release();
    expect(fs.existsSync(socket)).toBe(false); // a clean stop leaves nothing behind
    const again = await lockDataDir(dataDir);
    await again.release();
  });

  it('lets exactly one of several processes take over a stale lock at the same time', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const first = await holder(dataDir, 600_000);
    first.child.kill('SIGKILL');
    await killed(first.child);
    expect(await probeSocket(lockSocketPath(dataDir))).toBe('stale');
    // All try at the same moment (once all are loaded), and all pause 0.5 s between finding the lock stale and
    // taking it over, so that all find it stale; each keeps what it took for 4 s, past the others' attempts.
    const takers = await Promise.all(Array.from({ length: 5 }, () => holder(dataDir, 0, 4_000, 'stdin', 500)));
    expect(takers.map((t) => t.said)).toEqual(Array(5).fill('ready'));
    const said = (t: (typeof takers)[number]) =>
      new Promise<string>((resolve) => {
        const look = () => (t.output().split('\n').length > 2 ? resolve(t.output().split('\n')[1]) : setTimeout(look, 20));
        look();
      });
    for (const t of takers) t.child.stdin!.end('go\n');
    const outcomes = await Promise.all(takers.map(said));
    expect(outcomes.sort()).toEqual(['locked', 'refused', 'refused', 'refused', 'refused']);
    await Promise.all(takers.map((t) => killed(t.child)));
  });

  it('puts the socket under the temporary directory when the data directory path is too long for one, and says where', async () => {
    const dataDir = path.join(tempDir(), 'a-rather-long-directory-name-for-the-data'.repeat(3));
    const lock = await lockDataDir(dataDir);
    try {
      expect(lock.socketPath.startsWith(os.tmpdir()) || lock.socketPath.startsWith('/tmp/')).toBe(true);
      expect(fs.readFileSync(path.join(dataDir, 'run', 'socket-path'), 'utf8').trim()).toBe(lock.socketPath);
      await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await lock.release();
    }
    const again = await lockDataDir(dataDir);
    await again.release();
  });

  it('with a too-long path, a process that sees another temporary directory (TMPDIR, PrivateTmp) is still refused', async () => {
    const dataDir = path.join(tempDir(), 'a-rather-long-directory-name-for-the-data'.repeat(3));
    const lock = await lockDataDir(dataDir);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = fs.mkdtempSync('/tmp/gk-o-');
    try {
      expect(lockSocketPath(dataDir)).not.toBe(lock.socketPath);
      await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await lock.release();
    }
  });
});
