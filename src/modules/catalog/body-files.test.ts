import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documentAttachments } from '../../db/schema/index.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

// A real 1×1 PNG, as the editor uploads a pasted picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('images and attachment links in a body: files of the store, under its ownership rules, public with the document', () => {
  let t: TestApp;
  let editor: ApiClient;
  let approver: ApiClient;
  let columnId: string;

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    const [col] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    columnId = col.id;
    // One step of review, so the test reaches the portal quickly; the chain itself is documents.test.ts's.
    await t.database.db.update(catalogColumns).set({ reviewSteps: [{ name: '终审', role: 'approver' }] }).where(eq(catalogColumns.id, col.id));
    editor = await t.userWith(['editor'], '区政府办公室');
    approver = await t.userWith(['approver'], '区政府办公室');
  });
  afterAll(() => t.close());

  const upload = async (client: ApiClient, name: string, data: Buffer) => {
    const m = multipartBody({ filename: name, data });
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  };
  const draft = { title: '关于2021年重点民生实事进展情况的公告', publisher: '重庆市渝中区人民政府办公室', writtenOn: '2021-06-30' };

  it('attaches the files a body shows or links, publishes them with it, and lists only the linked one as an attachment', async () => {
    const img = await upload(editor, '进度图.png', PNG);
    const plan = await upload(editor, '实施方案.txt', Buffer.from('实施方案全文'));
    const body = `<p>进展如下图：</p><p><img src="/api/files/${img.id}" alt="进度图"></p><p>详见<a href="/api/files/${plan.id}">实施方案</a>。</p><table><caption>表1</caption><tr><th>项目</th><th>进度</th></tr><tr><td>老旧小区改造</td><td>80%</td></tr></table>`;
    const res = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: body });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    const attached = await t.database.db.select({ fileId: documentAttachments.fileId }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id));
    expect(attached.map((a) => a.fileId).sort()).toEqual([img.id, plan.id].sort());

    // Before publication the portal serves neither the page nor its picture.
    expect((await t.app.inject({ method: 'GET', url: `/doc/${doc.id}/files/${img.id}` })).statusCode).toBe(404);
    expect((await editor.request('POST', `/api/documents/${doc.id}/submit`)).statusCode).toBe(200);
    const approved = await approver.request('POST', `/api/documents/${doc.id}/reviews`, { decision: 'approve', secrecyConfirmed: true });
    expect(approved.statusCode).toBe(200);

    const page = await t.app.inject({ method: 'GET', url: `/doc/${doc.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<img src="/doc/${doc.id}/files/${img.id}" alt="进度图" />`);
    expect(page.body).toContain(`<a href="/doc/${doc.id}/files/${plan.id}" rel="noopener noreferrer">实施方案</a>`);
    expect(page.body).toContain('role="region" tabindex="0" aria-label="表1（可左右滑动查看）"');
    expect(page.body).toContain('<th scope="col">项目</th>');
    // The picture is in the text; the linked file is listed as an attachment too.
    const list = page.body.slice(page.body.indexOf('id="att-h"'));
    expect(list).toContain('实施方案.txt');
    expect(list).not.toContain('进度图.png');
    const pic = await t.app.inject({ method: 'GET', url: `/doc/${doc.id}/files/${img.id}` });
    expect(pic.statusCode).toBe(200);
    expect(pic.headers['content-type']).toBe('image/png');
  });

  it('an edit that sends its attachment list keeps the files its body shows', async () => {
    const img = await upload(editor, '现场照片.png', PNG);
    const doc = (await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: `<p><img src="/api/files/${img.id}" alt="现场"></p>` })).json();
    const edit = await editor.request('PUT', `/api/documents/${doc.id}`, { ...draft, columnId, bodyHtml: `<p>照片：</p><p><img src="/api/files/${img.id}" alt="现场"></p>`, attachmentIds: [] });
    expect(edit.statusCode).toBe(200);
    const attached = await t.database.db.select({ fileId: documentAttachments.fileId }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id));
    expect(attached.map((a) => a.fileId)).toEqual([img.id]);
  });

  it('refuses another unit’s picture, a picture already in another document, and an unknown file', async () => {
    const other = await t.userWith(['editor'], '区教委');
    const foreign = await upload(other, '他单位.png', PNG);
    const refused = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: `<p><img src="/api/files/${foreign.id}"></p>` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('file_not_yours');

    const img = await upload(editor, '一图.png', PNG);
    expect((await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: `<p><img src="/api/files/${img.id}"></p>` })).statusCode).toBe(201);
    const again = await editor.request('POST', '/api/documents', { ...draft, columnId, title: '另一篇公告', bodyHtml: `<p><img src="/api/files/${img.id}"></p>` });
    expect(again.json().error.code).toBe('file_attached_elsewhere');

    const unknown = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: '<p><img src="/api/files/00000000-0000-4000-8000-000000000000"></p>' });
    expect(unknown.json().error.code).toBe('unknown_file');
  });

  it('bounds the files one body may use', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const res = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: ids.map((id) => `<p><a href="/api/files/${id}">附件${id}</a></p>`).join('') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('body_too_many_files');
  });
});
