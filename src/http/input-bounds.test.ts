import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents } from '../db/schema/index.ts';
import { buildDocx, seedOfficeTable } from '../modules/plans/import/test-support/build-office-files.ts';
import { closeOfficeWorker } from '../platform/office/run-office-job.ts';
import { docxBomb } from '../platform/office/test-support/build-zip-bombs.ts';
import { multipartBody } from '../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../testing/test-app.ts';

/** Issue 8 §3: no single request can stall or kill the server; bad input gets a 4xx, never a 500. */
describe('HTTP: every input is bounded', () => {
  let t: TestApp;
  let editor: ApiClient;
  let office: ApiClient;
  let columnId: string;
  beforeAll(async () => {
    t = await createTestApp({});
    [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    editor = await t.userWith(['editor'], '区政府办公室');
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(async () => {
    await closeOfficeWorker();
    await t.close();
  });

  const draft = { title: '关于做好2021年防汛工作的通知', publisher: '重庆市渝中区人民政府办公室', writtenOn: '2021-05-10' };
  const upload = async (client: ApiClient, url: string, filename: string, data: Buffer, fields: Record<string, string> = {}) => {
    const m = multipartBody({ filename, data }, fields);
    return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
  };

  it('refuses a body of 100k nested tags in well under a second, and still saves a body pasted from Word', async () => {
    const nested = '<div>'.repeat(100_000) + '正文' + '</div>'.repeat(100_000);
    const started = performance.now();
    const res = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: nested });
    // A quadratic walk of 100k levels takes minutes; 3 s leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'body_too_deep', message: expect.stringMatching(/嵌套超过 100 层/) });

    const word =
      '<div class="WordSection1"><p class="MsoNormal" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">关于做好防汛工作的通知</span></b></p>' +
      '<p class="MsoNormal" style="text-indent:32.0pt"><span lang="EN-US">各街道办事处：</span></p>' +
      '<div align="center"><table class="MsoTableGrid" border="1" cellspacing="0" style="border-collapse:collapse"><tbody>' +
      '<tr><td width="100" valign="top"><p class="MsoNormal"><span>单位</span></p></td><td><p class="MsoNormal"><span>责任人</span></p></td></tr>' +
      '<tr><td><table><tbody><tr><td><p><span><span><b>区应急局</b></span></span></p></td></tr></tbody></table></td><td><p><span>值班室</span></p></td></tr>' +
      '</tbody></table></div><p class="MsoNormal"><o:p>&nbsp;</o:p></p></div>';
    const saved = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: word });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().bodyHtml).toContain('<td>');
    expect(saved.json().bodyText).toContain('区应急局');
  });

  it('bounds the nodes of a body too, and cleans a long body pasted from Word in the worker thread', async () => {
    const lone = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: '<'.repeat(1_500_000) });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.code).toBe('body_too_complex');
    const paragraph = '<p class="MsoNormal" style="text-indent:2em"><span style="font-size:16.0pt;font-family:仿宋_GB2312">第一条 为了规范政务公开工作，根据有关规定，制定本办法。<script>x()</script></span></p>';
    const long = await editor.request('POST', '/api/documents', { ...draft, title: '长篇正文的办法', columnId, bodyHtml: paragraph.repeat(2000) });
    expect(long.statusCode).toBe(201);
    expect(long.json().bodyHtml).not.toContain('script');
    expect(long.json().bodyHtml).toContain('<p style="text-indent:2em"><span>第一条');
    expect(long.json().bodyText.split('第一条')).toHaveLength(2001);
  });

  it('refuses a .docx attachment that unzips to 300 MB, headers true or false, quickly and without saving the draft', async () => {
    for (const falsify of [false, true]) {
      const up = await upload(editor, '/api/files', '附件.docx', docxBomb(300, { falsify }));
      expect(up.statusCode).toBe(201);
      const started = performance.now();
      const res = await editor.request('POST', '/api/documents', { ...draft, title: '带附件的通知', columnId, bodyHtml: '<p>见附件。</p>', attachmentIds: [up.json().id] });
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'zip_bomb', message: expect.stringMatching(/附件\.docx.*解压后超过/) });
    }
    expect(await t.database.db.select().from(documents).where(eq(documents.title, '带附件的通知'))).toHaveLength(0);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('refuses a plan import that unzips too far, and still imports the real notice as .docx', async () => {
    const bomb = await upload(office, '/api/plans/import', '任务分工.docx', docxBomb(300, { falsify: true }), { dryRun: 'true' });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json().error.code).toBe('zip_bomb');
    const real = await upload(office, '/api/plans/import', '任务分工.docx', await buildDocx(seedOfficeTable()), { dryRun: 'true' });
    expect(real.statusCode).toBe(200);
    expect(real.json().counts.measures).toBeGreaterThan(40);
  });

  it('answers a truncated multipart body with 400, not 500', async () => {
    const m = multipartBody({ filename: 'a.txt', data: Buffer.from('政务公开'.repeat(1000)) });
    const cut = m.payload.subarray(0, m.payload.length - 200);
    for (const url of ['/api/files', '/api/plans/import']) {
      const client = url === '/api/files' ? editor : office;
      const res = await t.app.inject({ method: 'POST', url, payload: cut, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'malformed_multipart', message: expect.stringMatching(/[\u4e00-\u9fa5]/u) });
    }
    const noBoundary = await t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { 'content-type': 'multipart/form-data', cookie: editor.cookie, 'x-csrf-token': editor.csrf } });
    expect(noBoundary.statusCode).toBe(400);
  });

  it('refuses an Origin of "null" or one that is no URL with 403, not 500', async () => {
    for (const origin of ['null', 'not a url', 'http://[::1', 'https://evil.example']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin, host: 'localhost:80' }, payload: { username: 'admin', password: 'x' } });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
    }
    const same = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:3000', host: 'localhost:3000' }, payload: { username: 'admin', password: 'x' } });
    expect(same.statusCode).toBe(401);
  });
});
