import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { catalogColumns } from '../src/db/schema/index.ts';
import { todayInShanghai } from '../src/platform/calendar/dates.ts';
import { prepareWorkbenchScenario } from '../src/testing/workbench-scenario.ts';
import { PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * The workbench (工作台) of the office, a reviewer and two liaisons in the browser: each lands on
 * their own counts, and a click on a count opens a list showing that many rows.
 */
describe.skipIf(browserSkipReason() !== null)('the workbench in the browser', () => {
  let h: Harness;
  let office: Awaited<ReturnType<Harness['t']['userWith']>>;
  let scenario: Awaited<ReturnType<typeof prepareWorkbenchScenario>>;

  /** The number shown on a count of the workbench. */
  const count = (page: Page, key: string) => {
    const [source, ...rest] = key.split('/');
    return page.locator(`.wb-source[data-source="${source}"] a.wb-count[data-key="${rest.join('/')}"]`);
  };
  /** `source/key`: the number shown on that count of the workbench. */
  const countOf = async (page: Page, key: string) => {
    const link = count(page, key);
    await link.waitFor(UI_POLL);
    return Number(await link.locator('.wb-count-value').textContent());
  };
  const open = async (page: Page, key: string) => count(page, key).click();

  beforeAll(async () => {
    h = await startHarness({ withPlan: true });
    office = await h.t.userWith(['office_admin'], '区政府办公室');
    scenario = await prepareWorkbenchScenario(h.t, office);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  }, 240_000);

  it('the office lands on its counts; overdue and waiting-for-check open lists of that many rows', async () => {
    const page = await h.openPage();
    await signIn(page, office.actor.username);
    await expect.poll(() => page.locator('.wb-source').count(), UI_POLL).toBeGreaterThan(1);
    expect(await page.getByRole('heading', { name: '本周截止' }).isVisible()).toBe(true);
    // 工作日历: the years whose holidays are to be entered (this year's; next year's from 1 November).
    const entered = new Set((await office.request('GET', '/api/calendar/years')).json().items.map((y: { year: number }) => y.year));
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const missing = [year, year + 1].filter((y) => !entered.has(y) && (y === year || today >= `${year}-11-01`));
    const notice = page.locator('.wb-calendar-notice');
    if (missing.length) {
      await notice.waitFor(UI_POLL);
      expect(await notice.innerText()).toContain(`尚未录入 ${missing.join('、')} 年节假日安排`);
      expect(await notice.getByRole('link', { name: '去录入' }).getAttribute('href')).toBe('/admin/calendar');
    } else expect(await notice.count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-office-desktop', { fullPage: true });

    const { planId } = scenario;
    for (const state of ['reported', 'overdue'] as const) {
      await page.goto('/admin/');
      const n = await countOf(page, `plans.office/${state}:${planId}`);
      expect(n).toBeGreaterThan(0);
      await open(page, `plans.office/${state}:${planId}`);
      await page.waitForURL((u) => u.pathname === `/admin/plans/${planId}/assignments` && u.searchParams.get('state') === state);
      await expect.poll(() => page.getByTestId('assignments-total').textContent(), UI_POLL).toBe(`共 ${n} 项`);
      expect(await page.locator('.assignments-table tbody tr.ant-table-row').count()).toBe(Math.min(n, 50));
    }
    await screenshot(page, 'workbench-office-assignments');

    // 待定通报标记 → the 通报 tab with only the marks to decide.
    await page.goto('/admin/');
    const marks = await countOf(page, `plans.office/marks:${planId}`);
    await open(page, `plans.office/marks:${planId}`);
    await page.waitForURL((u) => u.searchParams.get('tab') === 'circulars');
    await expect.poll(() => page.locator('.marks-section tbody tr.ant-table-row').count(), UI_POLL).toBe(marks);

    // On a phone: one column, nothing sideways.
    const phone = await h.openPage(PHONE);
    await signIn(phone, office.actor.username);
    await phone.locator('.wb-source').first().waitFor(UI_POLL);
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'workbench-office-phone');
    await screenshot(phone, 'workbench-office-phone-full', { fullPage: true });
  }, 240_000);

  it('a reviewer finds 待我审核 and its list holds that many documents', async () => {
    const [tzgg] = await h.t.database.db.select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    const editor = await h.t.userWith(['editor'], '区政府办公室');
    const reviewer = await h.t.userWith(['reviewer'], '区政府办公室');
    for (const title of ['关于做好冬季安全生产工作的通知', '关于开展政务公开培训的通知']) {
      const res = await editor.request('POST', '/api/documents', { columnId: tzgg.id, title, bodyHtml: '<p>现将有关事项通知如下。</p>', publisher: '重庆市渝中区人民政府办公室', writtenOn: '2026-12-01' });
      expect((await editor.request('POST', `/api/documents/${res.json().id}/submit`)).statusCode).toBe(200);
    }
    const page = await h.openPage();
    await signIn(page, reviewer.actor.username);
    const n = await countOf(page, 'catalog.review/awaiting-mine');
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.wb-source[data-source="plans.office"]').count()).toBe(0);
    await screenshot(page, 'workbench-reviewer-desktop');
    await open(page, 'catalog.review/awaiting-mine');
    await page.waitForURL((u) => u.pathname === '/admin/catalog/documents' && u.searchParams.get('view') === 'mine');
    await expect.poll(() => page.locator('.doc-table tbody tr.ant-table-row').count(), UI_POLL).toBe(n);
  }, 240_000);

  it('liaisons see their own unit\'s work: the lead unit its checks (first, in a tab), the other its tasks', async () => {
    const lead = await h.openPage();
    await signIn(lead, scenario.leadLiaison.actor.username);
    const checks = await countOf(lead, 'plans.unit/to-check');
    expect(checks).toBeGreaterThanOrEqual(1);
    expect(await lead.locator('.wb-source[data-source="plans.office"]').count()).toBe(0);
    await screenshot(lead, 'workbench-liaison-desktop', { fullPage: true });
    await open(lead, 'plans.unit/to-check');
    await lead.waitForURL((u) => u.pathname === '/admin/plans/mine' && u.searchParams.get('tab') === 'check');
    await expect.poll(() => lead.locator('li.task-item:visible').count(), UI_POLL).toBe(checks);
    // The checks are a tab at the top of the page, not below every task of the unit.
    const tab = await lead.getByRole('tab', { name: /待本单位核查/ }).boundingBox();
    expect(tab!.y).toBeLessThan(400);
    await screenshot(lead, 'workbench-liaison-checks');

    const resp = await h.openPage(PHONE);
    await signIn(resp, scenario.respLiaison.actor.username);
    for (const key of ['plans.unit/open', 'plans.unit/returned']) {
      await resp.goto('/admin/');
      const n = await countOf(resp, key);
      await open(resp, key);
      await resp.waitForURL((u) => u.pathname === '/admin/plans/mine');
      await expect.poll(() => resp.locator('li.task-item:visible').count(), UI_POLL).toBe(n);
    }
    await resp.goto('/admin/');
    await resp.locator('.wb-source').first().waitFor(UI_POLL);
    expect(await noSideScroll(resp)).toBeLessThanOrEqual(0);
    await screenshot(resp, 'workbench-liaison-phone', { fullPage: true });
    expect(h.errors).toEqual([]);
  }, 240_000);
});
