import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { requestCases, requestFiles, units } from '../src/db/schema/index.ts';
import { todayInShanghai } from '../src/platform/calendar/dates.ts';
import { DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/** A real 1×1 PNG: the applicant's ID photo (types are checked by content). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const NAME = '李四';
const ID_NUMBER = '500103199002021234';

/**
 * 依申请公开 from the applicant's side, in a real browser on a phone: the portal form (the
 * proof-of-work widget solves the challenge) gives a query code; 区财政局's handler confirms receipt
 * (第三十一条: an online request is received on the day both confirm); the applicant reads the state
 * and the computed reply date by code — and never sees personal data there.
 */
describe.skipIf(browserSkipReason() !== null)('information requests filed on the portal', () => {
  let h: Harness;
  let code = '';
  let caseId = '';
  const db = () => h.t.database.db;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    expect(h?.errors ?? []).toEqual([]);
  });

  it('an applicant files on a phone and gets a query code', async () => {
    const page = await h.openPage(PHONE);
    await page.goto('/ysqgk');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [finance] = await db().select().from(units).where(eq(units.shortName, '区财政局'));
    await page.getByLabel('受理机关（必填）').selectOption(finance.id);
    await page.getByRole('radio', { name: '自然人' }).check();
    await page.getByLabel('姓名或名称（必填）').fill(NAME);
    await page.getByLabel('证件类型（必填）').selectOption('身份证');
    await page.getByLabel('证件号码或统一社会信用代码（必填）').fill(ID_NUMBER);
    await page.locator('#idProof').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('联系电话（电话、邮箱至少填一项）').fill('13900000000');
    await page.getByLabel('所需政府信息的名称或内容描述（必填，5000 字以内）').fill('2025年区级政府采购项目的合同公告清单');
    await page.getByRole('radio', { name: '电子邮件' }).check();
    await page.getByRole('radio', { name: '电子', exact: true }).check();
    await page.getByLabel('电子邮箱').fill('lisi@example.com');
    await expect.poll(() => page.locator('input[name=altcha]').inputValue(), { timeout: 60_000, interval: 200 }).not.toBe('');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'requests-portal-form-390', { fullPage: true });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交', level: 1 }).waitFor();
    code = (await page.locator('strong.code').innerText()).trim();
    expect(code).toMatch(/^YS\d{4}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'requests-portal-receipt-390');

    const [c] = await db().select().from(requestCases).where(and(eq(requestCases.agencyUnitId, finance.id), eq(requestCases.applicantName, NAME))).orderBy(desc(requestCases.createdAt)).limit(1);
    expect(c).toMatchObject({ status: '待确认收到', receivedOn: null, dueOn: null });
    caseId = c.id;
    const files = await db().select().from(requestFiles).where(eq(requestFiles.caseId, caseId));
    expect(files.map((f) => f.kind)).toEqual(['身份证明']);
  }, 180_000);

  it('the handler confirms receipt; the applicant reads the state and the reply date by code, without personal data', async () => {
    const handler = await h.t.userWith(['responder'], '区财政局');
    const staff = await h.openPage(DESKTOP);
    await signIn(staff, handler.actor.username);
    await staff.goto('/admin/requests?view=awaiting_receipt');
    await staff.getByText(NAME).first().waitFor(UI_POLL);
    await staff.goto(`/admin/requests/${caseId}`);
    await staff.locator('.page-header-extra .ant-tag').filter({ hasText: '待确认收到' }).first().waitFor(UI_POLL);
    await staff.getByLabel('收到申请日期').fill(todayInShanghai());
    await staff.locator('form').getByRole('button', { name: '确认收到', exact: true }).click();
    await staff.locator('.page-header-extra .ant-tag').filter({ hasText: '办理中' }).first().waitFor(UI_POLL);
    let [c] = await db().select().from(requestCases).where(eq(requestCases.id, caseId));
    expect(c.receivedOn).toBe(todayInShanghai());

    const page = await h.openPage(PHONE);
    const lookUp = async () => {
      await page.goto('/ysqgk/cx');
      await page.getByLabel('查询码').fill(code);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { name: '办理中', level: 2 }).waitFor();
      return page.locator('main').innerText();
    };
    // 20 working days from a date late in the last entered year run into one whose holidays are not
    // entered yet: the reply date is not guessed, and the applicant is told why.
    // (Next year's, or — in January before it is entered — this year's.)
    if (!c.dueOn) {
      const missing = Number(/^calendar_not_published:(\d{4})$/.exec(c.clockNote ?? '')?.[1]);
      expect([Number(todayInShanghai().slice(0, 4)), Number(todayInShanghai().slice(0, 4)) + 1]).toContain(missing);
      expect(await lookUp()).toContain(`待${missing}年节假日安排公布后计算`);
      // the office enters that year's holidays (元旦 only, as far as the period needs); open cases are recomputed
      const office = await h.t.userWith(['office_admin']);
      const res = await office.request('PUT', `/api/calendar/years/${missing}`, { note: '国务院办公厅通知（测试）', days: [{ date: `${missing}-01-01`, kind: 'off', name: '元旦' }] });
      expect(res.statusCode, res.body).toBe(200);
      [c] = await db().select().from(requestCases).where(eq(requestCases.id, caseId));
    }
    expect(c.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = await lookUp();
    expect(text).toContain(c.dueOn!);
    expect(text).toContain('重庆市渝中区财政局');
    for (const secret of [NAME, ID_NUMBER, '13900000000', 'lisi@example.com', '政府采购项目的合同公告']) expect(text).not.toContain(secret);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'requests-portal-status-390', { fullPage: true });
  }, 180_000);
});
