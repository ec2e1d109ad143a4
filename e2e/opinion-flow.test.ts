import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { opinionCommitments, opinionEventSteps, opinionEvents, planMeasures } from '../src/db/schema/index.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * 舆情回应 in a real browser: 区教委 registers an event (its unit proposed by the domain table), runs
 * 会商 → 研判 → 回应 → 评估, makes a commitment, fulfils it and publishes it — the public page shows it
 * on a phone; the office records a press event and the plan measure's 不少于4次 target is met.
 */
describe.skipIf(browserSkipReason() !== null)('opinion (舆情回应) in the browser', () => {
  let h: Harness;
  let page: Page;
  const SUMMARY = '网民反映某小学放学后托管名额不足（端到端测试）';
  const COMMITMENT = '两周内公布全区课后托管名额和报名办法（端到端测试）';
  const db = () => h.t.database.db;
  const local = (hoursAgo: number) => {
    const d = new Date(Date.now() - hoursAgo * 3_600_000 + 8 * 3_600_000);
    return d.toISOString().slice(0, 16);
  };
  /** Chooses in an antd Select found by its label inside `scope` (the drawer, the dialog); `search` types first. */
  const pick = (label: string, option: string, scope = '.ant-drawer, .ant-modal, .ant-card', search = false) =>
    chooseOption(page.locator(scope).getByLabel(label, { exact: true }).first(), option, search ? option : undefined);

  beforeAll(async () => {
    h = await startHarness({ withPlan: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('区教委 registers an event and takes it from 会商 to 评估', async () => {
    const edu = await h.t.userWith(['liaison'], '区教委');
    page = await h.openPage(DESKTOP);
    await signIn(page, edu.actor.username);
    await page.goto('/admin/opinion/events');
    await page.getByRole('heading', { name: '政务舆情台账', level: 1 }).waitFor();
    await page.getByText('仅显示本单位负责的舆情').waitFor();
    await page.getByRole('button', { name: '登记舆情' }).click();
    await page.getByLabel('原文链接').fill('https://bbs.example.cn/t/e2e');
    await page.getByLabel('首次发现时间').fill(local(3));
    await page.getByLabel('舆情摘要').fill(SUMMARY);
    await pick('领域', '教育', '.ant-drawer');
    await pick('类别', '涉及切身利益', '.ant-drawer');
    await expect.poll(() => page.locator('#register-event_responsibleUnitId').evaluate((el) => el.closest('.ant-select')?.textContent ?? ''), UI_POLL).toContain('区教委');
    await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).first().click();
    await page.waitForURL('**/admin/opinion/events/*');
    const eventId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: SUMMARY }).waitFor();
    await page.getByText('回应 48h · 计时中').waitFor();

    await page.getByLabel('参加单位和人员').fill('区教委、相关街道、区委网信办');
    await page.getByLabel('会商结论').fill('核实托管名额缺口，研究扩容方案。');
    await page.getByRole('button', { name: '记录会商' }).click();
    await pick('拟采取的回应方式', '发布权威信息');
    await page.getByLabel('研判意见').fill('诉求合理，公开答复并承诺扩容。');
    await page.getByRole('button', { name: '记录研判' }).click();
    await pick('回应方式', '发布权威信息');
    await page.getByLabel('回应内容').fill('区教委公开答复：新增托管名额 500 个。');
    await page.getByLabel('回应链接').fill('https://www.example.gov.cn/jw/tg.html');
    await page.getByRole('button', { name: '记录回应' }).click();
    await page.getByText('回应 48h · 按时').waitFor(UI_POLL);
    await page.getByLabel('回应效果').fill('家长普遍认可，舆情平稳。');
    await page.getByRole('button', { name: '记录评估' }).click();
    await page.getByText('该舆情已评估办结。').waitFor(UI_POLL);
    const [ev] = await db().select().from(opinionEvents).where(eq(opinionEvents.id, eventId));
    expect(ev.status).toBe('evaluated');
    const steps = await db().select().from(opinionEventSteps).where(eq(opinionEventSteps.eventId, eventId));
    expect(steps.map((s) => s.kind).sort()).toEqual(['assess', 'consult', 'evaluate', 'respond']);
    expect(steps.every((s) => s.createdBy === edu.actor.id)).toBe(true);
    await screenshot(page, 'opinion-event-desktop', { fullPage: true });

    // The commitment made in the response: recorded, fulfilled with evidence and its public page.
    await page.getByRole('button', { name: '登记承诺' }).click();
    await page.getByLabel('承诺内容').fill(COMMITMENT);
    const due = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('承诺完成日期').fill(due);
    await page.locator('.ant-modal').getByRole('button', { name: /保\s?存/ }).click();
    await page.locator('.ant-table-cell').filter({ hasText: COMMITMENT }).first().waitFor(UI_POLL);
    await page.getByRole('button', { name: '登记履行' }).click();
    await page.getByLabel('履行情况和佐证').fill('已在政府网站公布托管名额和报名办法。');
    await page.getByLabel('公开页面链接').fill('https://www.example.gov.cn/jw/tg-result.html');
    await page.locator('.ant-modal').getByRole('button', { name: /保\s?存/ }).click();
    await page.locator('.ant-tag').filter({ hasText: '按期完成' }).first().waitFor(UI_POLL);
    const [c] = await db().select().from(opinionCommitments).where(eq(opinionCommitments.eventId, eventId));
    expect(c.fulfilledOn).not.toBeNull();
    expect(c.publicUrl).toBe('https://www.example.gov.cn/jw/tg-result.html');
    expect(h.errors).toEqual([]);
  }, 180_000);

  it('the public commitments page shows it on a phone, without script, axe-clean', async () => {
    const phone = await h.openPage(PHONE);
    await phone.goto('/chengnuo');
    await phone.getByRole('heading', { name: '回应承诺办理情况', level: 1 }).waitFor();
    const item = phone.locator('.commitments li').filter({ hasText: COMMITMENT });
    await expect.poll(() => item.count(), UI_POLL).toBe(1);
    expect(await item.textContent()).toContain('按期完成');
    expect(await item.getByRole('link', { name: '履行情况公开页面' }).getAttribute('href')).toBe('https://www.example.gov.cn/jw/tg-result.html');
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'opinion-commitments-phone', { fullPage: true });
    await phone.getByRole('link', { name: /逾期未完成/ }).click();
    await phone.waitForURL(/state=/);
    expect(await phone.locator('.commitments').textContent()).not.toContain(COMMITMENT);
    await screenshot(phone, 'opinion-commitments-overdue-phone');
    const desk = await h.openPage(DESKTOP);
    await desk.goto('/chengnuo');
    expect(await seriousA11yViolations(desk)).toEqual([]);
    await screenshot(desk, 'opinion-commitments-desktop');
  }, 120_000);

  it('the office records a press event and the plan measure\'s 不少于4次 target is met', async () => {
    const office = await h.t.userWith(['office_admin'], '区政府办公室');
    page = await h.openPage(DESKTOP);
    await signIn(page, office.actor.username);
    const measure = (await db().select().from(planMeasures)).find((m) => m.text.includes('新闻发布形式开展政策解读不少于4次'))!;
    await page.goto(`/admin/measures/${measure.id}`);
    await page.getByText('已开展 3 次 / 目标不少于 4 次').waitFor(UI_POLL);
    await page.goto('/admin/opinion/press');
    await pick('年度', '2021年', '.ant-card');
    await page.getByText('本年度 3 次，其中有关负责同志出席 2 次').waitFor(UI_POLL);
    await page.getByRole('button', { name: '登记发布活动' }).click();
    await pick('形式', '专访', '.ant-modal');
    await page.locator('.ant-modal').getByLabel('日期').fill('2021-11-02');
    await page.getByLabel('主题').fill('“双减”政策落实情况专访（端到端测试）');
    await pick('组织单位', '区政府新闻办', '.ant-modal', true);
    await page.getByLabel('发布人').fill('区教委主任');
    await page.locator('.ant-modal').getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('本年度 4 次，其中有关负责同志出席 2 次').waitFor(UI_POLL);
    await screenshot(page, 'opinion-press-desktop');
    await page.goto(`/admin/measures/${measure.id}`);
    await page.getByText('已开展 4 次 / 目标不少于 4 次').waitFor(UI_POLL);
    await screenshot(page, 'opinion-measure-progress-desktop', { fullPage: true });

    await page.goto('/admin/opinion/stats');
    await page.locator('.opinion-chart canvas').first().waitFor(UI_POLL);
    await expect.poll(() => page.locator('.opinion-chart canvas').count(), UI_POLL).toBe(4);
    await screenshot(page, 'opinion-stats-desktop', { fullPage: true });
    await page.goto('/admin/opinion/events?x=1');
    await page.getByRole('heading', { name: '政务舆情台账', level: 1 }).waitFor();
    await page.locator('.ant-table-row').first().waitFor(UI_POLL);
    await screenshot(page, 'opinion-events-desktop');
    expect(h.errors).toEqual([]);
  }, 180_000);
});
