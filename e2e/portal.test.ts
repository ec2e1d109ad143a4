import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { documents } from '../src/db/schema/index.ts';
import { DESKTOP, PHONE, screenshot, seriousA11yViolations, startHarness, type Harness } from './harness.ts';

/**
 * The public portal in a real browser, at a desktop and a phone size: the home page, a column, a
 * document and a search, each photographed for people to look at and checked with axe-core.
 */
describe.skipIf(browserSkipReason() !== null)('public portal in the browser', () => {
  let h: Harness;
  let docUrl: string;

  beforeAll(async () => {
    h = await startHarness();
    const [doc] = await h.t.database.db.select({ id: documents.id }).from(documents).where(eq(documents.docNumber, '渝中府办发〔2021〕12号'));
    docUrl = `/doc/${doc.id}`;
  });
  afterAll(async () => {
    await h?.close();
  });

  const pages = () => [
    { name: 'home', url: '/', heading: null, text: '最新公开' },
    { name: 'column', url: '/xxgk/xxgk', heading: '政府信息公开', text: '共 4 条' },
    { name: 'document', url: docUrl, heading: '【示例】渝中区政府信息公开保密审查制度', text: '渝中府办发〔2021〕12号' },
    { name: 'search', url: `/search?q=${encodeURIComponent('政务公开')}`, heading: '站内搜索', text: '共找到 2 条结果' },
    { name: 'catalog', url: '/xxgk', heading: '信息公开栏目', text: '部门网页' },
    { name: 'library', url: '/xxgk/zd?validity=current', heading: '政府信息公开制度', text: '失效/废止' },
  ];

  for (const [size, viewport] of [
    ['1366', DESKTOP],
    ['390', PHONE],
  ] as const) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      let page: Page;
      beforeAll(async () => {
        // The one expected console error is the 404 page's own status.
        page = await h.openPage(viewport, /status of 404/);
      });

      it('renders home, a column, a document, a search and the catalog without serious accessibility problems', async () => {
        for (const p of pages()) {
          const res = await page.goto(p.url);
          expect(res?.status(), p.url).toBe(200);
          if (p.heading) await expect(page.getByRole('heading', { level: 1, name: p.heading }).isVisible()).resolves.toBe(true);
          await page.getByText(p.text).first().waitFor();
          // Nothing sticks out sideways: the page fits the window.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${p.name} overflows by ${overflow}px at ${size}`).toBeLessThanOrEqual(0);
          await screenshot(page, `portal-${p.name}-${size}`);
          if (p.name === 'document' || p.name === 'search') await screenshot(page, `portal-${p.name}-${size}-full`, { fullPage: true });
          expect(await seriousA11yViolations(page), `${p.name} at ${size}`).toEqual([]);
        }
        // The 404 page too, in the portal's frame.
        const missing = await page.goto('/xxgk/no-such-column');
        expect(missing?.status()).toBe(404);
        await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
        expect(await seriousA11yViolations(page), `404 at ${size}`).toEqual([]);
        expect(h.errors).toEqual([]);
      });
    });
  }

  it('searches from the header form without JavaScript, and marks the match', async () => {
    const ctx = await h.browser.newContext({ viewport: DESKTOP, baseURL: h.baseUrl, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: '站内搜索' }).fill('预算');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await page.waitForURL('**/search?q=*');
    await expect(page.locator('.hits mark').first().textContent()).resolves.toBe('预算');
    await page.getByRole('link', { name: /区级部门预算公开说明/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('区级部门预算公开说明');
    await expect(page.locator('script').count()).resolves.toBe(0);
    await ctx.close();
  });
});
