import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentInterpretations, documents, units } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../testing/test-app.ts';
import { searchDocuments } from './search-documents.ts';
import { forgetTermStats, termStats } from './term-stats.ts';
import { insertTestDocument } from './test-documents.ts';

/** The public search, as JSON and as the results page, on the demo catalog and a few documents written here. */
describe('public search', () => {
  let t: TestApp;
  const sample: Record<string, string> = {};
  let wifi: string;
  let inBody: string;
  let inTitle: string;
  const api = async (query: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/search?${new URLSearchParams(query)}` });
    return { status: res.statusCode, body: res.json() };
  };
  const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id);

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    for (const d of await t.database.db.select({ id: documents.id, title: documents.title }).from(documents)) sample[d.title.replace('【示例】', '')] = d.id;
    const db = t.database.db;
    wifi = await insertTestDocument(db, { column: 'tzgg', title: '关于推进5G网络和WiFi热点建设的通知', body: '<p>推进 5G 基站与公共 WiFi 覆盖，APP 接入。</p>', publishedAt: new Date('2023-08-01T02:00:00Z') });
    inBody = await insertTestDocument(db, { column: 'gzdt', title: '区里召开工作会议', body: '<p>会议研究了档案管理事项。</p>', publishedAt: new Date('2024-05-01T02:00:00Z') });
    inTitle = await insertTestDocument(db, { column: 'gzdt', title: '档案管理工作要点', body: '<p>全年工作安排。</p>', publishedAt: new Date('2022-05-01T02:00:00Z') });
    await insertTestDocument(db, { column: 'gzdt', title: '档案管理草稿', status: 'draft' });
    await insertTestDocument(db, { column: 'gzdt', title: '撤回的档案管理通知', status: 'withdrawn', withdrawnReason: '重复发布', publishedAt: new Date('2023-01-01T00:00:00Z') });
  });
  afterAll(() => t.close());

  const BUDGET = '渝中区2021年区级部门预算公开说明';
  const SYSTEM = '渝中区政府信息公开保密审查制度';

  it('finds a sample by a two-character word and marks it in title and snippet', async () => {
    const { status, body } = await api({ q: '预算' });
    expect(status).toBe(200);
    expect(ids(body)).toEqual([sample[BUDGET]]);
    const hit = body.hits[0];
    expect(hit.titleHtml).toBe('【示例】渝中区2021年区级部门<mark>预算</mark>公开说明');
    expect(hit.snippet).toContain('<mark>预算</mark>收支总表');
    expect(hit.url).toBe(`/doc/${sample[BUDGET]}`);
    expect(hit.column).toBe('预算');
  });

  it('answers with exactly the documented keys', async () => {
    const { body } = await api({ q: '预算' });
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['total', 'hits']));
    expect(body.total).toBe(1);
    expect(Object.keys(body.hits[0])).toEqual(expect.arrayContaining(['id', 'title', 'url', 'snippet', 'column', 'publishedAt']));
    expect(body.hits[0].title).toBe(`【示例】${BUDGET}`);
    expect(body.hits[0].publishedAt).toBe('2021-02-15T01:30:00.000Z');
    expect(typeof body.hits[0].snippet).toBe('string');
  });

  it('finds by one character', async () => {
    const { body } = await api({ q: '预' });
    expect(ids(body)).toContain(sample[BUDGET]);
    expect(body.hits.find((h: { id: string }) => h.id === sample[BUDGET]).titleHtml).toContain('<mark>预</mark>算');
  });

  it('finds a sample by its document number, first', async () => {
    const { body } = await api({ q: '渝中府办发〔2021〕12号' });
    expect(ids(body)[0]).toBe(sample[SYSTEM]);
    expect(body.hits[0].docNumber).toBe('渝中府办发〔2021〕12号');
    // Full-width digits and brackets written differently still match.
    expect(ids((await api({ q: '渝中府办发[２０２１]12号' })).body)[0]).toBe(sample[SYSTEM]);
  });

  it('finds latin words and digits, in any case', async () => {
    expect(ids((await api({ q: 'WiFi' })).body)).toEqual([wifi]);
    expect(ids((await api({ q: 'wifi' })).body)).toEqual([wifi]);
    expect(ids((await api({ q: '5G' })).body)).toEqual([wifi]);
    const { body } = await api({ q: 'app' });
    expect(ids(body)).toEqual([wifi]);
    expect(body.hits[0].snippet).toContain('<mark>APP</mark>');
    expect(ids((await api({ q: '2020' })).body)).toContain(sample['关于公开《市场准入负面清单（2020年版）》的通知']);
    // A digit run matches whole runs: 20 is not part of 2020.
    expect(ids((await api({ q: '20' })).body)).not.toContain(sample['关于公开《市场准入负面清单（2020年版）》的通知']);
  });

  it('filters by year, column (with the columns below it), site and validity', async () => {
    expect(ids((await api({ q: '2021', year: '2021' })).body)).toHaveLength(7);
    expect((await api({ q: '2021', year: '2020' })).body.total).toBe(0);
    expect(ids((await api({ q: '预算', column: 'fdzdgknr' })).body)).toEqual([sample[BUDGET]]);
    expect(ids((await api({ q: '预算', column: 'xxgk' })).body)).toEqual([sample[BUDGET]]);
    expect((await api({ q: '预算', column: 'tzgg' })).body.total).toBe(0);
    expect((await api({ q: '预算', column: 'no-such' })).body.total).toBe(0);
    const [region] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.kind, 'region'));
    const [edu] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区教委'));
    expect((await api({ q: '预算', unit: region.id })).body.total).toBe(1);
    expect((await api({ q: '预算', unit: edu.id })).body.total).toBe(0);
    expect((await api({ q: '预算', validity: 'valid' })).body.total).toBe(1);
    expect((await api({ q: '预算', validity: 'repealed' })).body.total).toBe(0);
  });

  it('filters by type: 政策文件, 通知公告 and 工作动态 by column, 政策解读 by the link to a policy', async () => {
    const db = t.database.db;
    const policy = await insertTestDocument(db, { column: 'zd', title: '渝中区养老服务补贴管理办法', publishedAt: new Date('2024-03-01T02:00:00Z') });
    const reading = await insertTestDocument(db, { column: 'gzdt', title: '图解渝中区养老服务补贴管理办法', publishedAt: new Date('2024-03-02T02:00:00Z') });
    const notice = await insertTestDocument(db, { column: 'tzgg', title: '关于申领养老服务补贴的通知', publishedAt: new Date('2024-03-03T02:00:00Z') });
    await db.insert(documentInterpretations).values({ policyId: policy, interpretationId: reading, form: 'image' });
    expect(ids((await api({ q: '养老', type: 'policy' })).body)).toEqual([policy]);
    expect(ids((await api({ q: '养老', type: 'interpretation' })).body)).toEqual([reading]);
    expect(ids((await api({ q: '养老', type: 'notice' })).body)).toEqual([notice]);
    // The interpretation sits in 工作动态, so it is news by its column too.
    expect(ids((await api({ q: '养老', type: 'news' })).body)).toEqual([reading]);
    expect((await api({ q: '养老' })).body.total).toBe(3);
    const bad = await api({ q: '养老', type: 'video' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('信息类型');
    // The results page offers the choice and keeps it.
    const page = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('养老')}&type=interpretation` });
    expect(page.body).toContain('<label for="s-type">信息类型</label>');
    expect(page.body).toContain('<option value="interpretation" selected="">政策解读</option>');
    expect(page.body).toContain(`href="/doc/${reading}"`);
    expect(page.body).not.toContain(`href="/doc/${policy}"`);
  });

  it('ranks a title match above a body match, or by date when asked; never shows drafts or withdrawn documents', async () => {
    const rel = await api({ q: '档案管理' });
    expect(ids(rel.body)).toEqual([inTitle, inBody]);
    const byDate = await api({ q: '档案管理', sort: 'date' });
    expect(ids(byDate.body)).toEqual([inBody, inTitle]);
  });

  it('pages through results', async () => {
    const all = await api({ q: '2021', sort: 'date' });
    expect(all.body.total).toBe(7);
    expect(all.body.hits.map((h: { publishedAt: string }) => h.publishedAt)).toEqual([...all.body.hits.map((h: { publishedAt: string }) => h.publishedAt)].sort().reverse());
    expect((await api({ q: '2021', page: '2' })).body.hits).toEqual([]);
  });

  it('refuses a blank query with a Chinese message, and other bad parameters', async () => {
    for (const q of ['', '   ']) {
      const { status, body } = await api({ q });
      expect(status).toBe(400);
      expect(body.error.code).toBe('query_required');
      expect(body.error.message).toBe('请输入搜索词');
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/public/search' });
    expect(none.statusCode).toBe(400);
    expect((await api({ q: '预算', sort: 'popular' })).status).toBe(400);
    expect((await api({ q: '预算', year: 'x' })).status).toBe(400);
    expect((await api({ q: '预'.repeat(101) })).body.error.message).toContain('不能超过 100 个字');
    // Punctuation only: nothing searchable, nothing found.
    expect((await api({ q: '〔〕！' })).body).toMatchObject({ total: 0, hits: [] });
  });

  it('results page marks matches, keeps the filters, and renders a query with markup inert', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('政务公开')}&sort=date` });
    expect(page.statusCode).toBe(200);
    // The count the page prints is the search's own (other modules' demo documents mention 政务公开 too).
    const { total } = (await api({ q: '政务公开' })).body;
    expect(total).toBeGreaterThanOrEqual(2);
    expect(page.body).toContain(`共找到 ${total} 条结果`);
    expect(page.body).toContain('<mark>政务公开</mark>');
    expect(page.body).toMatch(/<option value="date" selected="">按发布时间<\/option>/);
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(evil)}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // A document whose title holds markup is escaped around the marks too.
    const id = await insertTestDocument(t.database.db, { column: 'tzgg', title: '关于<b>加粗</b>标题与 script 标签的说明', publishedAt: new Date('2024-01-01T00:00:00Z') });
    const hit = (await api({ q: 'script' })).body.hits.find((h: { id: string }) => h.id === id);
    expect(hit.titleHtml).toBe('关于&lt;b&gt;加粗&lt;/b&gt;标题与 <mark>script</mark> 标签的说明');
    const empty = await t.app.inject({ method: 'GET', url: '/search' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('请输入要查找的内容');
    const none = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('量子纠缠')}` });
    expect(none.body).toContain('没有找到与“量子纠缠”相关的信息');
  });

  it('with more matches than it counts: an estimate, the newest by date, the newest ranked; a very common term walks the date index', async () => {
    const db = t.database.db;
    const day = 86_400_000;
    const made: { id: string; at: number; inTitle: boolean }[] = [];
    for (let i = 0; i < 30; i++) {
      const at = Date.now() - (i * 40 + 1) * day;
      const inTitle = i % 3 === 0;
      const id = await insertTestDocument(db, { column: 'gzdt', title: inTitle ? `测绘成果第${i}批公示` : `第${i}批事项公示`, body: '<p>关于测绘地理信息的说明。</p>', publishedAt: new Date(at) });
      made.push({ id, at, inTitle });
    }
    const newest = [...made].sort((a, b) => b.at - a.at).map((m) => m.id);
    const small = { countCap: 10, rankWindow: 8, maxWalk: 0 };
    // More than the cap: not exact; by date the true newest, over the one-year window and then three years.
    const byDate = await searchDocuments(db, { q: '测绘', sort: 'date' }, small);
    expect(byDate.totalExact).toBe(false);
    expect(byDate.total).toBeGreaterThanOrEqual(10);
    expect(byDate.hits.map((h) => h.id)).toEqual(newest.slice(0, 20));
    // With enough matches counted, their dates bound the window: still the true newest.
    expect((await searchDocuments(db, { q: '测绘', sort: 'date' }, { ...small, countCap: 25 })).hits.map((h) => h.id)).toEqual(newest.slice(0, 20));
    const page2 = await searchDocuments(db, { q: '测绘', sort: 'date', page: 2 }, small);
    expect(page2.hits.map((h) => h.id)).toEqual(newest.slice(20, 30));
    // Ranked: the newest 20 (the page needs them), title matches first, newer first among equals.
    const ranked = (await searchDocuments(db, { q: '测绘' }, small)).hits.map((h) => h.id);
    const window = made.filter((m) => newest.slice(0, 20).includes(m.id));
    const expected = [...window.filter((m) => m.inTitle), ...window.filter((m) => !m.inTitle)].map((m) => m.id);
    expect(new Set(ranked)).toEqual(new Set(expected));
    expect(ranked.slice(0, 7)).toEqual(expected.slice(0, 7));
    // A very common term, by the planner's statistics: walked newest first, total estimated.
    await db.execute(sql`analyze documents`);
    forgetTermStats(db);
    const stats = await termStats(db);
    expect(stats?.freq.get('测绘')).toBeGreaterThan(0.2);
    const common = await searchDocuments(db, { q: '测绘', sort: 'date' }, { ...small, maxWalk: 1e9 });
    expect(common.totalExact).toBe(false);
    expect(common.hits.map((h) => h.id)).toEqual(newest.slice(0, 20));
    forgetTermStats(db);
  });

  it('a term common only in old documents is not walked row by row: past the walk window the GIN index answers', async () => {
    const db = t.database.db;
    const day = 86_400_000;
    const old: { id: string; at: number }[] = [];
    for (let i = 0; i < 300; i++) {
      const at = Date.now() - (3000 + i) * day;
      old.push({ id: await insertTestDocument(db, { column: 'gzdt', title: `第${i}次行政区域界线勘界`, body: '<p>勘界工作记录。</p>', publishedAt: new Date(at) }), at });
    }
    for (let i = 0; i < 110; i++) await insertTestDocument(db, { column: 'gzdt', title: `近期工作动态${i}`, publishedAt: new Date(Date.now() - (i + 1) * 3_600_000) });
    await db.execute(sql`analyze documents`);
    forgetTermStats(db);
    const stats = await termStats(db);
    // Common enough that 20 matches are expected within 50 rows: the search would walk.
    expect(stats?.freq.get('勘界')).toBeGreaterThan(20 / 50);
    // Its window, the newest 100 rows, holds no match.
    const res = await searchDocuments(db, { q: '勘界', sort: 'date' }, { countCap: 10, rankWindow: 8, maxWalk: 50 });
    expect(res.hits.map((h) => h.id)).toEqual([...old].sort((a, b) => b.at - a.at).slice(0, 20).map((o) => o.id));
    forgetTermStats(db);
  });
});
