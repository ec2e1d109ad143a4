/**
 * The server under load: can one slow route starve the rest?
 *
 * Starts the built server (`node dist/server/gongkai.mjs serve`, what `npm start` runs) on a fresh
 * data directory (PGlite), or with DATABASE_URL on a new database of that PostgreSQL server (dropped
 * afterwards), seeded with the demo catalog. Then:
 *
 * 1. Server CPU per request, sequential, machine otherwise as it is: the search API and the /search
 *    page, each with one query repeated (kept results) and with a new query every time (searched),
 *    next to the stylesheet (the framework's floor) and a document page kept in memory. From
 *    /proc/<pid>/stat (user + system) over N requests.
 * 2. CONNECTIONS (500) keep-alive connections for DURATION (60 s) of mixed requests — /search and
 *    /api/public/search with thousands of different queries (mostly not kept), document and column
 *    pages — from a separate process (bench/load-generator.mjs), while /api/health is asked every
 *    200 ms from here. Prints socket errors, request rate, status counts, health p50/p99/max, RSS at
 *    start / peak / 30 s after the load.
 *
 * Targets: no socket errors, /api/health p99 < 1 s, RSS back within 50 MB of the start; search API
 * < 1 ms and /search page < 2 ms of server CPU per request on the demo catalog.
 *
 *   npx tsx bench/load.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.ts
 *   DURATION=20 CONNECTIONS=200 CPU_N=200 npx tsx bench/load.ts
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TOPICS } from './search-corpus.ts';

const DURATION_S = Number(process.env.DURATION ?? 60);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 500);
const CPU_N = Number(process.env.CPU_N ?? 400);
const AFTER_S = Number(process.env.AFTER ?? 30);
const adminUrl = process.env.DATABASE_URL;
const backend = adminUrl ? 'postgres' : 'pglite';

execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-load-'));
const port = 4600 + Math.floor(Math.random() * 300);
const base = `http://127.0.0.1:${port}`;
const dbName = `gk_bench_load_${process.pid}`;
let server: ChildProcess | null = null;

const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** CPU time (user + system) of a process in ms, from /proc (clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * (1000 / 100);
};

/** Time on a CPU and time runnable but waiting for one, in ms (/proc/<pid>/schedstat): how starved the server was. */
const sched = (pid: number) => {
  const [run, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
  return { run: run / 1e6, wait: wait / 1e6 };
};

/** One GET on its own keep-alive agent; resolves with status and milliseconds (or the error). */
// Unlimited sockets: a slow answer must not hold the next probe back in the client's own queue.
const probeAgent = new http.Agent({ keepAlive: true });
function get(url: string, timeoutMs = 10_000): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(`${base}${url}`, { agent: probeAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - t0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

async function startServer() {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(tmp, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_POLL_SECONDS: '0' };
  delete env.NODE_ENV;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  } else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/server/gongkai.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  server = child;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (i > 1200) throw new Error('server did not come up in 120 s');
    try {
      if ((await get('/api/health', 2_000)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

async function stopServer() {
  const child = server;
  server = null;
  if (child && child.exitCode === null && !child.signalCode) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  }
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

/** Queries drawn from the vocabulary of government documents: two topics, sometimes a filter or page. */
function queries(n: number, seed: number): string[] {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const extras = ['', '', '', '&sort=date', '&page=2', ...Array.from({ length: 12 }, (_, i) => `&year=${2015 + i}`)];
  const out = new Set<string>();
  while (out.size < n) out.add(`q=${encodeURIComponent(`${pick(TOPICS)} ${pick(TOPICS)}`)}${pick(extras)}`);
  return [...out];
}

/** Server CPU per request over `urls` (asked in turn, sequentially), after a short warm-up. */
async function cpuPerRequest(pid: number, urls: string[], warm: string[] = urls.slice(0, 20)) {
  for (const u of warm) await get(u);
  const c0 = cpuMs(pid);
  const t0 = performance.now();
  const statuses = new Set<number>();
  for (let i = 0; i < CPU_N; i++) statuses.add((await get(urls[i % urls.length])).status);
  return { cpu: (cpuMs(pid) - c0) / CPU_N, wall: (performance.now() - t0) / CPU_N, statuses: [...statuses].join('/') };
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN);

try {
  console.log(`load[${backend}]: ${os.cpus().length} CPUs, load average before start ${loadavg()}`);
  const child = await startServer();
  const pid = child.pid!;

  // What there is to ask for: the documents (sitemap) and the columns.
  const sitemap = (await get('/sitemap.xml')).body;
  const docs = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/doc\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  const columns = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/xxgk\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  console.log(`load[${backend}]: demo catalog: ${docs.length} documents, ${columns.length} columns`);

  // 1. CPU per request.
  const fresh = queries(4 * CPU_N + 200, 7);
  const same = `q=${encodeURIComponent('政务公开')}`;
  const cpuRows: [string, Awaited<ReturnType<typeof cpuPerRequest>>][] = [
    ['stylesheet (framework floor)', await cpuPerRequest(pid, ['/assets/portal.css'])],
    ['document page, kept', await cpuPerRequest(pid, [docs[0]])],
    ['search API, same query (kept)', await cpuPerRequest(pid, [`/api/public/search?${same}`])],
    ['/search page, same query (kept)', await cpuPerRequest(pid, [`/search?${same}`])],
    ['search API, new query each time', await cpuPerRequest(pid, fresh.slice(0, CPU_N).map((q) => `/api/public/search?${q}`), fresh.slice(-20).map((q) => `/api/public/search?${q}`))],
    ['/search page, new query each time', await cpuPerRequest(pid, fresh.slice(CPU_N, 2 * CPU_N).map((q) => `/search?${q}`), fresh.slice(-40, -20).map((q) => `/search?${q}`))],
  ];
  console.log(`load[${backend}]: server CPU per request (${CPU_N} sequential requests each; load average ${loadavg()}):`);
  for (const [name, r] of cpuRows) console.log(`  ${name.padEnd(36)} ${r.cpu.toFixed(2).padStart(6)} ms CPU   ${r.wall.toFixed(2).padStart(6)} ms wall   status ${r.statuses}`);

  // 2. The load.
  await new Promise((r) => setTimeout(r, 2_000));
  const rssStart = rssMb(pid);
  const cpuStart = cpuMs(pid);
  const schedStart = sched(pid);
  const mix = [
    ...queries(6_000, 11).map((q) => `/search?${q}`),
    ...queries(3_000, 13).map((q) => `/api/public/search?${q}`),
    ...Array.from({ length: 3_000 }, (_, i) => docs[i % docs.length]),
    ...Array.from({ length: 1_000 }, (_, i) => columns[i % columns.length]),
  ];
  const urlsFile = path.join(tmp, 'urls.json');
  fs.writeFileSync(urlsFile, JSON.stringify(mix));
  const gen = spawn(process.execPath, ['bench/load-generator.mjs'], {
    env: { ...process.env, BASE_URL: base, URLS_FILE: urlsFile, CONNECTIONS: String(CONNECTIONS), DURATION_MS: String(DURATION_S * 1000) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let genOut = '';
  gen.stdout!.on('data', (d) => (genOut += d));
  const genDone = new Promise<void>((r) => gen.once('exit', () => r()));

  const health: number[] = [];
  const healthFailed: string[] = [];
  let rssPeak = rssStart;
  let loadPeak = 0;
  const started = Date.now();
  const probes: Promise<void>[] = [];
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(pid));
    loadPeak = Math.max(loadPeak, os.loadavg()[0]);
    probes.push(
      get('/api/health', 10_000).then(
        (r) => {
          health.push(r.ms);
          if (r.status !== 200) healthFailed.push(`${r.status}`);
        },
        (err: Error) => {
          health.push(10_000);
          healthFailed.push(err.message);
        },
      ),
    );
  }, 200);
  await genDone;
  clearInterval(timer);
  await Promise.all(probes);
  const loadS = (Date.now() - started) / 1000;
  const cpuLoad = cpuMs(pid) - cpuStart;
  const schedEnd = sched(pid);
  const g = JSON.parse(genOut.trim().split('\n').at(-1)!) as { requests: number; status: Record<string, number>; errors: Record<string, number>; timeouts: number; ok: { p50: number; p99: number; max: number } };

  // 3. Memory after the load.
  const after: number[] = [];
  for (let i = 0; i < AFTER_S; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    after.push(rssMb(pid));
  }
  const rssAfter = after.at(-1)!;
  const healthAfter = await get('/api/health');

  const socketErrors = Object.values(g.errors).reduce((a, b) => a + b, 0);
  console.log(`load[${backend}]: ${CONNECTIONS} connections for ${DURATION_S} s (mixed: /search, /api/public/search with ${(9_000).toLocaleString('en')} different queries, ${docs.length} document pages, ${columns.length} column pages; load average peak ${loadPeak.toFixed(2)})`);
  console.log(`  requests            ${g.requests} (${(g.requests / loadS).toFixed(0)}/s); server CPU ${(cpuLoad / 1000).toFixed(1)} s (${((100 * cpuLoad) / (loadS * 1000)).toFixed(0)}% of one core)`);
  console.log(`  server scheduling   main thread on a CPU ${((schedEnd.run - schedStart.run) / 1000).toFixed(1)} s, runnable but waiting for a CPU ${((schedEnd.wait - schedStart.wait) / 1000).toFixed(1)} s (other processes on this machine)`);
  console.log(`  status              ${Object.entries(g.status).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  console.log(`  socket errors       ${socketErrors}${socketErrors ? ` (${JSON.stringify(g.errors)})` : ''}; timeouts (10 s) ${g.timeouts}`);
  console.log(`  200 latency         p50 ${g.ok.p50?.toFixed(1)} ms, p99 ${g.ok.p99?.toFixed(1)} ms, max ${g.ok.max?.toFixed(0)} ms`);
  console.log(`  /api/health         ${health.length} probes: p50 ${pct(health, 0.5).toFixed(1)} ms, p99 ${pct(health, 0.99).toFixed(1)} ms, max ${Math.max(...health).toFixed(0)} ms; failed ${healthFailed.length}${healthFailed.length ? ` (${[...new Set(healthFailed)].join(', ')})` : ''} (target p99 < 1000 ms)`);
  console.log(`  RSS                 start ${rssStart.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, ${AFTER_S} s after ${rssAfter.toFixed(0)} MB (${rssAfter - rssStart >= 0 ? '+' : ''}${(rssAfter - rssStart).toFixed(0)} MB; target within 50 MB)`);
  console.log(`  health after        ${healthAfter.status} in ${healthAfter.ms.toFixed(1)} ms`);
} finally {
  await stopServer().catch((err) => console.error(err));
  fs.rmSync(tmp, { recursive: true, force: true });
}
