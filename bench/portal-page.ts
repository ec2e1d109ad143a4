/**
 * The portal's document page under load, against nginx serving the same bytes as a static file.
 * Starts the real server (`node dist/server/gongkai.mjs serve`, what `npm start` runs) on a fresh
 * data directory, finds a sample document, and measures its page with `wrk -t2 -c64 -d20s`; then
 * saves that page to a file, serves it with nginx (own config in a temp directory, 127.0.0.1 only)
 * and measures it the same way. Prints requests/s and p99 latency of both and the ratio.
 * Target: ≥ 0.5 × nginx. Needs `wrk` and `nginx` (apt-get install -y wrk nginx).
 *   npx tsx bench/portal-page.ts
 *   DURATION=10s NGINX_WORKERS=1 npx tsx bench/portal-page.ts
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DURATION = process.env.DURATION ?? '20s';
const NGINX_WORKERS = process.env.NGINX_WORKERS ?? 'auto';
for (const bin of ['wrk', 'nginx']) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
  } catch {
    console.error(`缺少 ${bin}：请先运行 apt-get install -y wrk nginx`);
    process.exit(1);
  }
}

execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-portal-'));
const port = 4100 + Math.floor(Math.random() * 400);
const nginxPort = port + 500;
const children: ChildProcess[] = [];

async function waitFor(url: string, child: ChildProcess, stderr: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`exited: ${stderr()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not come up`);
}

function wrk(url: string, duration = DURATION) {
  const out = execFileSync('wrk', ['-t2', '-c64', `-d${duration}`, '--latency', url], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]);
  const [, v, unit] = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out)!;
  const p99 = Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  const socket = /Socket errors: (.*)/.exec(out)?.[1];
  return { rps, p99, errors: Number(errors), socket, out };
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<void>((ok) => {
    if (child.exitCode !== null || child.signalCode) return ok();
    child.once('exit', () => ok());
    child.kill(signal);
  });
}

try {
  // The real server, fresh data directory (seeded with the demo catalog on first start).
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(tmp, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_POLL_SECONDS: '0' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['dist/server/gongkai.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(server);
  let serverErr = '';
  server.stderr!.on('data', (d) => (serverErr += d));
  await waitFor(`http://127.0.0.1:${port}/api/health`, server, () => serverErr);

  const found = await (await fetch(`http://127.0.0.1:${port}/api/public/search?q=${encodeURIComponent('渝中府办发〔2021〕12号')}`)).json();
  const pageUrl = `http://127.0.0.1:${port}${found.hits[0].url}`;
  const html = await (await fetch(pageUrl)).text();
  console.log(`portal-page: ${found.hits[0].url} (${found.hits[0].title}), ${Buffer.byteLength(html)} bytes`);
  for (let i = 0; i < 200; i++) await (await fetch(pageUrl)).text();
  // Warm-up under the same load (JIT, buffers), as for nginx below: the figures are the steady state.
  wrk(pageUrl, '3s');

  const app = wrk(pageUrl);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
  await stop(server);

  // The same bytes as a static file behind nginx.
  const www = path.join(tmp, 'www');
  fs.mkdirSync(www);
  fs.writeFileSync(path.join(www, 'doc.html'), html);
  for (const p of [tmp, www, path.join(www, 'doc.html')]) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
  const conf = path.join(tmp, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes ${NGINX_WORKERS};
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${www};
    location = /doc { default_type "text/html; charset=utf-8"; add_header cache-control "public, max-age=60"; try_files /doc.html =404; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-p', tmp, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(nginx);
  let nginxErr = '';
  nginx.stderr!.on('data', (d) => (nginxErr += d));
  await waitFor(`http://127.0.0.1:${nginxPort}/doc`, nginx, () => nginxErr + fs.readFileSync(`${tmp}/nginx-error.log`, 'utf8'));
  wrk(`http://127.0.0.1:${nginxPort}/doc`, '3s');
  const ngx = wrk(`http://127.0.0.1:${nginxPort}/doc`);
  await stop(nginx, 'SIGQUIT');

  const line = (name: string, r: ReturnType<typeof wrk>) =>
    `  ${name.padEnd(8)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${r.p99.toFixed(2).padStart(7)} ms${r.errors ? `   non-2xx ${r.errors}` : ''}${r.socket ? `   socket errors: ${r.socket}` : ''}`;
  console.log(`portal-page: wrk -t2 -c64 -d${DURATION} on ${os.cpus().length} CPUs (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log(line('gongkai', app));
  console.log(line('nginx', ngx) + `   (worker_processes ${NGINX_WORKERS})`);
  console.log(`portal-page: gongkai / nginx = ${(app.rps / ngx.rps).toFixed(2)} of the requests/s (target ≥ 0.5); server RSS after the run ${rss.toFixed(0)} MB`);
} finally {
  for (const c of children) await stop(c);
  fs.rmSync(tmp, { recursive: true, force: true });
}
