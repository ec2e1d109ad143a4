import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason } from './browser-path.ts';
import { catalogColumns, documentAttachments, documents, users as usersTable } from '../src/db/schema/index.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/**
 * 目录与发布 in a real browser against the real server (a seeded catalog, the 2021 plan imported):
 * an editor of 区政府办公室 drafts a notice that carries an ID number and a mobile number and sends
 * it up; two reviewers pass 初审 and 复审 (one person per step); the approver's 终审 is refused until both values are masked,
 * then publishes. The public page shows the masked values and the metadata; search finds it by a
 * two-character word and by its document number. Screenshots for people to look at; axe-core clean.
 */
describe.skipIf(browserSkipReason() !== null)('catalog (目录与发布) in the browser', () => {
  let h: Harness;
  const users: Record<'editor' | 'reviewer' | 'reviewer2' | 'approver' | 'office', string> = { editor: '', reviewer: '', reviewer2: '', approver: '', office: '' };
  let columnId = '';
  let docId = '';

  const ID = '500103199001011232';
  const ID_MASKED = '500103********1232';
  const MOBILE = '13812345678';
  const MOBILE_MASKED = '138****5678';
  const DOC_NUMBER = '渝中府办〔2021〕41号';
  const TITLE = '关于招募政务公开社会监督员的通知';
  const BODY = [
    '为进一步做好政务公开工作，现面向社会招募政务公开社会监督员。',
    `报名联系人身份证号：${ID}，联系电话：${MOBILE}。`,
    '请于2021年6月30日前将报名表报送区政府办公室。',
  ].join('\n');

  const db = () => h.t.database.db;

  const docStatus = async () => (await db().select().from(documents).where(eq(documents.id, docId)))[0];

  /** The reviewer's page of the document, at its current step. */
  const openForReview = async (username: string, step: string) => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, username);
    await page.goto(`/admin/catalog/documents/${docId}`);
    await page.getByText(`当前步骤：${step}`).waitFor();
    return page;
  };

  beforeAll(async () => {
    h = await startHarness({ withPlan: true });
    const t = h.t;
    users.editor = (await t.userWith(['editor'])).actor.username;
    users.reviewer = (await t.userWith(['reviewer'])).actor.username;
    users.reviewer2 = (await t.userWith(['reviewer'])).actor.username;
    users.approver = (await t.userWith(['approver'])).actor.username;
    users.office = (await t.userWith(['office_admin'])).actor.username;
    const [column] = await db().select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    columnId = column.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an editor drafts a notice in 通知公告 from the menu, sees its 索引号 and sends it up', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.editor);
    const menu = page.getByRole('navigation', { name: '功能菜单' });
    await menu.getByText('文件管理').click();
    await page.waitForURL('**/admin/catalog/documents');
    // Editors see the documents page but not column management.
    await expect(menu.getByText('栏目管理').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '在“通知公告”中新建文件' }).waitFor();
    await screenshot(page, 'catalog-documents-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '在“通知公告”中新建文件' }).click();
    await page.waitForURL(`**/admin/catalog/documents/new?columnId=${columnId}`);
    await page.getByRole('heading', { level: 1, name: '新建文件' }).waitFor();
    // The column comes from the address and shows by name.
    await page.locator('.ant-select').filter({ hasText: '通知公告' }).first().waitFor();
    await page.getByLabel('标题').fill(TITLE);
    // The body is a rich-text editor: one paragraph a line, as an editor types them.
    await page.getByRole('textbox', { name: '正文' }).click();
    for (const [i, line] of BODY.split('\n').entries()) {
      if (i) await page.keyboard.press('Enter');
      await page.keyboard.insertText(line);
    }
    await page.getByLabel('成文日期').fill('2021-06-01');
    await page.getByLabel('发文字号').fill(DOC_NUMBER);
    await page.getByLabel('主题分类').fill('综合政务');
    await expect(page.getByLabel('发布机构').inputValue()).resolves.toBe('重庆市渝中区人民政府办公室');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText(/已新建，索引号 .+/).waitFor();
    await page.waitForURL(/\/admin\/catalog\/documents\/[0-9a-f-]{36}$/);
    docId = page.url().split('/').pop()!;
    const saved = await docStatus();
    expect(saved).toMatchObject({ title: TITLE, status: 'draft', docNumber: DOC_NUMBER, writtenOn: '2021-06-01', topic: '综合政务', columnId });
    expect(saved.bodyHtml).toContain(`<p>报名联系人身份证号：${ID}，联系电话：${MOBILE}。</p>`);
    await expect.poll(() => page.getByTestId('index-no').innerText(), UI_POLL).toBe(saved.indexNo);
    // The editor already sees what the approver will have to settle, without buttons to settle it.
    const pii = page.getByTestId('pii-panel');
    await pii.locator('tbody tr.ant-table-row').nth(1).waitFor();
    await expect(pii.locator('tbody tr.ant-table-row').count()).resolves.toBe(2);
    await expect(pii.getByRole('button', { name: '一键去标识化' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: /送\s?审/ }).click();
    await page.getByText('已送审').waitFor();
    await page.getByTestId('doc-status').getByText('审核中').waitFor();
    // Whoever sends a round up is told that someone else reviews it.
    await page.getByText('本轮由您送审，须由其他审核人员办理。').waitFor();
    await screenshot(page, 'catalog-editor-submitted-1366');
    await expect((await docStatus()).status).toBe('in_review');
    // Nothing to edit while it is under review.
    await expect(page.getByLabel('标题').isDisabled()).resolves.toBe(true);
  });

  /** At every step the reviewer sees the personal information still open (not only at 终审). */
  const seesFindings = async (page: Awaited<ReturnType<typeof openForReview>>) => {
    const pii = page.getByTestId('pii-panel');
    await expect.poll(() => pii.locator('tbody tr.ant-table-row').count(), UI_POLL).toBe(2);
    await expect(pii.getByText('点击“通过并发布”时系统会检查个人信息', { exact: false }).count()).resolves.toBe(0);
  };

  it('two reviewers pass 初审 and 复审, each seeing the PII findings; whoever took 初审 is not offered 复审', async () => {
    const page = await openForReview(users.reviewer, '初审');
    await seesFindings(page);
    await page.getByLabel('审核意见').fill('内容属实，同意。');
    await page.getByRole('button', { name: /^通\s?过$/ }).click();
    // 三审 means three people: 复审 waits for another reviewer; this one has no buttons.
    await page.getByText('等待审核员办理“复审”').waitFor();
    await page.getByText('您已办理本轮审核中的一个步骤', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: /^通\s?过/ }).count()).resolves.toBe(0);

    const second = await openForReview(users.reviewer2, '复审');
    await seesFindings(second);
    await screenshot(second, 'catalog-review-findings-1366');
    await second.getByRole('button', { name: /^通\s?过$/ }).click();
    // 终审 is the approver's: the reviewer is told, and has no buttons.
    await second.getByText('等待签发人办理“终审”').waitFor();
    await expect(second.getByRole('button', { name: /^通\s?过/ }).count()).resolves.toBe(0);
    // The trail names who decided each step.
    const [r1, r2] = [users.reviewer, users.reviewer2].map((u) => h.t.database.db.select().from(usersTable).where(eq(usersTable.username, u)));
    const [n1, n2] = [(await r1)[0].displayName, (await r2)[0].displayName];
    await expect.poll(() => second.getByTestId('review-panel').innerText(), UI_POLL).toMatch(new RegExp(`初审 · 通过 · ${n1}[\\s\\S]*内容属实，同意。[\\s\\S]*复审 · 通过 · ${n2}`));
    expect((await docStatus()).reviewStep).toBe(2);
  });

  it('the approver is refused until both values are masked, then publishes', async () => {
    const page = await openForReview(users.approver, '终审');
    // Without the 保密审查 confirmation nothing is sent.
    await page.getByRole('button', { name: '通过并发布' }).click();
    await page.getByText('请先确认已完成保密审查').waitFor();
    await page.getByLabel('已完成保密审查').check();
    await page.getByRole('button', { name: '通过并发布' }).click();
    const pii = page.getByTestId('pii-panel');
    await pii.getByText('发现 2 处个人信息尚未处理，不能发布。', { exact: false }).waitFor();
    const rows = pii.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), UI_POLL).toBe(2);
    await expect.poll(() => rows.nth(0).innerText(), UI_POLL).toMatch(new RegExp(`身份证号[\\s\\S]*${ID}[\\s\\S]*正文[\\s\\S]*${ID_MASKED.replace(/\*/g, '\\*')}`));
    await expect.poll(() => rows.nth(1).innerText(), UI_POLL).toMatch(new RegExp(`手机号[\\s\\S]*${MOBILE}[\\s\\S]*${MOBILE_MASKED.replace(/\*/g, '\\*')}`));
    expect((await docStatus()).status).toBe('in_review');
    await screenshot(page, 'catalog-editor-pii-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await pii.getByRole('button', { name: '一键去标识化' }).click();
    await page.getByText('已去标识化 2 处').waitFor();
    await pii.getByText('未发现待处理的个人信息。').waitFor();
    const masked = await docStatus();
    expect(masked.bodyText).toContain(ID_MASKED);
    expect(masked.bodyText).not.toContain(ID);
    expect(masked.bodyText).not.toContain(MOBILE);

    // The masking is a version of its own; comparing shows the line that changed.
    const versions = page.getByTestId('versions-panel');
    await versions.getByText(`第 ${masked.version} 版`, { exact: false }).first().waitFor();
    await versions.getByRole('button', { name: /比\s?较/ }).click();
    const diff = page.getByTestId('compare-result');
    await expect.poll(() => diff.locator('del').innerText(), UI_POLL).toContain(ID);
    await expect.poll(() => diff.locator('ins').innerText(), UI_POLL).toContain(ID_MASKED);

    await page.getByLabel('已完成保密审查').check();
    await page.getByRole('button', { name: '通过并发布' }).click();
    await page.getByText('终审通过，文件已发布').waitFor();
    await page.getByTestId('doc-status').getByText('已发布').waitFor();
    expect((await docStatus()).status).toBe('published');
    await expect(page.getByRole('link', { name: '查看公开页面' }).getAttribute('href')).resolves.toBe(`/doc/${docId}`);
    await expect.poll(() => page.getByTestId('review-panel').innerText(), UI_POLL).toMatch(/终审 · 通过 · .+ · 已确认保密审查/);
    await screenshot(page, 'catalog-editor-published-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  for (const [size, viewport] of [
    ['1366', DESKTOP],
    ['390', PHONE],
  ] as const) {
    it(`the public page shows the masked values and the metadata at ${size}`, async () => {
      const page = await h.openPage(viewport);
      const res = await page.goto(`/doc/${docId}`);
      expect(res?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).toContain(ID_MASKED);
      expect(text).toContain(MOBILE_MASKED);
      expect(text).not.toContain(ID);
      expect(text).not.toContain(MOBILE);
      const { indexNo } = await docStatus();
      for (const [label, value] of [
        ['索引号', indexNo!],
        ['发布机构', '重庆市渝中区人民政府办公室'],
        ['成文日期', '2021-06-01'],
        ['发文字号', DOC_NUMBER],
        ['有效性', '现行有效'],
      ])
        expect(text, label).toMatch(new RegExp(`${label}[\\s：:]*${value.replace(/[〔〕]/g, '.')}`));
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `catalog-public-document-${size}`);
      await screenshot(page, `catalog-public-document-${size}-full`, { fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  it('search finds it by a two-character word and by its document number', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`/search?q=${encodeURIComponent('监督')}`);
    await page.getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) }).first().waitFor();
    await expect(page.locator(`a[href="/doc/${docId}"]`).count()).resolves.toBeGreaterThan(0);
    const res = await page.request.get(`/api/public/search?q=${encodeURIComponent(DOC_NUMBER)}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { total: number; hits: { id: string }[] };
    expect(body.hits.map((h) => h.id)).toContain(docId);
    expect(body.hits[0].id).toBe(docId);
  });

  it('a saved attachment is listed when the document is opened again and kept when only the title changes', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.editor);
    await page.goto(`/admin/catalog/documents/new?columnId=${columnId}`);
    await page.getByRole('heading', { level: 1, name: '新建文件' }).waitFor();
    await page.getByLabel('标题').fill('关于公布2021年政务公开培训名单的通知');
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.insertText('培训名单见附件。');
    await page.getByLabel('选择附件文件').setInputFiles({ name: '培训名单.txt', mimeType: 'text/plain', buffer: Buffer.from('区政府办公室 政务公开培训 第一期\n') });
    await page.getByText('已上传：培训名单.txt').waitFor();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText(/已新建，索引号 .+/).waitFor();
    await page.waitForURL(/\/admin\/catalog\/documents\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const attachments = async () => (await h.t.database.db.select().from(documentAttachments).where(eq(documentAttachments.documentId, id))).length;
    expect(await attachments()).toBe(1);

    // Opened again: the saved attachment is listed, with its size.
    await page.reload();
    const list = page.getByTestId('attachment-list');
    await expect.poll(() => list.innerText(), UI_POLL).toMatch(/培训名单\.txt\s*\d+ B/);
    await expect(page.getByText('已保存的附件未在此列出', { exact: false }).count()).resolves.toBe(0);
    // Only the title changes: the attachment stays.
    await page.getByLabel('标题').fill('关于公布2021年政务公开培训名单的通知（更正）');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    expect(await attachments()).toBe(1);
    await expect.poll(() => list.innerText(), UI_POLL).toContain('培训名单.txt');
    await screenshot(page, 'catalog-editor-attachments-1366');
    // Removing it is explicit.
    await page.getByRole('button', { name: '移除附件 培训名单.txt' }).click();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(attachments, UI_POLL).toBe(0);
  });

  it('the office manages columns: counts and flags in the tree, settings saved, the inspection checks', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.office);
    await page.getByRole('navigation', { name: '功能菜单' }).getByText('栏目管理').click();
    await page.waitForURL('**/admin/catalog/columns');
    const tree = page.getByRole('tree');
    const node = tree.locator('.column-node').filter({ hasText: /^通知公告/ });
    const published = await db().select().from(documents).where(and(eq(documents.columnId, columnId), eq(documents.status, 'published')));
    expect(published.map((d) => d.id)).toContain(docId);
    await expect.poll(() => node.innerText(), UI_POLL).toMatch(new RegExp(`已发布 ${published.length} · 最近 \\d{4}-\\d{2}-\\d{2}`));
    await page.getByTestId('catalog-health').getByText(/空白栏目 \d+/).first().waitFor();
    await node.click();
    await page.getByRole('heading', { name: '栏目设置：通知公告' }).waitFor();
    await expect(page.getByLabel('更新周期（天）').inputValue()).resolves.toBe('180');
    await page.getByLabel('更新周期（天）').fill('90');
    await page.getByLabel('备注说明').fill('本栏目发布本级通知公告。');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('栏目设置已保存').waitFor();
    const [col] = await db().select().from(catalogColumns).where(and(eq(catalogColumns.id, columnId)));
    expect(col).toMatchObject({ updateIntervalDays: 90, note: '本栏目发布本级通知公告。' });
    await screenshot(page, 'catalog-columns-1366');
    await screenshot(page, 'catalog-columns-1366-full', { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const phone = await h.openPage(PHONE);
    await signIn(phone, users.office);
    await phone.goto('/admin/catalog/columns');
    await phone.getByRole('tree').waitFor();
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'catalog-columns-390');
    // On a phone the settings sit below the tree and come into view on selection.
    await phone.getByRole('tree').locator('.column-node').filter({ hasText: /^通知公告/ }).click();
    await phone.getByRole('heading', { name: '栏目设置：通知公告' }).waitFor();
    await phone.waitForTimeout(600);
    await expect(phone.getByLabel('更新周期（天）').isVisible()).resolves.toBe(true);
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
    expect(h.errors).toEqual([]);
  });
  it('the editor marks a 行政规范性文件 and, once it is repealed, the day it ceased; the portal shows both', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, users.editor);
    await page.goto(`/admin/catalog/documents/new?columnId=${columnId}`);
    await page.getByRole('heading', { level: 1, name: '新建文件' }).waitFor();
    await page.getByLabel('标题').fill('重庆市渝中区城市道路占用挖掘管理办法');
    await page.getByLabel('成文日期').fill('2019-04-10');
    await page.getByLabel('发文字号').fill('渝中府发〔2019〕8号');
    // Left empty, the kind is the column's; the editor says what it is.
    await expect(page.getByText('按所选栏目判断').count()).resolves.toBe(1);
    await chooseOption(page.getByLabel('文件类别'), '行政规范性文件');
    // The day it ceased is asked for only when the validity says it ceased.
    await expect(page.getByLabel('废止日期').count()).resolves.toBe(0);
    await chooseOption(page.getByLabel('有效性'), '已废止');
    await page.getByLabel('废止日期').waitFor();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('请填写废止日期').waitFor();
    await page.getByLabel('废止日期').fill('2024-06-30');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.waitForURL(/\/admin\/catalog\/documents\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const [saved] = await db().select().from(documents).where(eq(documents.id, id));
    expect(saved).toMatchObject({ normativeKind: '行政规范性文件', validity: 'repealed', validityOn: '2024-06-30' });
    // Opened again, the form shows what was saved.
    await page.reload();
    await expect.poll(() => page.locator('.ant-form-item').filter({ hasText: '文件类别' }).innerText(), UI_POLL).toContain('行政规范性文件');
    await expect(page.getByLabel('废止日期').inputValue()).resolves.toBe('2024-06-30');
    await page.getByLabel('废止日期').scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-editor-normative-1366', { keepScroll: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const phone = await h.openPage(PHONE);
    await signIn(phone, users.editor);
    await phone.goto(`/admin/catalog/documents/${id}`);
    await phone.getByLabel('废止日期').scrollIntoViewIfNeeded();
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'catalog-editor-normative-390', { keepScroll: true });
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // Published (the review chain is the first tests' subject), the portal page says what a citizen looks for.
    await db().update(documents).set({ status: 'published', publishedAt: new Date('2019-04-12T02:00:00Z') }).where(eq(documents.id, id));
    const portal = await h.openPage(PHONE);
    await portal.goto(`/doc/${id}`);
    const text = await portal.locator('body').innerText();
    expect(text).toMatch(/文件类别[\s：:]*行政规范性文件/);
    expect(text).toMatch(/有效性[\s：:]*已废止/);
    expect(text).toMatch(/废止日期[\s：:]*2024-06-30/);
    expect(text).toContain('本文件自 2024-06-30 起废止，不再执行。');
    await screenshot(portal, 'catalog-public-normative-390');
    expect(h.errors).toEqual([]);
  });
});
