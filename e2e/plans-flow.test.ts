import fs from 'node:fs';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { planAssignments, planChecks, planEvents, planMeasures, planReports, plans, units } from '../src/db/schema/index.ts';
import { DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * The year of one plan, in a real browser against the real server: the office imports the 2021
 * notice by pasting it (preview first, nothing mapped by hand) and issues it; 区教委 reports with
 * evidence from a phone; the lead unit 区财政局 returns it once, then accepts; the office closes the
 * measure out, sees the dashboard move, and downloads the 通报 and the ledger, read back here.
 */
describe.skipIf(browserSkipReason() !== null)('plans (任务分工督办) in the browser', () => {
  let h: Harness;
  let admin: Page;
  const NEW_PASSWORD = 'Gongkai#2025-plans';
  const MEASURE_TEXT = '信息处理费项目纳入';
  const CIRCULAR_EDIT = '区教委报送及时、佐证齐全，予以通报表扬（端到端测试修改）。';
  const seedText = fs.readFileSync(path.resolve('src/seed/yuzhong-2021-notice.txt'), 'utf8');
  let planId = '';
  let measureId = '';
  let jwUnitId = '';

  const db = () => h.t.database.db;

  const readDownload = async (download: Download) => fs.promises.readFile((await download.path())!);

  /** Antd's Popconfirm: the OK button of the open confirmation. */
  const confirmPop = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name: /确\s?定|OK/ }).click();

  const assignmentOf = async (unitShort: string) => {
    const [unit] = await db().select().from(units).where(eq(units.shortName, unitShort));
    const [a] = await db().select().from(planAssignments).where(and(eq(planAssignments.measureId, measureId), eq(planAssignments.unitId, unit.id)));
    return a;
  };

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.openPage(DESKTOP);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the office imports the notice by pasting it: preview first, 46 measures, no unknown unit', async () => {
    await signIn(admin, 'admin', h.t.adminPassword, { waitForHome: false });
    await admin.waitForURL('**/admin/change-password');
    await admin.getByLabel('当前密码').fill(h.t.adminPassword);
    await admin.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await admin.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await admin.getByRole('button', { name: '确认修改' }).click();
    await admin.waitForURL((u) => u.pathname === '/admin/');

    const menu = admin.getByRole('navigation', { name: '功能菜单' });
    await menu.getByText('导入任务分工').click();
    await admin.waitForURL('**/admin/plans/import');
    await admin.getByText('粘贴文本', { exact: true }).click();
    await admin.getByLabel('任务分工文本').fill(seedText);
    await admin.getByRole('button', { name: '预览识别结果' }).click();

    await expect.poll(() => admin.getByTestId('import-counts').innerText(), UI_POLL).toBe('共识别 5 个方面、16 项子任务、46 项举措');
    await expect.poll(() => admin.getByTestId('import-unknown').innerText(), UI_POLL).toBe('单位名称全部识别');
    await expect(admin.locator('[data-unit-state="unknown"]').count()).resolves.toBe(0);
    await expect(admin.getByText('没有导入提示').isVisible()).resolves.toBe(true);
    // The header of the notice was read; the first area is open with its measures and their units.
    await expect.poll(() => admin.locator('.ant-descriptions').innerText(), UI_POLL).toMatch(/渝中区2021年政务公开工作要点任务分工[\s\S]*2021[\s\S]*重庆市渝中区人民政府办公室/);
    const first = admin.locator('.preview-measure[data-seq="1"]');
    await expect.poll(() => first.innerText(), UI_POLL).toMatch(/牵头单位[\s\S]*区发展改革委[\s\S]*公开路径[\s\S]*政府信息公开 > 法定主动公开内容 > 规划信息 > 国民经济和社会发展规划/);
    // Nothing is saved by a preview.
    await expect(db().select().from(plans)).resolves.toHaveLength(0);
    await screenshot(admin, 'plans-import-preview-1366', { keepScroll: true });
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => admin.getByTestId('import-outcome').innerText(), UI_POLL).toBe('已导入为草稿');
    const [plan] = await db().select().from(plans);
    expect(plan).toMatchObject({ title: '渝中区2021年政务公开工作要点任务分工', year: 2021, status: 'draft' });
    planId = plan.id;
    await expect(db().select().from(planMeasures).where(eq(planMeasures.planId, planId))).resolves.toHaveLength(46);
    const [m] = (await db().select().from(planMeasures).where(eq(planMeasures.planId, planId))).filter((x) => x.text.includes(MEASURE_TEXT));
    measureId = m.id;

    // A corrected notice, uploaded as a file, updates the draft in place and lists what changed.
    await admin.getByRole('button', { name: '继续导入' }).click();
    await admin.getByText('上传文件', { exact: true }).click();
    await admin.locator('.import-file input[type="file"]').setInputFiles({
      name: '任务分工（修订）.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(seedText.replace('做好历史规划（计划', '做好历年规划（计划'), 'utf8'),
    });
    await admin.getByText('已选择：任务分工（修订）.txt').waitFor();
    await admin.getByRole('button', { name: '预览识别结果' }).click();
    await admin.getByTestId('import-counts').waitFor();
    await admin.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => admin.getByTestId('import-outcome').innerText(), UI_POLL).toBe('已更新草稿');
    await expect(admin.getByRole('heading', { name: '改动 1 处' }).isVisible()).resolves.toBe(true);
    await expect.poll(() => admin.getByRole('row').filter({ hasText: '第 1 项' }).innerText(), UI_POLL).toMatch(/修改[\s\S]*做好历史规划[\s\S]*做好历年规划/);
    await expect(db().select().from(plans)).resolves.toHaveLength(1);
    await admin.getByRole('button', { name: '查看任务分工' }).click();
    await admin.waitForURL(`**/admin/plans/${planId}`);
  });

  it('issues the plan with the suggested units of each per-use group, mapping nothing by hand', async () => {
    await admin.getByRole('heading', { level: 1, name: '渝中区2021年政务公开工作要点任务分工' }).waitFor();
    await admin.getByText('此任务分工为草稿').waitFor();
    await admin.getByRole('button', { name: /印\s?发/ }).click();
    const dialog = admin.getByRole('dialog').filter({ hasText: '印发任务分工' });
    await dialog.locator('.issue-selection').first().waitFor();
    await expect(dialog.getByTestId('issue-unknown').count()).resolves.toBe(0);
    // Six measures name 区政府有关部门: each comes prefilled with every department.
    await expect(dialog.locator('.issue-selection').count()).resolves.toBe(6);
    const counts = await dialog.locator('.issue-selection .cell-note:last-child').allInnerTexts();
    expect(counts.every((c) => /已选 \d+ 个单位/.test(c))).toBe(true);
    await dialog.getByRole('button', { name: '确认印发' }).click();
    await admin.getByText(/已印发：生成 \d+ 项单位任务/).waitFor();
    await admin.locator('.page-header .ant-tag').filter({ hasText: '已印发' }).waitFor();
    const [plan] = await db().select().from(plans).where(eq(plans.id, planId));
    expect(plan.status).toBe('issued');
    const rows = await db().select().from(planAssignments).where(eq(planAssignments.measureId, measureId));
    expect(rows.length).toBeGreaterThan(30);

    // The tree: measure 34 with its lead, the groups it names, due date and progress.
    const item = admin.locator('.tree-measure').filter({ hasText: MEASURE_TEXT });
    await expect.poll(() => item.innerText(), UI_POLL).toMatch(/第 34 项[\s\S]*未销号[\s\S]*区财政局[\s\S]*区政府各部门[\s\S]*管委会[\s\S]*街道办事处[\s\S]*2021-12-31[\s\S]*核查通过 0\/\d+/);
    await admin.mouse.move(0, 0);
    await screenshot(admin, 'plans-tree-1366');
    expect(await seriousA11yViolations(admin)).toEqual([]);
  });

  let before = { closed: '', accepted: '' };
  it('shows the dashboard of the freshly issued plan', async () => {
    await admin.getByRole('tab', { name: '看板' }).click();
    await admin.locator('[data-stat="closed"] .ant-statistic-content').waitFor();
    before = {
      closed: await admin.locator('[data-stat="closed"] .ant-statistic-content').innerText(),
      accepted: await admin.locator('[data-stat="accepted"] .ant-statistic-content').innerText(),
    };
    expect(before).toEqual({ closed: '0', accepted: '0' });
    await admin.locator('.plan-chart canvas').first().waitFor();
  });

  let jw: Page;
  let cz: Page;
  it('区教委 reports 已完成 from a phone, with a link and an uploaded file', async () => {
    const jwUser = await h.t.userWith(['liaison'], '区教委');
    const czUser = await h.t.userWith(['liaison'], '区财政局');
    jwUnitId = jwUser.actor.unitId;
    jw = await h.openPage(PHONE);
    await signIn(jw, jwUser.actor.username);
    // The home page of a unit user is the workbench, starting with the unit's tasks.
    await jw.locator('.wb-source[data-source="plans.unit"]').waitFor();
    await jw.goto('/admin/plans/mine');
    const task = jw.locator('.task-item').filter({ hasText: MEASURE_TEXT });
    await task.waitFor();
    await expect.poll(() => task.innerText(), UI_POLL).toMatch(/第 34 项[\s\S]*未报送/);
    await screenshot(jw, 'plans-mine-390');
    expect(await noSideScroll(jw)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(jw)).toEqual([]);

    await task.getByRole('button', { name: '报送进展 第 34 项' }).click();
    const drawer = jw.getByRole('dialog').filter({ hasText: '报送进展 · 第 34 项' });
    await drawer.waitFor();
    await drawer.locator('label').filter({ hasText: /^已完成$/ }).click();
    await drawer.getByLabel('工作情况').fill('已将政府信息公开信息处理费项目纳入本单位收费目录清单，并在门户网站公开。');
    await drawer.getByLabel('完成日期').fill('2021-11-30');
    await drawer.getByRole('button', { name: '添加链接' }).click();
    await drawer.getByLabel('链接 1 标题').fill('行政事业性收费目录清单');
    await drawer.getByLabel('链接 1 网址').fill('http://www.cqyz.gov.cn/zwgk/fdzdgknr/sfxm/');
    await drawer.locator('input[type="file"]').setInputFiles({
      name: '信息处理费票据管理说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('区教委信息处理费票据、收缴、入库工作说明。\n', 'utf8'),
    });
    await drawer.locator('.file-list').getByText('信息处理费票据管理说明.txt').waitFor();
    await screenshot(jw, 'plans-report-drawer-390');
    expect(await seriousA11yViolations(jw)).toEqual([]);
    await drawer.getByRole('button', { name: /提\s?交/ }).click();
    await jw.getByText('进展已报送').waitFor();
    await expect.poll(() => task.innerText(), UI_POLL).toMatch(/待核查/);

    const a = await assignmentOf('区教委');
    expect(a).toMatchObject({ status: 'done', checkStatus: 'pending', completedOn: '2021-11-30' });
    const [report] = await db().select().from(planReports).where(eq(planReports.assignmentId, a.id));
    expect(report.evidence.map((e) => e.kind).sort()).toEqual(['file', 'link']);
    // The report is dated as if made on 2021-11-30, a month before its 2021-12-31 deadline (the
    // test cannot wait for 2021): lateness is judged on this day, not on the day of the check.
    const reportedAt = new Date('2021-11-30T10:00:00+08:00');
    await db().update(planReports).set({ createdAt: reportedAt }).where(eq(planReports.id, report.id));
    await db().update(planAssignments).set({ lastReportAt: reportedAt }).where(eq(planAssignments.id, a.id));

    cz = await h.openPage(DESKTOP);
    await signIn(cz, czUser.actor.username);
  });

  it('the lead unit 区财政局 returns it once, with a comment', async () => {
    await cz.goto('/admin/plans/mine');
    const toCheck = cz.locator('.todo-card').filter({ hasText: '待本单位核查' }).locator('.task-item').filter({ hasText: '报送单位：区教委' });
    await toCheck.waitFor();
    // Reported on 2021-11-30, before the deadline, not yet checked in 2026: not overdue.
    await expect.poll(() => toCheck.innerText(), UI_POLL).not.toContain('逾期');
    await toCheck.getByRole('button', { name: '核查 区教委 第 34 项' }).click();
    const dialog = cz.getByRole('dialog').filter({ hasText: '核查 区教委 报送的第 34 项' });
    // The dialog shows the report it judges: what was done, the dates, the link and the file, and the 公开情况.
    const shown = dialog.getByTestId('check-report');
    await expect
      .poll(() => shown.innerText(), UI_POLL)
      .toMatch(/已完成[\s\S]*2021-11-30[\s\S]*2021-12-31[\s\S]*在时限内报送[\s\S]*行政事业性收费目录清单[\s\S]*附件：信息处理费票据管理说明\.txt/);
    await expect(shown.getByRole('link', { name: /行政事业性收费目录清单/ }).getAttribute('href')).resolves.toBe('http://www.cqyz.gov.cn/zwgk/fdzdgknr/sfxm/');
    await dialog.getByTestId('disclosure-proof').waitFor();
    // 佐证材料 once: the row's label, not again inside the row
    expect((await shown.locator('tr').filter({ has: cz.getByRole('link', { name: /行政事业性收费目录清单/ }) }).innerText()).match(/佐证材料/g)).toHaveLength(1);
    await screenshot(cz, 'plans-check-dialog-1366');
    expect(await seriousA11yViolations(cz)).toEqual([]);
    // The comment is required to return.
    await dialog.getByRole('button', { name: /退\s?回/ }).click();
    await dialog.getByText('退回时请填写意见').waitFor();
    await dialog.getByLabel('核查意见').fill('请补充收费目录清单中信息处理费项目的截图。');
    await dialog.getByRole('button', { name: /退\s?回/ }).click();
    await cz.getByText('已退回，该单位将收到通知').waitFor();
    const a = await assignmentOf('区教委');
    expect(a).toMatchObject({ checkStatus: 'returned', returnedCount: 1, status: 'in_progress' });
  });

  it('区教委 sees the return under the notification link and reports again', async () => {
    // Notifications link to /admin/plans/:planId/mine: that plan's tasks only.
    await jw.goto(`/admin/plans/${planId}/mine`);
    const task = jw.locator('.task-item').filter({ hasText: MEASURE_TEXT });
    await task.waitFor();
    await expect.poll(() => task.innerText(), UI_POLL).toContain('被退回，请整改后重新报送');
    await task.getByRole('button', { name: '重新报送 第 34 项' }).click();
    const drawer = jw.getByRole('dialog').filter({ hasText: '报送进展 · 第 34 项' });
    await drawer.getByText('已按上次报送的内容预填').waitFor();
    await expect(drawer.getByLabel('链接 1 标题').inputValue()).resolves.toBe('行政事业性收费目录清单');
    await drawer.locator('label').filter({ hasText: /^已完成$/ }).click();
    await drawer.getByLabel('工作情况').fill('已补充收费目录清单截图；信息处理费项目已纳入清单并公开。');
    await drawer.getByLabel('完成日期').fill('2021-12-10');
    await drawer.getByRole('button', { name: /提\s?交/ }).click();
    await jw.getByText('进展已报送').waitFor();
    const a = await assignmentOf('区教委');
    expect(a).toMatchObject({ checkStatus: 'pending', status: 'done', completedOn: '2021-12-10' });
    await expect(db().select().from(planReports).where(eq(planReports.assignmentId, a.id))).resolves.toHaveLength(2);
  });

  it('区财政局 accepts it on the measure page, where the timeline shows both rounds', async () => {
    await cz.goto('/admin/plans/mine');
    const toCheck = cz.locator('.task-item').filter({ hasText: '报送单位：区教委' });
    await toCheck.locator('.task-text').click();
    await cz.waitForURL(`**/admin/plans/${planId}/measures/${measureId}`);
    await cz.getByRole('heading', { level: 1, name: '第 34 项举措' }).waitFor();
    await cz.getByLabel('单位名称').fill('区教委');
    const row = cz.getByRole('row').filter({ hasText: '区教委' }).first();
    await row.getByRole('button', { name: '核查 区教委 第 34 项' }).click();
    const dialog = cz.getByRole('dialog').filter({ hasText: '核查 区教委 报送的第 34 项' });
    await expect.poll(() => dialog.getByTestId('check-report').innerText(), UI_POLL).toContain('已补充收费目录清单截图');
    await dialog.getByRole('button', { name: /通\s?过/ }).click();
    await cz.getByText('已通过核查').waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/已通过[\s\S]*退回 1 次/);
    await row.getByRole('button', { name: '展开行' }).click();
    const timeline = cz.locator('.assignment-timeline .timeline-entry');
    await timeline.nth(3).waitFor();
    await expect(timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')))).resolves.toEqual(['report', 'check-return', 'report', 'check-accept']);
    await expect.poll(() => cz.locator('.assignment-timeline').innerText(), UI_POLL).toMatch(/行政事业性收费目录清单[\s\S]*附件：信息处理费票据管理说明\.txt[\s\S]*请补充收费目录清单/);
    await cz.evaluate(() => window.scrollTo(0, 0));
    await screenshot(cz, 'plans-measure-timeline-1366', { fullPage: true });
    const a = await assignmentOf('区教委');
    expect(a.checkStatus).toBe('accepted');
    await expect(db().select().from(planChecks).where(eq(planChecks.assignmentId, a.id))).resolves.toHaveLength(2);
  });

  it('the office cannot close the measure out early, then closes it once every unit is accepted', async () => {
    await admin.goto(`/admin/plans/${planId}/measures/${measureId}`);
    await admin.getByRole('heading', { level: 1, name: '第 34 项举措' }).waitFor();
    await admin.getByRole('button', { name: /销\s?号/ }).click();
    await confirmPop(admin);
    await admin.getByRole('alert').filter({ hasText: /还有 \d+ 个责任单位的任务未通过核查，不能销号/ }).waitFor();

    // The other ~33 responsible units of this measure are accepted directly in the database: driving
    // each through the browser would repeat the 区教委 round 33 times and prove nothing new.
    await db()
      .update(planAssignments)
      .set({ status: 'done', checkStatus: 'accepted', completedOn: '2021-12-20', acceptedAt: new Date() })
      .where(and(eq(planAssignments.measureId, measureId), ne(planAssignments.checkStatus, 'accepted')));

    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: '第 34 项举措' }).waitFor();
    await admin.getByRole('button', { name: /销\s?号/ }).click();
    await confirmPop(admin);
    await admin.getByText('已销号', { exact: true }).first().waitFor();
    await admin.getByRole('button', { name: '重新打开' }).waitFor();
    const [m] = await db().select().from(planMeasures).where(eq(planMeasures.id, measureId));
    expect(m.status).toBe('closed');
  });

  it('the dashboard shows the measure closed and the units accepted', async () => {
    await admin.goto(`/admin/plans/${planId}?tab=dashboard`);
    await admin.locator('[data-stat="closed"] .ant-statistic-content').waitFor();
    const after = {
      closed: await admin.locator('[data-stat="closed"] .ant-statistic-content').innerText(),
      accepted: await admin.locator('[data-stat="accepted"] .ant-statistic-content').innerText(),
    };
    const total = (await db().select().from(planAssignments).where(eq(planAssignments.measureId, measureId))).length;
    expect(before).toEqual({ closed: '0', accepted: '0' });
    expect(after).toEqual({ closed: '1', accepted: String(total) });
    const area = await admin.locator('.plan-chart').first().getAttribute('aria-label');
    expect(area).toMatch(/紧扣政府信息公开条例实施深化政务公开 \d+%（已销号 1\/11）/);
    await admin.locator('.plan-chart canvas').first().waitFor();
    await screenshot(admin, 'plans-dashboard-1366');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    // The tree agrees: measure 34 is closed at 100%.
    await admin.getByRole('tab', { name: '举措' }).click();
    await expect.poll(() => admin.locator('.tree-measure[data-seq="34"]').innerText(), UI_POLL).toMatch(/已销号[\s\S]*100%/);
  });

  it('drafts a 通报, edits a section, downloads the Word file and finds the edit in it', async () => {
    await admin.getByRole('tab', { name: '通报' }).click();
    await admin.getByRole('button', { name: '起草通报' }).click();
    const drawer = admin.getByRole('dialog').filter({ hasText: '编辑通报' });
    const body = drawer.getByLabel('第 2 节 正文');
    await body.waitFor();
    await body.fill(`${await body.inputValue()}\n${CIRCULAR_EDIT}`);
    // Unsaved edits are saved first, then the Word file is downloaded with them.
    const [download] = await Promise.all([admin.waitForEvent('download'), drawer.getByRole('button', { name: '保存并下载 Word' }).click()]);
    await admin.getByText('通报已保存').waitFor();
    await drawer.getByRole('button', { name: /取\s?消/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await readDownload(download));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain(CIRCULAR_EDIT);
    expect(text).toContain('渝中区2021年政务公开工作要点任务分工');

    await admin.getByRole('button', { name: /^印\s?发 关于/ }).click();
    await confirmPop(admin);
    await admin.getByText('通报已印发').waitFor();
  });

  it('lists the 通报 marks under the circulars and withdraws one made in error, with a reason', async () => {
    const office = await h.t.userWith(['office_admin']);
    const [mz] = await db().select().from(units).where(eq(units.shortName, '区民政局'));
    const made = await office.request('POST', `/api/plans/${planId}/marks`, { unitId: mz.id, kind: 'criticize', reason: '误标：应为表扬' });
    expect(made.statusCode).toBe(200);
    await admin.reload();
    await admin.getByRole('tab', { name: '通报' }).click();
    const section = admin.locator('section[aria-labelledby="marks-h"]');
    const row = section.getByRole('row').filter({ hasText: '误标：应为表扬' });
    await row.waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/区民政局[\s\S]*通报批评/);
    await row.getByRole('button', { name: '撤销对区民政局的通报批评标记' }).click();
    const dialog = admin.getByRole('dialog').filter({ hasText: '撤销对区民政局的通报批评标记' });
    await dialog.getByLabel('撤销理由').fill('标记对象有误');
    await dialog.getByRole('button', { name: /撤\s?销/ }).click();
    await admin.getByText('已撤销标记').waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toContain('已撤销');
    await section.scrollIntoViewIfNeeded();
    await screenshot(admin, 'plans-circular-marks-1366', { keepScroll: true });
    expect(await seriousA11yViolations(admin)).toEqual([]);
    const [ev] = await db().select().from(planEvents).where(eq(planEvents.id, made.json().id));
    expect(ev.withdrawn).toBe(true);
  });

  it('downloads the ledger, where 区教委 has 已完成 and 已通过 on measure 34', async () => {
    await admin.getByRole('tab', { name: '导出' }).click();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: /下载台账/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/台账\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readDownload(download)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务分工台账')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > 2 && row.getCell(col('承办单位')).text === '区教委' && row.getCell(col('贯彻举措')).text.includes(MEASURE_TEXT)) rows.push(row);
    });
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect({
      status: r.getCell(col('报送进展')).text,
      check: r.getCell(col('状态')).text,
      completed: r.getCell(col('完成日期')).text,
      closed: r.getCell(col('销号情况')).text,
    }).toEqual({ status: '已完成', check: '已通过', completed: '2021-12-10', closed: '已销号' });
    // Rows nobody reported on say 未报送, never 待核查 (the units accepted directly in the database above have no report).
    const states = new Set<string>();
    ws.eachRow((row, n) => void (n > 2 && row.getCell(col('报送进展')).text === '未报送' && states.add(row.getCell(col('状态')).text)));
    expect(states.has('未报送')).toBe(true);
    expect(states.has('待核查')).toBe(false);
    fs.mkdirSync('screenshots', { recursive: true });
    fs.writeFileSync('screenshots/plans-ledger.xlsx', await readDownload(download));
    expect(r.getCell(col('佐证材料')).text).toContain('附件：信息处理费票据管理说明.txt');
    expect(jwUnitId).toBeTruthy();
  });

  it('raised no script h.errors along the way', () => {
    expect(h.errors).toEqual([]);
  });
});
