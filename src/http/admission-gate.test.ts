import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdmissionGate, Overloaded, refuseEarly } from './admission-gate.ts';

/** Work that holds its place until released. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((ok) => (release = ok));
  return { done, release };
}

describe('admission gate', () => {
  it('admits up to its concurrency, queues in order, refuses at once when the queue is full', async () => {
    const gate = new AdmissionGate({ concurrency: 2, maxQueue: 2, maxWaitMs: 5_000, retryAfterS: 3, maxLagMs: 10_000 });
    const h = held();
    const order: number[] = [];
    const running = [1, 2, 3, 4].map((n) => gate.run(async () => (await h.done, order.push(n))));
    expect(gate.load).toEqual({ active: 2, waiting: 2 });
    const refused = await gate.run(async () => 'ran').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Overloaded);
    expect((refused as Overloaded).code).toBe('overloaded');
    expect((refused as Overloaded).retryAfterS).toBe(3);
    h.release();
    await Promise.all(running);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
    expect(gate.counts).toEqual({ admitted: 4, shed: 1 });
  });

  it('refuses a request that waited past its deadline, and skips one whose client has gone', async () => {
    const gate = new AdmissionGate({ concurrency: 1, maxQueue: 10, maxWaitMs: 100, retryAfterS: 1, maxLagMs: 10_000 });
    const h = held();
    const first = gate.run(() => h.done);
    const t0 = Date.now();
    const late = await gate.run(async () => 'ran').catch((e: unknown) => e);
    expect(late).toBeInstanceOf(Overloaded);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });

    const slow = new AdmissionGate({ concurrency: 1, maxQueue: 10, maxWaitMs: 5_000, retryAfterS: 1, maxLagMs: 10_000 });
    const h2 = held();
    const busy = slow.run(() => h2.done);
    let ranForGone = false;
    const gone = slow.run(async () => void (ranForGone = true), () => true).catch((e: unknown) => e);
    const next = slow.run(async () => 'next');
    h2.release();
    expect(await gone).toBeInstanceOf(Overloaded);
    expect(ranForGone).toBe(false);
    expect(await next).toBe('next');
    h.release();
    await Promise.all([first, busy]);
  });

  it('while no place frees (a stalled database), refused waiters do not pile up in the queue', async () => {
    const gate = new AdmissionGate({ concurrency: 1, maxQueue: 4, maxWaitMs: 20, retryAfterS: 1, maxLagMs: 10_000 });
    const h = held();
    const stuck = gate.run(() => h.done);
    for (let round = 0; round < 25; round++) {
      const refused = await Promise.all(Array.from({ length: 4 }, () => gate.run(async () => 'ran').catch((e: unknown) => e)));
      expect(refused.every((e) => e instanceof Overloaded)).toBe(true);
    }
    expect(gate.heldWaiters).toBeLessThanOrEqual(2 * 4 + 1);
    h.release();
    await stuck;
    expect(await gate.run(async () => 'after')).toBe('after');
  });

  it('refuses new work while the event loop is steadily behind and every place is taken, not after one long turn', async () => {
    const gate = new AdmissionGate({ concurrency: 4, maxQueue: 10, maxWaitMs: 1_000, retryAfterS: 1, maxLagMs: 50 });
    const busy = (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    };
    const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
    try {
      await sleep(120);
      busy(150); // one long turn
      expect(await gate.run(async () => 'ok')).toBe('ok');
      for (let i = 0; i < 3; i++) {
        await sleep(1);
        busy(150);
      }
      // With a place free the request is let in (a machine short of CPU is not a flood)…
      expect(await gate.run(async () => 'ok')).toBe('ok');
      // …with every place taken it is refused at once instead of queueing.
      const h = held();
      const working = Array.from({ length: 4 }, () => gate.run(() => h.done));
      await expect(gate.run(async () => 'ok')).rejects.toBeInstanceOf(Overloaded);
      h.release();
      await Promise.all(working);
      await sleep(200); // the loop keeps time again
      expect(await gate.run(async () => 'ok')).toBe('ok');
    } finally {
      gate.close();
    }
  });

  it('while it refuses everything, searches are answered 503 by the HTTP server itself; other paths pass', async () => {
    const gate = new AdmissionGate({ concurrency: 1, maxQueue: 1, maxWaitMs: 5_000, retryAfterS: 2, maxLagMs: 10_000 });
    const server = http.createServer((req, res) => void (refuseEarly(gate, req, res) || res.end('passed')));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/search?q=1`)).text()).toBe('passed');
      const h = held();
      const busy = [gate.run(() => h.done), gate.run(() => h.done)]; // one working, one waiting: the queue is full
      const api = await fetch(`${base}/api/public/search?q=${encodeURIComponent('政务')}`);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('2');
      expect((await api.json()).error.code).toBe('overloaded');
      const page = await fetch(`${base}/search?q=1`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('访问量过大');
      expect(await (await fetch(`${base}/api/health`)).text()).toBe('passed');
      expect(await (await fetch(`${base}/searching`)).text()).toBe('passed');
      h.release();
      await Promise.all(busy);
      expect(await (await fetch(`${base}/search?q=1`)).text()).toBe('passed');
    } finally {
      server.close();
      gate.close();
    }
  });

  it('a failing request gives its place back', async () => {
    const gate = new AdmissionGate({ concurrency: 1, maxQueue: 1, maxWaitMs: 1_000, retryAfterS: 1, maxLagMs: 10_000 });
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'ok')).toBe('ok');
  });
});

describe('admission gate over HTTP', () => {
  let t: TestApp;
  let docId: string;
  let uncachedId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const ids = (await t.database.db.select({ id: documents.id }).from(documents)).map((d) => d.id);
    [docId, uncachedId] = ids;
    // Refusal for a late event loop is tested above; here a busy test machine must not decide the timings.
    t.app.admissionGate.limits.maxLagMs = 60_000;
  });
  afterAll(() => t.close());

  it('sheds public database work with 503 + Retry-After while saturated; health and cached pages still answer', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const gate = t.app.admissionGate;
    const { concurrency, maxQueue } = gate.limits;
    expect((await get(`/doc/${docId}`)).statusCode).toBe(200); // now kept in memory

    // Every place taken and every queue slot filled by slow work.
    const h = held();
    const working = Array.from({ length: concurrency }, () => gate.run(() => h.done));
    const queued = Array.from({ length: maxQueue }, () => gate.run(() => h.done).catch((e: unknown) => e));
    expect(gate.load).toEqual({ active: concurrency, waiting: maxQueue });

    const api = await get(`/api/public/search?q=${encodeURIComponent('政务公开')}`);
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe(String(gate.limits.retryAfterS));
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.json()).toEqual({ error: { code: 'overloaded', message: expect.stringMatching(/访问量过大.*请稍后再试/) } });

    const page = await get(`/search?q=${encodeURIComponent('预算')}`);
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('访问量过大，请稍后再试');
    expect(page.body).toContain('<meta name="error-code" content="overloaded">');

    // A page not in memory needs the database: refused too.
    expect((await get(`/doc/${uncachedId}`)).statusCode).toBe(503);

    // Health does not pass the gate; a page kept in memory needs no database.
    const health = await get('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    expect((await get(`/doc/${docId}`)).statusCode).toBe(200);

    h.release();
    await Promise.all([...working, ...queued]);
    const after = await get(`/api/public/search?q=${encodeURIComponent('政务公开')}`);
    expect(after.statusCode).toBe(200);
    expect(after.json().hits.length).toBeGreaterThan(0);
  });

  it('a request that cannot get a place within the deadline is refused, not kept waiting', async () => {
    const gate = t.app.admissionGate;
    const h = held();
    const working = Array.from({ length: gate.limits.concurrency }, () => gate.run(() => h.done));
    const t0 = Date.now();
    const res = await t.app.inject({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent('规划纲要')}` });
    const waited = Date.now() - t0;
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('overloaded');
    expect(waited).toBeGreaterThanOrEqual(gate.limits.maxWaitMs - 20);
    expect(waited).toBeLessThan(gate.limits.maxWaitMs + 5_000);
    h.release();
    await Promise.all(working);
  });
});
