import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOverloaded } from './admission-gate.ts';
import { RequestScheduler, waitsForTurn, type SchedulerLimits } from './request-scheduler.ts';

/** Burns `ms` of CPU on the main thread: a request's synchronous work. */
const burn = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
  servers = [];
});

/**
 * A server whose public pages cost `costMs` of CPU each and whose /api/health is free; `turns`
 * decides whether requests take turns (the fix) or are all started as they are read (before it).
 * Records the order in which requests were started.
 */
async function serve(costMs: number, turns: SchedulerLimits | null) {
  const started: string[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    started.push(req.url!);
    if (req.url !== '/api/health') burn(costMs);
    res.end('ok');
  };
  const scheduler = turns && new RequestScheduler(turns, writeOverloaded);
  const server = http.createServer((req, res) => (scheduler ? scheduler.admit(req, res, handler) : handler(req, res)));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, started, scheduler };
}

function get(port: number, path: string, agent: http.Agent): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined }));
      })
      .on('error', reject);
  });
}

/** `n` keep-alive connections opened first, then one page request on each, all ready in one turn of the loop. */
async function burst(port: number, n: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  await Promise.all(Array.from({ length: n }, () => get(port, '/api/warm', agent)));
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => get(port, `/page/${i}`, agent)));
  agent.destroy();
  return answers;
}

/**
 * 150 keep-alive connections each with a page request in flight (3 ms of CPU each, 450 ms in all),
 * then a health check on a new connection: how many page requests were started before it?
 */
async function flood(turns: SchedulerLimits | null) {
  const { port, started } = await serve(3, turns);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 150 });
  // Open the connections first, so that the flood's requests are all ready in one turn.
  await Promise.all(Array.from({ length: 150 }, () => get(port, '/api/warm', agent)));
  started.length = 0;
  const pages = Array.from({ length: 150 }, (_, i) => get(port, `/page/${i}`, agent));
  // The health check starts once the pages are on the wire, on a connection of its own.
  await new Promise((r) => setTimeout(r, 5));
  const probe = get(port, '/api/health', new http.Agent({ keepAlive: false }));
  await Promise.all([...pages, probe]);
  agent.destroy();
  return started.indexOf('/api/health');
}

describe('request turns under a flood', () => {
  it('a health check on a new connection is read and answered between slices, not after the whole flood', async () => {
    const before = await flood(null);
    const after = await flood({ sliceMs: 10, maxQueue: 1_000, maxWaitMs: 10_000, retryAfterS: 2 });
    // Without turns every request read in one turn of the loop is started before the loop looks at
    // the new connection; with them, only a few slices' worth.
    expect(before).toBeGreaterThan(120);
    expect(after).toBeLessThan(60);
  });

  it('a request that waited past its deadline is answered 503 with Retry-After; every request is answered', async () => {
    const { port, scheduler } = await serve(5, { sliceMs: 10, maxQueue: 1_000, maxWaitMs: 60, retryAfterS: 7 });
    const answers = await burst(port, 80);
    const refused = answers.filter((a) => a.status === 503);
    expect(answers).toHaveLength(80);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(10);
    expect(refused.every((a) => a.retryAfter === '7')).toBe(true);
    expect(scheduler!.counts.shed).toBe(refused.length);
    expect(scheduler!.waiting).toBe(0);
  });

  it('refuses at once when the queue is full', async () => {
    const { port, scheduler } = await serve(5, { sliceMs: 1, maxQueue: 3, maxWaitMs: 10_000, retryAfterS: 2 });
    const answers = await burst(port, 40);
    expect(answers.some((a) => a.status === 503)).toBe(true);
    expect(scheduler!.counts.shed).toBe(answers.filter((a) => a.status === 503).length);
  });

  it('health checks, the staff API and writes never wait for a turn', () => {
    const req = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
    expect(waitsForTurn(req('GET', '/search?q=x'))).toBe(true);
    expect(waitsForTurn(req('GET', '/api/public/search?q=x'))).toBe(true);
    expect(waitsForTurn(req('HEAD', '/doc/1'))).toBe(true);
    expect(waitsForTurn(req('GET', '/api/health'))).toBe(false);
    expect(waitsForTurn(req('GET', '/api/catalog/documents'))).toBe(false);
    expect(waitsForTurn(req('GET', '/admin/assets/index-abc.js'))).toBe(false);
    expect(waitsForTurn(req('GET', '/administration'))).toBe(true);
    expect(waitsForTurn(req('POST', '/xxgk/ysqgk'))).toBe(false);
    expect(waitsForTurn(req('POST', '/api/public/qa/questions'))).toBe(false);
  });
});
