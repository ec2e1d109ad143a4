import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { annualReports, units } from '../src/db/schema/index.ts';
import { DEMO_REPORT, seedReports } from '../src/seed/seed-reports.ts';
import { DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * 年度报告 in the browser: the office sees every agency's state for 2021 with the district sum and
 * opens the district government's published report (computed tables, the balance check); the public
 * reads it on the portal, on a phone, with the national layout's tables scrolling inside the page.
 */
describe.skipIf(browserSkipReason() !== null)('annual reports in the browser', () => {
  let h: Harness;
  let office = '';
  let regionId = '';
  let documentId = '';

  beforeAll(async () => {
    h = await startHarness();
    office = (await h.t.userWith(['office_admin'])).actor.username;
    const db = h.t.database.db;
    [{ id: regionId }] = await db.select({ id: units.id }).from(units).where(eq(units.shortName, DEMO_REPORT.agency));
    // The demo report, as a first start publishes it (seed-reports.ts; test apps start without it).
    await seedReports(db);
    const [r] = await db.select().from(annualReports).where(eq(annualReports.agencyUnitId, regionId));
    documentId = r.documentId!;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the office reads every agency’s report state and opens the published one', async () => {
    const page = await h.openPage(DESKTOP, /status of 40[13]/);
    await signIn(page, office);
    await page.goto('/admin/reports');
    await page.getByRole('heading', { level: 1, name: '政府信息公开工作年度报告' }).waitFor();
    await page.getByLabel('年度').fill(String(DEMO_REPORT.year));
    await page.getByLabel('年度').press('Enter');
    await expect.poll(() => page.locator('.ant-table-summary').innerText(), UI_POLL).toContain('全区合计');
    const regionRow = page.locator('tr.ant-table-row', { hasText: '已发布' }).first();
    await expect.poll(() => regionRow.innerText(), UI_POLL).toContain(`${DEMO_REPORT.year + 1}-01-31`);
    await screenshot(page, 'reports-district-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await regionRow.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /年政府信息公开工作年度报告/ }).waitFor();
    await expect.poll(() => page.locator('.ant-alert-success').innerText(), UI_POLL).toContain('勾稽关系成立');
    await expect.poll(() => page.locator('table.report-table').count(), UI_POLL).toBe(3);
    expect(await page.locator('table.report-table caption').allInnerTexts()).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    await screenshot(page, 'reports-annual-1366', { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('the public reads the published report on a phone', async () => {
    const page = await h.openPage(PHONE);
    const res = await page.goto(`/doc/${documentId}`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('.doc-body table').count(), UI_POLL).toBe(3);
    expect(await page.locator('caption').allInnerTexts()).toContain('收到和处理政府信息公开申请情况');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reports-portal-390', { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
