// The load of bench/load.ts, run in its own process so that the health probe's timings are not those
// of a busy load generator: CONNECTIONS keep-alive connections, each sending its next request as soon
// as the last is answered (a 503 included: the worst case for the server), for DURATION_MS, to
// 127.0.0.1 only. URLs are drawn from the JSON list in the file URLS_FILE (weights by repetition). Prints one JSON
// line: counts by status, socket errors by code, timeouts, requests, latency percentiles of 200s.
import fs from 'node:fs';
import http from 'node:http';

const base = new URL(process.env.BASE_URL);
if (base.hostname !== '127.0.0.1') throw new Error('loopback only');
const urls = JSON.parse(fs.readFileSync(process.env.URLS_FILE, 'utf8'));
const connections = Number(process.env.CONNECTIONS ?? 500);
const durationMs = Number(process.env.DURATION_MS ?? 60_000);
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 10_000);

const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
const status = {};
const errors = {};
let timeouts = 0;
let requests = 0;
const okLatency = [];
const end = Date.now() + durationMs;
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

function once() {
  return new Promise((resolve) => {
    const path = urls[Math.floor(random() * urls.length)];
    const t0 = performance.now();
    const req = http.get({ host: base.hostname, port: base.port, path, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        requests++;
        status[res.statusCode] = (status[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 200) okLatency.push(performance.now() - t0);
        resolve();
      });
      res.on('error', () => resolve());
    });
    req.setTimeout(timeoutMs, () => {
      timeouts++;
      req.destroy(new Error('timeout'));
    });
    req.on('error', (err) => {
      if (err.message !== 'timeout') errors[err.code ?? err.message] = (errors[err.code ?? err.message] ?? 0) + 1;
      resolve();
    });
  });
}

async function user() {
  while (Date.now() < end) await once();
}

await Promise.all(Array.from({ length: connections }, user));
agent.destroy();
okLatency.sort((a, b) => a - b);
const pct = (p) => (okLatency.length ? okLatency[Math.min(okLatency.length - 1, Math.floor(p * okLatency.length))] : null);
process.stdout.write(JSON.stringify({ requests, status, errors, timeouts, ok: { p50: pct(0.5), p99: pct(0.99), max: okLatency.at(-1) ?? null } }) + '\n');
