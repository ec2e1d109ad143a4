import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../db/schema/index.ts';
import { insertTestDocument } from '../modules/catalog/public/test-documents.ts';
import { SearchCache, searchKey } from '../modules/catalog/public/search-cache.ts';
import type { SearchResult } from '../modules/catalog/public/search-documents.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const result = (title: string): SearchResult => ({
  total: 1,
  totalExact: true,
  totalKind: 'exact',
  page: 1,
  pageSize: 20,
  sort: 'relevance',
  hits: [{ id: 'x', title, url: '/doc/x', snippet: title, column: '栏目', publishedAt: '2024-01-01T00:00:00.000Z', titleHtml: title, columnSlug: 'c', docNumber: null, publisher: '单位', validity: 'valid' }],
});

describe('search result cache', () => {
  it('keys the query as the search reads it, with every filter', () => {
    expect(searchKey({ q: ' 政务　公开 ' })).toBe(searchKey({ q: '政务 公开' }));
    expect(searchKey({ q: 'ＡＢＣ' })).toBe(searchKey({ q: 'abc' }));
    expect(searchKey({ q: '政务公开' })).not.toBe(searchKey({ q: '政务公开', sort: 'date' }));
    expect(searchKey({ q: '政务公开' })).not.toBe(searchKey({ q: '政务公开', page: 2 }));
    expect(searchKey({ q: '政务公开', year: 2021 })).not.toBe(searchKey({ q: '政务公开', year: 2022 }));
    expect(searchKey({ q: 'x'.repeat(101) })).toBeNull();
  });

  it('searches once for readers of the same query and version, again for a new version', async () => {
    const cache = new SearchCache();
    let searches = 0;
    const search = async () => (searches++, result(`第${searches}次`));
    const [a, b] = await Promise.all([cache.get('v1', 'k', search), cache.get('v1', 'k', search)]);
    expect(searches).toBe(1);
    expect(a).toBe(b);
    expect(await cache.get('v1', 'k', search)).toBe(a);
    expect((await cache.get('v2', 'k', search)).hits[0].title).toBe('第2次');
    await expect(cache.get('v3', 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await cache.get('v3', 'k', search)).hits[0].title).toBe('第3次');
  });

  it('is bounded in entries and in bytes, least recently used out first', async () => {
    const byCount = new SearchCache(3, 1 << 30);
    for (const k of ['a', 'b', 'c']) await byCount.get('v', k, async () => result(k));
    await byCount.get('v', 'a', async () => result('again')); // a is now the most recent
    await byCount.get('v', 'd', async () => result('d'));
    expect(byCount.size.entries).toBe(3);
    expect((await byCount.get('v', 'a', async () => result('miss'))).hits[0].title).toBe('a');
    expect((await byCount.get('v', 'b', async () => result('miss'))).hits[0].title).toBe('miss');

    const big = result('长'.repeat(1_000));
    const byBytes = new SearchCache(1_000, 40_000);
    for (let i = 0; i < 50; i++) await byBytes.get('v', String(i), async () => big);
    expect(byBytes.size.bytes).toBeLessThanOrEqual(40_000);
    expect(byBytes.size.entries).toBeLessThan(50);
    expect(byBytes.size.entries).toBeGreaterThan(0);
  });
});

describe('search over HTTP with the result cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const search = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    return (res.json() as SearchResult).hits.map((h) => h.id);
  };

  it('answers from the cache while the catalog is unchanged and searches again once a change is recorded', async () => {
    const [training] = await t.database.db.select({ id: documents.id, title: documents.title }).from(documents).then((all) => all.filter((d) => d.title.includes('政务公开工作培训')));
    expect(await search('培训')).toContain(training.id);
    // Written behind the catalog's back (no audit row): the kept result is still given.
    const quiet = await insertTestDocument(t.database.db, { column: 'tzgg', title: '关于培训场地变更的补充通知' });
    await sleep(250);
    expect(await search('培训')).not.toContain(quiet);
    // A recorded change (a withdrawal through the review API) moves the catalog's version.
    const approver = await t.userWith(['approver'], '区政府办公室');
    const r = await approver.request('POST', `/api/documents/${training.id}/withdraw`, { reason: '培训时间调整' });
    expect(r.statusCode).toBe(200);
    await sleep(250);
    const after = await search('培训');
    expect(after).not.toContain(training.id);
    expect(after).toContain(quiet);
    // The results page reads the same results.
    const page = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('培训')}` });
    expect(page.body).toContain(`/doc/${quiet}`);
    expect(page.body).not.toContain(`/doc/${training.id}`);
  });

  it('a scheduled document coming due is a change: the search finds it without any write', async () => {
    const due = new Date(Date.now() + 1_500);
    const id = await insertTestDocument(t.database.db, { column: 'tzgg', title: '定时公开的防汛演练通知', status: 'scheduled', publishedAt: due });
    await sleep(250);
    expect(await search('防汛演练')).toEqual([]);
    await sleep(due.getTime() - Date.now() + 250);
    expect(await search('防汛演练')).toEqual([id]);
  });
});
