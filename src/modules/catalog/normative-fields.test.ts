import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

/**
 * 文件类别 (规章 / 行政规范性文件) and 废止（失效）日期 as the editor sets them: checked on save, and shown
 * on the portal's document page where a citizen looks for whether a rule still applies.
 */
describe('a document’s normative kind and the day it ceased', () => {
  let t: TestApp;
  let editor: ApiClient;
  let columnId: string;
  const doc = { title: '重庆市渝中区城市道路占用挖掘管理办法', bodyHtml: '<p>第一条 为加强城市道路管理……</p>', publisher: '重庆市渝中区人民政府', writtenOn: '2019-04-10', docNumber: '渝中府发〔2019〕8号' };

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.userWith(['editor'], '区政府办公室');
    // 通知公告 of the district site (区政府办公室's): its name says nothing of normative documents, so
    // the kind is the editor's choice.
    [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
  });
  afterAll(() => t.close());

  const save = (body: Record<string, unknown>) => editor.request('POST', '/api/documents', { ...doc, columnId, ...body });

  it('keeps the kind the editor chose, or none, and refuses an unknown kind in Chinese', async () => {
    const chosen = await save({ normativeKind: '行政规范性文件' });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().normativeKind).toBe('行政规范性文件');
    const none = await save({ normativeKind: null });
    expect(none.json().normativeKind).toBeNull();
    const wrong = await save({ normativeKind: '红头文件' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('文件类别应为“规章”或“行政规范性文件”');
  });

  it('asks a repealed or expired document for the day it ceased: given, not before it was written, not in the future', async () => {
    const missing = await save({ validity: 'repealed' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validity_on_required', message: '有效性为“已废止”时，请填写废止（失效）日期', details: [{ path: 'validityOn' }] });
    const early = await save({ validity: 'expired', validityOn: '2019-01-01' });
    expect(early.json().error.code).toBe('validity_before_written');
    const future = await save({ validity: 'repealed', validityOn: addDays(todayInShanghai(), 1) });
    expect(future.json().error).toMatchObject({ code: 'validity_on_future', message: expect.stringContaining('现行有效') });
    const ok = await save({ validity: 'repealed', validityOn: '2024-06-30', normativeKind: '行政规范性文件' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ validity: 'repealed', validityOn: '2024-06-30' });
    // A document still in force has no such day, whatever is sent.
    const valid = await save({ validity: 'valid', validityOn: '2024-06-30' });
    expect(valid.json().validityOn).toBeNull();
  });

  it('shows the portal reader the kind, the validity and the day it ceased', async () => {
    const res = await save({ validity: 'repealed', validityOn: '2024-06-30', normativeKind: '行政规范性文件' });
    const id = res.json().id as string;
    await t.database.db.update(documents).set({ status: 'published', publishedAt: new Date('2019-04-12T02:00:00Z') }).where(eq(documents.id, id));
    const page = await t.app.inject({ method: 'GET', url: `/doc/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row">文件类别</th><td>行政规范性文件</td>');
    expect(page.body).toContain('<th scope="row">有效性</th><td>已废止</td>');
    expect(page.body).toContain('<th scope="row">废止日期</th><td>2024-06-30</td>');
    expect(page.body).toContain('本文件自 2024-06-30 起废止，不再执行。');
    // A document that is no normative document shows no kind.
    const plain = (await save({ normativeKind: null })).json().id as string;
    await t.database.db.update(documents).set({ status: 'published', publishedAt: new Date('2019-04-12T02:00:00Z') }).where(eq(documents.id, plain));
    const plainPage = await t.app.inject({ method: 'GET', url: `/doc/${plain}` });
    expect(plainPage.body).not.toContain('文件类别');
    expect(plainPage.body).not.toContain('废止日期');
  });
});
