/**
 * Start-up benchmark: time from `npm start` (the command it runs after its build step, `node dist/server/gongkai.mjs serve`) to a
 * healthy /api/health on an existing data directory, and the server's RSS once started.
 * Targets: under 3 s on PGlite, under 250 MB RSS.
 *   npx tsx bench/startup.ts            # PGlite
 *   DATABASE_URL=postgres://… npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
const RUNS = Number(process.env.RUNS ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-start-'));
const port = 3900 + Math.floor(Math.random() * 90);
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', JOBS_POLL_SECONDS: '0' };

async function startOnce(): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/server/gongkai.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rssMb };
}

const first = await startOnce(); // creates and seeds the data directory
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await startOnce());
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const rss = runs.map((r) => r.rssMb).sort((a, b) => a - b);
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
console.log(`startup[${db}] first start (create + seed): ${first.ms.toFixed(0)} ms, RSS ${first.rssMb.toFixed(0)} MB`);
console.log(`startup[${db}] existing data, ${RUNS} runs: median ${ms[Math.floor(RUNS / 2)].toFixed(0)} ms, max ${ms[RUNS - 1].toFixed(0)} ms (target < 3000 ms)`);
console.log(`startup[${db}] RSS after start: median ${rss[Math.floor(RUNS / 2)].toFixed(0)} MB, max ${rss[RUNS - 1].toFixed(0)} MB (target < 250 MB)`);
fs.rmSync(dataDir, { recursive: true, force: true });
