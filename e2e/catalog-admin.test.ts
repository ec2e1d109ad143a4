import { asc, eq } from 'drizzle-orm';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { auditLog, catalogColumnMeasures, catalogColumns, catalogPathMappings, documentInterpretations, documents, planMeasures, plans } from '../src/db/schema/index.ts';
import { TEST_PASSWORD, type ApiClient, type TestApp } from '../src/testing/test-app.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, screenshotOf, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * Three admin features in a real browser against the real server (seeded catalog, the 2021 plan):
 * 公开路径映射 (review, add, edit, delete, preview against the plan, build what is missing), the
 * 政策解读 panel of the document editor (link, see it from both sides, unlink), and 公开情况 on a
 * measure's page (paths → columns → documents, and the lead unit writing them into its 检查结果).
 */
describe.skipIf(browserSkipReason() !== null)('catalog admin: path mappings, interpretations, disclosure proof', () => {
  let h: Harness;
  let t: TestApp;
  const users: Record<'office' | 'liaison' | 'editor', string> = { office: '', liaison: '', editor: '' };
  let editorApi: ApiClient;
  let planId = '';

  const db = () => t.database.db;

  const measureOfColumn = async (name: string) => {
    const [row] = await db()
      .select({ id: catalogColumnMeasures.measureId })
      .from(catalogColumnMeasures)
      .innerJoin(catalogColumns, eq(catalogColumns.id, catalogColumnMeasures.columnId))
      .where(eq(catalogColumns.name, name));
    return row.id;
  };

  beforeAll(async () => {
    h = await startHarness({ withPlan: true });
    t = h.t;
    users.office = (await t.userWith(['office_admin'])).actor.username;
    users.liaison = (await t.userWith(['liaison'], '区财政局')).actor.username;
    const editor = await t.userWith(['editor']);
    users.editor = editor.actor.username;
    editorApi = editor;
    [{ id: planId }] = await db().select({ id: plans.id }).from(plans).where(eq(plans.year, 2021));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows 公开情况 on a measure: path → column → documents of the plan year; none for a measure without paths', async () => {
    const measureId = await measureOfColumn('国民经济和社会发展规划');
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.office);
    await page.goto(`/admin/measures/${measureId}`);
    const card = page.getByTestId('disclosure-proof');
    await expect.poll(() => card.innerText(), UI_POLL).toContain('1 个栏目中 1 个本年度有发布');
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('政府信息公开 > 法定主动公开内容 > 规划信息 > 国民经济和社会发展规划');
    expect(text).toContain('本年度发布：1 份');
    expect(text).toContain('已公开');
    const docLink = card.getByRole('link', { name: /十四个五年规划/ });
    expect(await docLink.getAttribute('href')).toMatch(/^\/doc\/[0-9a-f-]{36}$/);
    expect(await card.locator('.proof-column-link').getAttribute('href')).toMatch(/^\/xxgk\//);
    // The plan is a draft: nobody checks yet, so there is nothing to write into a 检查结果.
    await expect(card.getByRole('button', { name: '写入检查结果' }).count()).resolves.toBe(0);
    await screenshotOf(card, 'disclosure-proof-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A measure with several paths, whose columns have published nothing.
    const many = await measureOfColumn('核酸检测点');
    await page.goto(`/admin/measures/${many}`);
    await expect.poll(() => card.innerText(), UI_POLL).toContain('未公开');
    await screenshot(page, 'disclosure-proof-page-1366', { fullPage: true });

    const all = await db().select({ id: planMeasures.id, paths: planMeasures.disclosurePaths, instructions: planMeasures.columnInstructions }).from(planMeasures).where(eq(planMeasures.planId, planId));
    const bare = all.find((m) => m.paths.length === 0 && (m.instructions as unknown[]).length === 0)!;
    await page.goto(`/admin/measures/${bare.id}`);
    await expect.poll(() => card.innerText(), UI_POLL).toContain('本举措未指定公开路径。');

    const phone = await h.openPage(PHONE);
    await signIn(phone, users.office);
    await phone.goto(`/admin/measures/${many}`);
    const small = phone.getByTestId('disclosure-proof');
    await expect.poll(() => small.innerText(), UI_POLL).toContain('未公开');
    await screenshotOf(small, 'disclosure-proof-390');
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
  });

  it('once the plan is issued, the office (checking) writes the document links into its 检查结果', async () => {
    const office = await t.login(users.office, TEST_PASSWORD);
    const preview = (await office.request('GET', `/api/plans/${planId}/issue-preview`)).json();
    const selections = Object.fromEntries(preview.selections.map((s: { measureId: string; suggested: string[] }) => [s.measureId, s.suggested.slice(0, 2)]));
    expect((await office.request('POST', `/api/plans/${planId}/issue`, { selections })).statusCode).toBe(200);

    const measureId = await measureOfColumn('国民经济和社会发展规划');
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.office);
    await page.goto(`/admin/measures/${measureId}`);
    const card = page.getByTestId('disclosure-proof');
    await card.getByRole('button', { name: '写入检查结果' }).click();
    const dialog = page.getByRole('dialog', { name: '牵头单位检查结果' });
    const value = await dialog.getByLabel('检查结果').inputValue();
    expect(value).toMatch(/^公开情况（2021 年）：\n《【示例】渝中区国民经济和社会发展第十四个五年规划.*》（2021-\d\d-\d\d）http:\/\/127\.0\.0\.1:\d+\/doc\/[0-9a-f-]{36}$/u);
    await screenshotOf(dialog, 'disclosure-proof-summary-1366');
    await dialog.getByRole('button', { name: '提交检查结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText('公开情况（2021 年）：').count(), UI_POLL).toBeGreaterThan(0);
  });

  it('an editor links the policy an interpretation explains, sees it from both sides, and unlinks it after confirming', async () => {
    const [tzgg] = await db().select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    const interp = (
      await editorApi.request('POST', '/api/documents', { columnId: tzgg.id, title: '图解：渝中区“十四五”规划纲要', bodyHtml: '<p>一图读懂。</p>', publisher: '重庆市渝中区人民政府办公室' })
    ).json();
    const [policy] = await db().select().from(documents).where(eq(documents.title, '【示例】渝中区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要'));

    const page = await h.openPage(DESKTOP);
    await signIn(page, users.editor);
    await page.goto(`/admin/catalog/documents/${interp.id}`);
    const panel = page.getByTestId('interpretations-panel');
    await panel.getByText('尚未关联解读。').waitFor();
    await panel.getByRole('button', { name: '关联所解读的政策' }).click();
    const dialog = page.getByRole('dialog', { name: '关联本文件所解读的政策' });
    await dialog.getByLabel('按标题查找文件').fill('远景目标');
    const option = page.locator('.ant-select-dropdown').getByText('远景目标纲要', { exact: false }).first();
    await option.waitFor({ timeout: 15_000 });
    // Wide enough to read the titles, even when typed into while the dialog zooms in.
    await expect.poll(() => page.locator('.ant-select-dropdown').evaluate((el) => el.getBoundingClientRect().width), UI_POLL).toBeGreaterThan(400);
    await screenshotOf(dialog, 'interpretation-link-dialog-1366');
    await chooseOption(dialog.getByLabel('按标题查找文件'), '远景目标纲要', '远景目标');
    await dialog.getByRole('button', { name: /关\s?联/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const policies = panel.getByTestId('interpreted-policies');
    await expect.poll(() => policies.innerText(), UI_POLL).toContain('远景目标纲要');
    expect(await policies.innerText()).toContain('文字');
    expect(await policies.innerText()).toContain('已发布');
    const [link] = await db().select().from(documentInterpretations).where(eq(documentInterpretations.interpretationId, interp.id));
    expect(link).toMatchObject({ policyId: policy.id, form: 'text' });
    await screenshot(page, 'interpretations-editor-1366', { fullPage: true });
    await screenshotOf(panel, 'interpretations-panel-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The office opens the policy: the interpretation is listed there, with its form and status.
    const office = await h.openPage(PHONE);
    await signIn(office, users.office);
    await office.goto(`/admin/catalog/documents/${policy.id}`);
    const other = office.getByTestId('interpretations-of-policy');
    await expect.poll(() => other.innerText(), UI_POLL).toContain('图解：渝中区“十四五”规划纲要');
    expect(await other.innerText()).toContain('草稿');
    await screenshotOf(office.getByTestId('interpretations-panel'), 'interpretations-panel-390');
    expect(await noSideScroll(office)).toBeLessThanOrEqual(0);

    await policies.getByRole('button', { name: /^取消与“.*远景目标纲要”的关联$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消关联' }).click();
    await expect.poll(() => policies.innerText(), UI_POLL).toContain('尚未关联所解读的政策');
    expect(await db().select().from(documentInterpretations).where(eq(documentInterpretations.interpretationId, interp.id))).toEqual([]);
  });

  it('the office opens 公开路径映射 from the columns page and sees the rule and what it does to the 2021 plan', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.office);
    await page.goto('/admin/catalog/columns');
    await page.getByRole('button', { name: '公开路径映射' }).click();
    await page.waitForURL('**/admin/catalog/columns/path-mappings');
    await page.getByRole('heading', { level: 1, name: '公开路径映射' }).waitFor();
    const rules = page.getByTestId('path-mappings');
    await expect.poll(() => rules.locator('tbody').innerText(), UI_POLL).toContain('政府信息公开目录');
    const rule = rules.locator('tbody tr').filter({ hasText: '指政务公开下的目录' });
    expect((await rule.innerText()).replace(/\s+/g, ' ')).toMatch(/^政府信息公开目录 .*政务公开 > 政府信息公开目录/);
    // Office admins may change them.
    await rule.getByRole('button', { name: '编辑“政府信息公开目录”的映射' }).waitFor();
    const preview = page.getByTestId('path-preview');
    await expect.poll(() => preview.getByTestId('preview-counts').innerText(), UI_POLL).toMatch(/共 \d+ 条路径，其中 \d+ 条经映射改写，0 条尚无对应栏目/);
    const row = preview.locator('tbody tr').filter({ hasText: '惠民资金' }).first();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('政府信息公开目录 > 惠民资金');
    expect(text).toContain('政务公开 > 政府信息公开目录 > 惠民资金');
    expect(text).toContain('按“政府信息公开目录”映射');
    expect(text).toContain('栏目已建立');
    expect(await row.getByRole('link').getAttribute('href')).toMatch(/^\/xxgk\//);
    await screenshot(page, 'path-mappings-1366');
    await screenshotOf(preview, 'path-preview-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
  });

  it('adds a mapping (pasting a whole path splits it into levels), builds the missing columns, edits and deletes it', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.office);
    await page.goto('/admin/catalog/columns/path-mappings');
    const preview = page.getByTestId('path-preview');
    await preview.getByTestId('preview-counts').waitFor();
    const rules = page.getByTestId('path-mappings');
    const before = await rules.locator('tbody tr').count();

    await page.getByRole('button', { name: '新增映射' }).click();
    const dialog = page.getByRole('dialog', { name: '新增映射' });
    const level = (d: Locator, name: string) => d.getByRole('textbox', { name, exact: true });
    await level(dialog, '原路径前缀第 1 级').fill('政府信息公开>法定主动公开内容>规划信息');
    await expect.poll(() => dialog.getByRole('textbox', { name: /^原路径前缀第 \d 级$/ }).count(), UI_POLL).toBe(3);
    await expect(level(dialog, '原路径前缀第 3 级').inputValue()).resolves.toBe('规划信息');
    await level(dialog, '对应栏目路径第 1 级').fill('政务公开＞规划信息');
    await expect(level(dialog, '对应栏目路径第 2 级').inputValue()).resolves.toBe('规划信息');
    await dialog.getByLabel('说明').fill('规划信息统一放在政务公开下');
    await screenshotOf(dialog, 'path-mapping-dialog-1366');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rules.locator('tbody tr').count(), UI_POLL).toBe(before + 1);
    expect((await rules.innerText()).replace(/\s+/g, ' ')).toContain('政府信息公开 > 法定主动公开内容 > 规划信息');

    // The preview follows: the plan's 规划信息 paths now land where no column exists yet.
    await expect.poll(() => preview.getByTestId('preview-counts').innerText(), UI_POLL).toMatch(/[1-9]\d* 条尚无对应栏目/);
    const planRow = preview.locator('tbody tr').filter({ hasText: '国民经济和社会发展规划' }).first();
    expect((await planRow.innerText()).replace(/\s+/g, ' ')).toContain('政务公开 > 规划信息 > 国民经济和社会发展规划');
    expect(await planRow.innerText()).toContain('尚无此栏目');
    await preview.getByRole('switch').click();
    await expect.poll(async () => (await preview.locator('tbody tr').allInnerTexts()).every((r) => r.includes('尚无此栏目')), UI_POLL).toBe(true);
    await screenshotOf(preview, 'path-preview-missing-1366');

    // A second mapping of the same prefix is refused on the field, in Chinese.
    await page.getByRole('button', { name: '新增映射' }).click();
    const again = page.getByRole('dialog', { name: '新增映射' });
    await level(again, '原路径前缀第 1 级').fill('政府信息公开目录');
    await level(again, '对应栏目路径第 1 级').fill('政府信息公开');
    await again.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => again.locator('.ant-form-item-explain-error').allInnerTexts(), UI_POLL).toEqual([expect.stringContaining('已有映射')]);
    await again.getByRole('button', { name: /取\s?消/ }).click();

    // Build what is missing, from here.
    await preview.getByRole('button', { name: '按当前映射建立缺少的栏目' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '按当前映射建立缺少的栏目' }).click();
    await expect.poll(() => preview.getByTestId('preview-counts').innerText(), UI_POLL).toContain('0 条尚无对应栏目');
    const built = await db().select().from(catalogColumns).where(eq(catalogColumns.name, '规划信息'));
    expect(built.length).toBe(2); // the old one under 法定主动公开内容, and the new one under 政务公开

    const name = '“政府信息公开>法定主动公开内容>规划信息”的映射';
    await rules.getByRole('button', { name: `编辑${name}` }).click();
    const edit = page.getByRole('dialog', { name: '修改映射' });
    await expect(level(edit, '对应栏目路径第 2 级').inputValue()).resolves.toBe('规划信息');
    await edit.getByLabel('说明').fill('试行一年');
    await edit.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => rules.innerText(), UI_POLL).toContain('试行一年');

    await rules.getByRole('button', { name: `删除${name}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    await expect.poll(() => rules.locator('tbody tr').count(), UI_POLL).toBe(before);
    const left = await db().select().from(catalogPathMappings);
    expect(left.map((m) => m.fromPrefix.join('>'))).not.toContain('政府信息公开>法定主动公开内容>规划信息');
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, 'catalog_path_mapping')).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['catalog.path_mapping_create', 'catalog.path_mapping_update', 'catalog.path_mapping_delete']);
  });

  it('a unit liaison reads the mappings without the buttons that change them; the page fits a phone', async () => {
    const page = await h.openPage(PHONE);
    await signIn(page, users.liaison);
    await page.goto('/admin/catalog/columns/path-mappings');
    await page.getByText('映射规则由系统管理员或主管部门管理员维护，此处仅供查看。').waitFor();
    await expect.poll(() => page.getByTestId('path-mappings').innerText(), UI_POLL).toContain('政府信息公开目录');
    await expect(page.getByRole('button', { name: '新增映射' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^编辑“/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '按当前映射建立缺少的栏目' }).count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('preview-counts').innerText(), UI_POLL).toContain('条路径');
    await screenshot(page, 'path-mappings-390');
    await screenshotOf(page.getByTestId('path-preview').locator('tbody tr').first(), 'path-preview-row-390');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('raised no page or console h.errors', () => {
    expect(h.errors).toEqual([]);
  });
});
