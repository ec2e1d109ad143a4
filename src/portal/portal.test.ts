import { eq } from 'drizzle-orm';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documentAttachments, documentInterpretations, documents, units } from '../db/schema/index.ts';
import { insertTestDocument } from '../modules/catalog/public/test-documents.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { clearPortalCaches } from './routes.ts';

/** The public portal over HTTP on the seeded demo catalog (7 sample documents) plus documents written here. */
describe('portal pages', () => {
  let t: TestApp;
  const sample: Record<string, string> = {};
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const changed = () => clearPortalCaches();

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    for (const d of await t.database.db.select({ id: documents.id, title: documents.title }).from(documents)) sample[d.title.replace('【示例】', '')] = d.id;
  });
  afterAll(() => t.close());

  const SYSTEM = '渝中区政府信息公开保密审查制度';
  const BUDGET = '渝中区2021年区级部门预算公开说明';
  const GUIDE = '渝中区人民政府政府信息公开指南';
  const PLAN = '渝中区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';

  it('home page lists the latest documents and the annual reports from the database', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/doc/${sample['关于开展2021年政务公开工作培训的通知']}"`);
    expect(res.body).toContain('年度报告发布后在此显示');
    const report = await insertTestDocument(t.database.db, { column: 'nb', title: '渝中区人民政府2023年政府信息公开工作年度报告', publishedAt: new Date('2024-01-20T02:00:00Z') });
    changed();
    const after = await get('/');
    expect(after.body).toContain(`href="/doc/${report}"`);
    // The report is the newest document of all, so it also leads the latest list.
    expect(after.body.indexOf(report)).toBeLessThan(after.body.indexOf(sample['关于开展2021年政务公开工作培训的通知']));
  });

  it('every link of the home page leads to a page of the site', async () => {
    const home = (await get('/')).body;
    const links = [...new Set([...home.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))];
    expect(links.length).toBeGreaterThan(10);
    const broken = [];
    for (const link of links) {
      const res = await get(link);
      if (res.statusCode !== 200) broken.push(`${link} → ${res.statusCode}`);
    }
    expect(broken).toEqual([]);
  });

  it('column page: breadcrumb, child columns with counts, documents of the column and below newest first', async () => {
    const res = await get('/xxgk/xxgk');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const body = res.body;
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toMatch(/<nav class="crumbs" aria-label="当前位置">.*首页.*政府信息公开/);
    for (const name of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']) expect(body).toContain(name);
    expect(body).toContain('共 5 条');
    const order = [PLAN, GUIDE, SYSTEM, BUDGET].map((title) => body.indexOf(`/doc/${sample[title]}`));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The navigation marks where the column belongs.
    const zn = await get('/xxgk/zn');
    expect(zn.body).toMatch(/<a href="\/xxgk\/zn" aria-current="page">/);
    expect(zn.body).toContain('application/rss+xml');
  });

  it('paginates 20 to a page and refuses a page past the end', async () => {
    for (let i = 0; i < 25; i++)
      await insertTestDocument(t.database.db, { column: 'tzgg', title: `分页测试通知第${String(i + 1).padStart(2, '0')}号`, publishedAt: new Date(Date.UTC(2022, 0, 1 + i)) });
    changed();
    const p1 = await get('/xxgk/tzgg');
    expect(p1.body).toContain('共 26 条，第 1 / 2 页');
    expect(p1.body.match(/class="doc-title"/g)).toHaveLength(20);
    expect(p1.body.indexOf('第25号')).toBeLessThan(p1.body.indexOf('第24号'));
    expect(p1.body).not.toContain('分页测试通知第05号');
    expect(p1.body).toContain('href="/xxgk/tzgg?page=2"');
    const p2 = await get('/xxgk/tzgg?page=2');
    expect(p2.body.match(/class="doc-title"/g)).toHaveLength(6);
    expect(p2.body).toContain('分页测试通知第01号');
    expect(p2.body).toContain('关于开展2021年政务公开工作培训的通知');
    expect(p2.body).toContain('aria-label="第 2 页，当前页"');
    expect((await get('/xxgk/tzgg?page=3')).statusCode).toBe(404);
    expect((await get('/xxgk/tzgg?page=abc')).body).toContain('第 1 / 2 页');
  });

  it('an empty column shows its note, or says it is empty', async () => {
    const nb = await get('/xxgk/gzdt');
    expect(nb.statusCode).toBe(200);
    const [col] = await t.database.db.select({ id: catalogColumns.id, slug: catalogColumns.slug }).from(catalogColumns).where(eq(catalogColumns.name, '地方政府债务'));
    expect((await get(`/xxgk/${col.slug}`)).body).toContain('本栏目暂无公开信息');
    await t.database.db.update(catalogColumns).set({ note: '本区无政府债务，本栏目暂无信息。' }).where(eq(catalogColumns.id, col.id));
    changed();
    const withNote = await get(`/xxgk/${col.slug}`);
    expect(withNote.body).toContain('备注说明');
    expect(withNote.body).toContain('本区无政府债务，本栏目暂无信息。');
  });

  it('unknown column, document or unit is a 404 page in the portal frame', async () => {
    for (const url of ['/xxgk/no-such-column', '/doc/00000000-0000-0000-0000-000000000000', '/doc/not-a-uuid', '/bm/00000000-0000-0000-0000-000000000000', '/xxgk/no-such/rss.xml', '/sitemaps/nothing.xml']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('页面不存在');
      expect(res.body, url).toContain('<html lang="zh-CN">');
      expect(res.headers.etag, url).toBeUndefined();
    }
  });

  it('document page shows every metadata field, the body, and the column', async () => {
    const res = await get(`/doc/${sample[SYSTEM]}`);
    expect(res.statusCode).toBe(200);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, sample[SYSTEM]));
    for (const [label, value] of [
      ['索引号', doc.indexNo!],
      ['发布机构', '重庆市渝中区人民政府办公室'],
      ['成文日期', '2021-02-20'],
      ['发布日期', '2021-02-25'],
      ['发文字号', '渝中府办发〔2021〕12号'],
      ['主题分类', '综合政务'],
      ['有效性', '现行有效'],
    ])
      expect(res.body).toMatch(new RegExp(`<th scope="row">${label}</th><td>${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}</td>`));
    expect(res.body).toContain('<h1 id="doc-title" class="doc-title-h">【示例】渝中区政府信息公开保密审查制度</h1>');
    expect(res.body).toContain('落实“三审三校”制度');
    expect(res.body).toContain('href="/xxgk/zd"');
    expect(res.body).not.toContain('本文件已废止');
    // The guide's body keeps its sanitised markup.
    expect((await get(`/doc/${sample[GUIDE]}`)).body).toContain('<h3>一、主动公开</h3>');
  });

  it('a repealed document says so and links to what replaced it; an amended one too', async () => {
    const db = t.database.db;
    const next = await insertTestDocument(db, { column: 'zd', title: '渝中区政府信息公开保密审查制度（2023年修订）', docNumber: '渝中府办发〔2023〕3号', publishedAt: new Date('2023-03-01T01:00:00Z') });
    const old = await insertTestDocument(db, { column: 'zd', title: '渝中区政府信息公开保密审查办法（2019年）', validity: 'repealed', replacedById: next, publishedAt: new Date('2019-05-01T01:00:00Z') });
    const amended = await insertTestDocument(db, { column: 'zd', title: '渝中区政务公开考核办法', validity: 'amended', replacedById: next, publishedAt: new Date('2020-05-01T01:00:00Z') });
    const expired = await insertTestDocument(db, { column: 'zd', title: '渝中区2019年政务公开工作要点', validity: 'expired', publishedAt: new Date('2019-03-01T01:00:00Z') });
    changed();
    const res = await get(`/doc/${old}`);
    expect(res.body).toContain('本文件已废止');
    expect(res.body).toMatch(new RegExp(`现行文件：<a href="/doc/${next}">渝中区政府信息公开保密审查制度（2023年修订）</a>`));
    expect(res.body).toMatch(/<th scope="row">有效性<\/th><td>已废止<\/td>/);
    expect((await get(`/doc/${amended}`)).body).toMatch(new RegExp(`本文件已修改.*修改后的文件：<a href="/doc/${next}">`));
    const exp = await get(`/doc/${expired}`);
    expect(exp.body).toContain('本文件已失效');
    expect(exp.body).not.toContain('现行文件：');
    // The column list tags documents that are not in force.
    expect((await get('/xxgk/zd')).body).toMatch(/保密审查办法（2019年）<\/a><span class="tag tag-repealed">已废止<\/span>/);
  });

  it('a withdrawn document keeps its URL and says it was withdrawn, and why, without its body', async () => {
    const id = await insertTestDocument(t.database.db, { column: 'tzgg', title: '关于调整办公地点的通知', body: '<p>原办公地点正文内容。</p>', status: 'withdrawn', withdrawnReason: '办公地点信息有误，已重新发布', publishedAt: new Date('2023-05-01T01:00:00Z') });
    changed();
    const res = await get(`/doc/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('该信息已撤回');
    expect(res.body).toContain('撤回原因：办公地点信息有误，已重新发布');
    expect(res.body).not.toContain('原办公地点正文内容');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    // Withdrawn documents are not listed.
    expect((await get('/xxgk/tzgg')).body).not.toContain(id);
  });

  it('drafts and documents scheduled for later are not public; a scheduled one whose time came is', async () => {
    const db = t.database.db;
    const draft = await insertTestDocument(db, { column: 'gzdt', title: '草稿中的工作动态', status: 'draft' });
    const later = await insertTestDocument(db, { column: 'gzdt', title: '明天发布的工作动态', status: 'scheduled', publishedAt: new Date(Date.now() + 86_400_000) });
    const due = await insertTestDocument(db, { column: 'gzdt', title: '已到发布时间的工作动态', status: 'scheduled', publishedAt: new Date(Date.now() - 60_000) });
    changed();
    expect((await get(`/doc/${draft}`)).statusCode).toBe(404);
    expect((await get(`/doc/${later}`)).statusCode).toBe(404);
    expect((await get(`/doc/${due}`)).statusCode).toBe(200);
    const list = (await get('/xxgk/gzdt')).body;
    expect(list).toContain(due);
    expect(list).not.toContain(later);
    expect(list).not.toContain(draft);
  });

  it('links policies and their interpretations both ways, showing only public ones', async () => {
    const db = t.database.db;
    const interp = await insertTestDocument(db, { column: 'zd', title: '《渝中区政府信息公开保密审查制度》政策解读', publishedAt: new Date('2021-03-01T01:00:00Z') });
    const hidden = await insertTestDocument(db, { column: 'zd', title: '未发布的图解', status: 'draft' });
    await db.insert(documentInterpretations).values([
      { policyId: sample[SYSTEM], interpretationId: interp, form: 'text' },
      { policyId: sample[SYSTEM], interpretationId: hidden, form: 'image' },
    ]);
    changed();
    const policy = await get(`/doc/${sample[SYSTEM]}`);
    expect(policy.body).toContain('<h2 id="interp-h">政策解读</h2>');
    expect(policy.body).toContain(`href="/doc/${interp}"`);
    expect(policy.body).not.toContain('未发布的图解');
    const back = await get(`/doc/${interp}`);
    expect(back.body).toContain('解读的政策文件');
    expect(back.body).toContain(`href="/doc/${sample[SYSTEM]}"`);
  });

  it('lists attachments and serves them to anyone while the document is public', async () => {
    const editor = await t.userWith(['editor'], '区政府办公室');
    const boundary = '----gk';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="预算表.txt"\r\nContent-Type: text/plain\r\n\r\n一般公共预算支出表\r\n--${boundary}--\r\n`;
    const up = await editor.request('POST', '/api/files', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id as string;
    await t.database.db.insert(documentAttachments).values({ documentId: sample[BUDGET], fileId });
    changed();
    const page = await get(`/doc/${sample[BUDGET]}`);
    expect(page.body).toContain('<h2 id="att-h">附件</h2>');
    expect(page.body).toContain(`href="/doc/${sample[BUDGET]}/files/${fileId}"`);
    const dl = await get(`/doc/${sample[BUDGET]}/files/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toBe('一般公共预算支出表');
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent('预算表.txt'));
    expect((await get(`/doc/${sample[GUIDE]}/files/${fileId}`)).statusCode).toBe(404);
  });

  it('ETag and Last-Modified give 304 on a repeat visit, and a changed page a new ETag', async () => {
    const url = `/doc/${sample[BUDGET]}`;
    const first = await get(url);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const lastModified = first.headers['last-modified'] as string;
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get(url, { 'if-none-match': `"other", ${etag.replace('W/', '')}` })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 86_400_000).toUTCString() })).statusCode).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await get(url, { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).statusCode).toBe(200);
    for (const u of ['/', '/xxgk', '/xxgk/zd', '/xxgk/zd/rss.xml', '/sitemap.xml']) {
      const r = await get(u);
      expect((await get(u, { 'if-none-match': r.headers.etag as string })).statusCode, u).toBe(304);
    }
    await t.database.db.update(documents).set({ title: '【示例】渝中区2021年区级部门预算公开说明（更新）', updatedAt: new Date() }).where(eq(documents.id, sample[BUDGET]));
    changed();
    const after = await get(url, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('a withdrawal made through the review API shows on the page without clearing anything by hand', async () => {
    const approver = await t.userWith(['approver'], '区政府办公室');
    const url = `/doc/${sample['关于开展2021年政务公开工作培训的通知']}`;
    expect((await get(url)).body).not.toContain('该信息已撤回');
    const r = await approver.request('POST', `${url.replace('/doc/', '/api/documents/')}/withdraw`, { reason: '培训时间调整' });
    expect(r.statusCode).toBe(200);
    // The audit log moved; the portal notices within its poll interval.
    await new Promise((ok) => setTimeout(ok, 300));
    expect((await get(url)).body).toContain('撤回原因：培训时间调整');
  });

  it('RSS 2.0 per column and the sitemap are well-formed XML naming the documents', async () => {
    const rss = await get('/xxgk/xxgk/rss.xml', { host: 'www.example.gov.cn' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
    expect(XMLValidator.validate(rss.body)).toBe(true);
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toContain(`<link>http://www.example.gov.cn/doc/${sample[GUIDE]}</link>`);
    expect(rss.body).toContain(`<guid isPermaLink="true">http://www.example.gov.cn/doc/${sample[PLAN]}</guid>`);
    expect(rss.body).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
    const map = await get('/sitemap.xml', { host: 'www.example.gov.cn' });
    expect(map.statusCode).toBe(200);
    expect(XMLValidator.validate(map.body)).toBe(true);
    for (const id of Object.values(sample).filter((id) => id !== sample['关于开展2021年政务公开工作培训的通知']))
      expect(map.body).toContain(`<loc>http://www.example.gov.cn/doc/${id}</loc>`);
    expect(map.body).toContain('<loc>http://www.example.gov.cn/xxgk/zn</loc>');
    // A forged Host header cannot inject markup.
    const forged = await get('/sitemap.xml', { host: 'evil"><x' });
    expect(forged.body).toContain('<loc>http://localhost/</loc>');
  });

  it('the normative-document library of a unit shows documents in force and void apart', async () => {
    const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区教委'));
    const cols = await t.database.db.select({ slug: catalogColumns.slug, name: catalogColumns.name, category: catalogColumns.category }).from(catalogColumns).where(eq(catalogColumns.siteUnitId, unit.id));
    const lib = cols.find((c) => c.name === '本部门、本单位规范性文件')!;
    expect(lib.category).toBe('policy');
    const docs: Record<string, string> = {};
    for (const [i, validity] of (['valid', 'amended', 'repealed', 'expired'] as const).entries())
      docs[validity] = await insertTestDocument(t.database.db, { column: lib.slug, title: `区教委规范性文件库测试${validity}`, validity, publishedAt: new Date(Date.UTC(2021, 5, 1 + i)) });
    changed();
    const url = `/xxgk/${lib.slug}`;
    const all = await get(url);
    expect(all.statusCode).toBe(200);
    expect(all.body).toMatch(/<nav class="validity-tabs" aria-label="按有效性查看">/);
    expect(all.body).toMatch(/<a href="\/xxgk\/[^"]+" aria-current="page">全部<span class="count">4<\/span>/);
    expect(all.body).toContain(`href="${url}?validity=current">现行有效<span class="count">2</span>`);
    expect(all.body).toContain(`href="${url}?validity=void">失效/废止<span class="count">2</span>`);
    for (const id of Object.values(docs)) expect(all.body).toContain(`/doc/${id}`);

    const current = await get(`${url}?validity=current`);
    expect(current.body).toContain('<title>本部门、本单位规范性文件 - ');
    expect(current.body).toContain('现行有效<span class="count">2</span>');
    expect(current.body).toMatch(/aria-current="page">现行有效/);
    expect(current.body).toContain('共 2 条');
    for (const v of ['valid', 'amended']) expect(current.body).toContain(`/doc/${docs[v]}`);
    for (const v of ['repealed', 'expired']) expect(current.body).not.toContain(`/doc/${docs[v]}`);

    const gone = await get(`${url}?validity=void`);
    for (const v of ['repealed', 'expired']) expect(gone.body).toContain(`/doc/${docs[v]}`);
    for (const v of ['valid', 'amended']) expect(gone.body).not.toContain(`/doc/${docs[v]}`);
    expect(gone.body).toContain('已废止');

    // Anything else is the whole library; a column that is not a library has no switch.
    const odd = await get(`${url}?validity=%3Cscript%3E`);
    expect(odd.body).toContain('共 4 条');
    expect(odd.body).not.toContain('<script');
    const news = await get('/xxgk/gzdt');
    expect(news.body).not.toContain('validity-tabs');
  });

  it('catalog tree of the district and a unit sub-site', async () => {
    const tree = await get('/xxgk');
    expect(tree.statusCode).toBe(200);
    for (const slug of ['xxgk', 'zn', 'zd', 'fdzdgknr', 'nb', 'zwgk', 'ml', 'tzgg', 'gzdt']) expect(tree.body).toContain(`href="/xxgk/${slug}"`);
    const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区教委'));
    expect(tree.body).toContain(`href="/bm/${unit.id}"`);
    const sub = await get(`/bm/${unit.id}`);
    expect(sub.statusCode).toBe(200);
    expect(sub.body).toContain('部门网页');
    expect(sub.body).toContain('履职依据');
    const [col] = await t.database.db.select({ slug: catalogColumns.slug }).from(catalogColumns).where(eq(catalogColumns.siteUnitId, unit.id)).limit(1);
    const colPage = await get(`/xxgk/${col.slug}`);
    expect(colPage.statusCode).toBe(200);
    expect(colPage.body).toContain(`href="/bm/${unit.id}"`);
  });
});
