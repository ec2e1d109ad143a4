/**
 * The data-directory lock under a stalled server and after a crash (issue 8, section 1).
 *   npx tsx bench/lock-stall.ts            # STALL_SECONDS=60 by default
 * 1. starts a server (`gongkai serve`) on a new PGlite data directory (the first start seeds it);
 * 2. stops it dead with SIGSTOP for STALL_SECONDS — no timer, no event loop, no I/O runs in it, a
 *    stricter stall than any blocked event loop — and meanwhile starts a second server on the same
 *    directory again and again: each must be refused (the old lock was taken as abandoned after 30 s);
 * 3. resumes it (SIGCONT): it answers /api/health and still holds the directory, and an operator
 *    command (`gongkai user add`) run now is executed by it over the directory's socket;
 * 4. kills it with SIGKILL and starts a new server at once: it must start, not be refused.
 * Prints the figures; exits 1 if any expectation fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const STALL_SECONDS = Number(process.env.STALL_SECONDS ?? 60);
const bin = path.resolve('bin/gongkai.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-lock-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', JOBS_POLL_SECONDS: '0' };
let failures = 0;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

/** Starts `gongkai serve`; resolves once it says it started (with its URL), or with its refusal. */
function serve(): Promise<{ child: ChildProcess; url: string | null; stderr: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      const m = /Gongkai 已启动：(http:\/\/\S+?)\/ /.exec(stderr);
      if (m) resolve({ child, url: m[1], stderr, ms: performance.now() - t0 });
    });
    child.once('exit', () => resolve({ child, url: null, stderr, ms: performance.now() - t0 }));
  });
}

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr, ms: performance.now() - t0 })));
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

try {
  const first = await serve();
  if (!first.url) throw new Error(`the server did not start: ${first.stderr}`);
  console.log(`first start (create + seed): ${(first.ms / 1000).toFixed(1)} s`);

  first.child.kill('SIGSTOP');
  const stalledAt = performance.now();
  const attempts: { atS: number; refused: boolean; ms: number }[] = [];
  while (performance.now() - stalledAt < STALL_SECONDS * 1000) {
    const atS = (performance.now() - stalledAt) / 1000;
    const second = await serve();
    const refused = second.url === null && /正被另一个 Gongkai 进程使用/.test(second.stderr);
    if (second.url) second.child.kill('SIGKILL');
    attempts.push({ atS, refused, ms: second.ms });
    await new Promise((r) => setTimeout(r, 2_000));
  }
  const stalledS = (performance.now() - stalledAt) / 1000;
  console.log(`second starts during a ${stalledS.toFixed(0)} s stall: ${attempts.map((a) => `${a.atS.toFixed(0)} s ${a.refused ? 'refused' : 'STARTED'} (${(a.ms / 1000).toFixed(1)} s)`).join(', ')}`);
  check(attempts.length > 0 && attempts.every((a) => a.refused), `every second start refused while the server was stopped for ${stalledS.toFixed(0)} s (${attempts.length} tries, the last at ${attempts.at(-1)?.atS.toFixed(0)} s)`);

  first.child.kill('SIGCONT');
  const health = await fetch(`${first.url}/api/health`).then((r) => r.status, () => 0);
  check(health === 200, `after SIGCONT the server answers /api/health (${health})`);
  const add = await run(['user', 'add', '--username', 'bench.lock', '--name', '锁测试', '--unit', '区司法局', '--roles', 'liaison']);
  check(add.status === 0 && add.stdout.trim().length >= 10, `user add while the server runs, executed by the server: exit ${add.status} in ${(add.ms / 1000).toFixed(1)} s`);

  first.child.kill('SIGKILL');
  await exited(first.child);
  const killedAt = performance.now();
  const after = await serve();
  check(after.url !== null, `a start right after kill -9: ${after.url ? 'started' : 'REFUSED'} ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill (the old lock refused for 29–44 s)`);
  if (after.url) {
    after.child.kill('SIGTERM');
    await exited(after.child);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`load: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.exit(failures ? 1 : 0);
