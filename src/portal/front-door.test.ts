import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documents } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { PortalFrontDoor } from './front-door.ts';

/**
 * The front door over a real socket: once the full path has answered a page, the same URL is
 * answered from the page cache before Fastify, with the same headers and bytes, and a recorded
 * change stops it within the change check's interval.
 */
describe('portal front door', () => {
  let t: TestApp;
  let base: string;
  let docUrl: string;
  const tryServe = vi.spyOn(PortalFrontDoor.prototype, 'tryServe');
  /** Whether the last request was answered by the front door. */
  const servedInFront = () => tryServe.mock.results.at(-1)?.value === true;
  /**
   * Fetches until the front door answers (at most a few times): when the change check is due (every
   * 200 ms, easily passed between two requests on a loaded machine) the framework answers instead.
   */
  const fetchInFront = async (url: string, init?: RequestInit) => {
    for (let i = 0; i < 5; i++) {
      const r = await fetch(url, init);
      if (servedInFront()) return r;
      await r.arrayBuffer();
    }
    throw new Error(`front door never answered ${url}`);
  };
  const headersOf = (r: Response) => Object.fromEntries([...r.headers].filter(([k]) => k !== 'date' && k !== 'keep-alive' && k !== 'connection'));

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const [doc] = await t.database.db.select({ id: documents.id }).from(documents).limit(1);
    docUrl = `/doc/${doc.id}`;
  });
  afterAll(async () => {
    tryServe.mockRestore();
    await t.close();
  });

  it('answers a page the full path has answered, with the same headers and bytes', async () => {
    const first = await fetch(base + docUrl);
    expect(first.status).toBe(200);
    expect(servedInFront()).toBe(false);
    const firstBody = await first.text();

    const second = await fetchInFront(base + docUrl);
    expect(second.status).toBe(200);
    await expect(second.text()).resolves.toBe(firstBody);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(second.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('answers revalidation with 304 and HEAD without a body', async () => {
    const etag = (await fetch(base + docUrl)).headers.get('etag')!;
    const revalidated = await fetchInFront(base + docUrl, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    await expect(revalidated.text()).resolves.toBe('');

    const head = await fetchInFront(base + docUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
  });

  it('leaves other methods, other URLs of the page and unknown pages to the framework', async () => {
    const post = await fetch(base + docUrl, { method: 'POST' });
    expect(servedInFront()).toBe(false);
    expect(post.status).toBe(404);
    await fetch(`${base}${docUrl}?from=rss`);
    expect(servedInFront()).toBe(false);
    const missing = await fetch(`${base}/doc/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    await fetch(`${base}/doc/00000000-0000-4000-8000-000000000000`);
    expect(servedInFront()).toBe(false);
  });

  it('stops answering the old page once a change is recorded', async () => {
    await (await fetchInFront(base + docUrl)).text();
    const office = await t.userWith(['office_admin']);
    const res = await office.request('POST', `/api/documents${docUrl.slice(4)}/withdraw`, { reason: '测试撤稿：内容已过时' });
    expect(res.statusCode).toBe(200);
    // The change check runs at most every 200 ms; within that the page may still be the old one.
    await new Promise((r) => setTimeout(r, 250));
    const after = await (await fetch(base + docUrl)).text();
    expect(after).toContain('测试撤稿：内容已过时');
  });
});
