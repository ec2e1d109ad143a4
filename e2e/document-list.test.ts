import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { catalogColumns, units } from '../src/db/schema/index.ts';
import { ensureColumnPath } from '../src/modules/catalog/column-paths.ts';
import type { ApiClient } from '../src/testing/test-app.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * 文件列表 and 待我审核 in the browser: an editor of 区政府办公室 has drafts in 通知公告 and 工作动态 and
 * one notice sent up; 区教委 has a draft of its own. The reviewer finds documents by words and by
 * status, sees only the sent notice under 待我审核 and opens it from the row; 区教委's draft never
 * shows. On a phone the editor narrows the list to one column. Screenshots at 1366 and 390 px.
 */
describe.skipIf(browserSkipReason() !== null)('documents list (文件列表 / 待我审核) in the browser', () => {
  let h: Harness;
  let reviewer = '';
  let editorName = '';
  let submitted = '';
  const TITLES = {
    notice: '关于征集2024年民生实事项目的公告',
    draft: '关于开展政务公开培训的通知',
    news: '区政府办公室召开政务公开工作例会',
    other: '区教委关于春季学期开学工作的通知（草稿）',
  };

  const create = async (c: ApiClient, columnId: string, title: string) => {
    const res = await c.request('POST', '/api/documents', { columnId, title, bodyHtml: '<p>现将有关事项通知如下。</p>', publisher: '重庆市渝中区人民政府办公室' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  const list = (page: Page) => page.locator('.document-list');
  const listText = (page: Page) => list(page).locator('.ant-table-tbody').innerText();

  beforeAll(async () => {
    h = await startHarness();
    const t = h.t;
    const db = t.database.db;
    const col = async (slug: string) => (await db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, slug)))[0].id;
    const editor = await t.userWith(['editor']);
    editorName = editor.actor.username;
    reviewer = (await t.userWith(['reviewer'])).actor.username;
    const tzgg = await col('tzgg');
    await create(editor, tzgg, TITLES.draft);
    await create(editor, await col('gzdt'), TITLES.news);
    submitted = await create(editor, tzgg, TITLES.notice);
    expect((await editor.request('POST', `/api/documents/${submitted}/submit`)).statusCode).toBe(200);
    const [edu] = await db.select().from(units).where(eq(units.shortName, '区教委'));
    const eduColumn = (await ensureColumnPath(db, edu.id, ['部门网页', '通知公告'])).id;
    await create(await t.userWith(['editor'], '区教委'), eduColumn, TITLES.other);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reviewer lists, searches and filters the unit\'s documents, and opens the one waiting for them', async () => {
    const page = await h.openPage(DESKTOP, /status of 401/);
    await signIn(page, reviewer);
    await page.goto('/admin/catalog/documents');
    await page.getByRole('heading', { level: 2, name: '文件列表' }).waitFor();
    await expect.poll(() => listText(page), UI_POLL).toContain(TITLES.notice);
    const all = await listText(page);
    for (const title of [TITLES.draft, TITLES.news]) expect(all).toContain(title);
    // Another unit's draft is not listed, not even its title.
    expect(all).not.toContain(TITLES.other);
    await expect.poll(() => list(page).locator('.toolbar-count').innerText(), UI_POLL).toMatch(/^共 \d+ 份$/);
    // The sent notice shows its status and the step now waiting.
    const row = list(page).locator('tr.ant-table-row', { hasText: TITLES.notice });
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/审核中[\s\S]*待初审/);
    await screenshot(page, 'document-list-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Words of the title.
    await page.getByLabel('搜索').fill('民生实事');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => list(page).locator('tr.ant-table-row').count(), UI_POLL).toBe(1);
    await expect.poll(() => listText(page), UI_POLL).toContain(TITLES.notice);
    expect(new URL(page.url()).searchParams.get('q')).toBe('民生实事');
    await page.getByLabel('搜索').fill('区教委');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => list(page).innerText(), UI_POLL).toContain('没有符合条件的文件');
    await page.getByLabel('搜索').fill('');
    await page.getByLabel('搜索').press('Enter');

    // Status: drafts only.
    await chooseOption(page.getByLabel('状态', { exact: true }), /^草稿$/);
    await expect.poll(() => listText(page), UI_POLL).not.toContain(TITLES.notice);
    const drafts = await listText(page);
    expect(drafts).toContain(TITLES.draft);
    expect(drafts).toContain(TITLES.news);
    const tags = await list(page).locator('tr.ant-table-row .doc-status-cell .ant-tag').allInnerTexts();
    expect(new Set(tags)).toEqual(new Set(['草稿']));

    // 待我审核: only the notice, with the count on the switch.
    await page.getByText(/^待我审核（1）$/).click();
    await expect.poll(() => list(page).locator('tr.ant-table-row').count(), UI_POLL).toBe(1);
    await expect.poll(() => listText(page), UI_POLL).toContain(TITLES.notice);
    await list(page).getByText('待我审核：各站点中当前审核步骤由您办理的文件。').waitFor();
    await screenshot(page, 'document-list-mine-1366');
    // A click on the row (not only on the title) opens the document.
    await list(page).locator('tr.ant-table-row', { hasText: TITLES.notice }).locator('time').click();
    await page.waitForURL(`**/admin/catalog/documents/${submitted}`);
    await page.getByText('当前步骤：初审').waitFor();
    // Back: the view is kept in the address.
    await page.goBack();
    await page.waitForURL(/view=mine/);
    await expect.poll(() => list(page).locator('tr.ant-table-row').count(), UI_POLL).toBe(1);
    expect(h.errors).toEqual([]);
  });

  it('on a phone an editor narrows the list to one column, without sideways scrolling', async () => {
    const page = await h.openPage(PHONE, /status of 401/);
    await signIn(page, editorName);
    await page.goto('/admin/catalog/documents');
    await expect.poll(() => listText(page), UI_POLL).toContain(TITLES.notice);
    // Editors take no review step: no 待我审核 switch.
    await expect(page.getByText(/^待我审核/).count()).resolves.toBe(0);
    await screenshot(page, 'document-list-390');
    await screenshot(page, 'document-list-390-full', { fullPage: true });
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '查看文件：工作动态' }).click();
    await list(page).getByText(/栏目：.*工作动态（含下级栏目）/).waitFor();
    await expect.poll(() => listText(page), UI_POLL).not.toContain(TITLES.notice);
    expect(await listText(page)).toContain(TITLES.news);
    await screenshot(page, 'document-list-column-390');
    await page.getByRole('button', { name: '清除栏目筛选' }).click();
    await expect.poll(() => listText(page), UI_POLL).toContain(TITLES.notice);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
