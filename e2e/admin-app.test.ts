import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { auditLog, calendarDays, calendarYears, notifications, unitAliases, units, users } from '../src/db/schema/index.ts';
import { notifyUsers } from '../src/platform/notifications/notify.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, screenshot, seriousA11yViolations, startHarness, type Harness } from './harness.ts';

/**
 * One administrator's first day, in a real browser against the real server: forced password change,
 * a new unit and its alias, the name resolver, a new account, the audit trail, the calendar, and
 * another account locked out by wrong passwords.
 */
describe.skipIf(browserSkipReason() !== null)('admin app in the browser', () => {
  let h: Harness;
  let page: Page;
  const NEW_PASSWORD = 'Gongkai#2025-pass';

  beforeAll(async () => {
    h = await startHarness();
    // A script error or a failed asset anywhere in the flow fails the run.
    page = await h.openPage(DESKTOP);
  });
  afterAll(async () => {
    await h?.close();
  });

  const db = () => h.t.database.db;
  const go = async (path: string) => {
    await page.goto(`/admin${path}`);
    await page.locator('h1').first().waitFor();
  };

  it('shows the login page, in Chinese, with no serious accessibility problems', async () => {
    await page.goto('/admin/');
    await page.waitForURL('**/admin/login');
    await expect(page.getByRole('heading', { level: 1, name: '登录' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('用户名').isVisible()).resolves.toBe(true);
    await screenshot(page, 'admin-login-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Empty submit: the form says what is missing, in Chinese.
    await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
    await page.getByText('请输入用户名').waitFor();
  });

  it('forces the first password change and explains a weak password', async () => {
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(h.t.adminPassword);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL('**/admin/change-password');
    await page.getByText('首次登录或密码被重置后，须先设置新密码才能继续使用。').waitFor();

    // Any other page sends the user back here until the password is changed.
    await page.goto('/admin/units');
    await page.waitForURL('**/admin/change-password');

    await page.getByLabel('当前密码').fill(h.t.adminPassword);
    await page.getByLabel('新密码', { exact: true }).fill('abc');
    await page.getByLabel('再次输入新密码').fill('abc');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码至少 10 位', { exact: true }).waitFor();

    await page.getByLabel('新密码', { exact: true }).fill('abcdefghijkl');
    await page.getByLabel('再次输入新密码').fill('abcdefghijkl');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类', { exact: true }).waitFor();

    // A rule only the server knows: the current password must be right.
    await page.getByLabel('当前密码').fill('Wrong-current-1');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
    const [stillMust] = await db().select().from(users).where(eq(users.username, 'admin'));
    expect(stillMust.mustChangePassword).toBe(true);

    await page.getByLabel('当前密码').fill(h.t.adminPassword);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/');
    await page.getByText('系统管理员，您好', { exact: false }).waitFor();
    const [admin] = await db().select().from(users).where(eq(users.username, 'admin'));
    expect(admin.mustChangePassword).toBe(false);

    // The header names the user and their unit; the chart of units by kind is drawn.
    await expect.poll(() => page.locator('.app-header').innerText(), UI_POLL).toContain('系统管理员');
    await expect.poll(() => page.locator('.app-header').innerText(), UI_POLL).toContain('区政府办公室');
    await page.locator('.chart canvas').waitFor();
  });

  it('adds the unit 区测试局 with the alias 区测试', async () => {
    await page.getByRole('navigation', { name: '功能菜单' }).getByText('单位管理').click();
    await page.waitForURL('**/admin/units');
    await page.getByRole('row').filter({ hasText: '区发展改革委' }).first().waitFor();
    await screenshot(page, 'admin-units-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '新增单位' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新增单位' });
    await drawer.getByLabel('单位全称').fill('重庆市渝中区测试局');
    await drawer.getByLabel('简称').fill('区测试局');
    const aliases = drawer.getByLabel('别名');
    await aliases.fill('区测试');
    await aliases.press('Enter');
    await drawer.locator('.ant-select-selection-item, .ant-select-content-item').filter({ hasText: '区测试' }).first().waitFor();
    await drawer.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('单位已新增').waitFor();

    const row = page.getByRole('row').filter({ hasText: '重庆市渝中区测试局' });
    await row.waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/区测试局[\s\S]*部门[\s\S]*区测试/);

    const [unit] = await db().select().from(units).where(eq(units.name, '重庆市渝中区测试局'));
    expect(unit).toMatchObject({ shortName: '区测试局', kind: 'department', active: true });
    const alias = await db().select().from(unitAliases).where(eq(unitAliases.unitId, unit.id));
    expect(alias.map((a) => a.alias)).toEqual(['区测试']);

    // Without its 机构代码 the unit cannot number (or publish) documents: the list says so, and the
    // office enters it; a mistyped code is refused at the field.
    await expect.poll(() => row.innerText(), UI_POLL).toContain('未填写');
    await row.getByRole('button', { name: '编辑 重庆市渝中区测试局' }).click();
    const edit = page.getByRole('dialog').filter({ hasText: '编辑单位' });
    await edit.getByLabel('机构代码').fill('11500103009359347P');
    await edit.getByRole('button', { name: /保\s?存/ }).click();
    await edit.locator('.ant-form-item-explain-error').filter({ hasText: '统一社会信用代码校验位不符，请核对' }).waitFor();
    await screenshot(page, 'admin-units-code-error-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await edit.getByLabel('机构代码').fill('d2143569-x');
    await edit.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('单位已保存').waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toContain('D2143569X');
    expect((await db().select().from(units).where(eq(units.id, unit.id)))[0].code).toBe('D2143569X');

    // The search box finds it by its alias.
    await page.getByLabel('搜索单位').fill('区测试');
    await page.getByRole('row').filter({ hasText: '重庆市渝中区测试局' }).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '区发展改革委' }).count(), UI_POLL).toBe(0);
  });

  it('resolves written unit names and marks the unknown one', async () => {
    await go('/groups');
    await page.getByRole('row').filter({ hasText: '区政府各部门' }).first().waitFor();
    const box = page.getByLabel('书面单位名称');
    await box.fill('区测试、区发展改革委、某某局');
    await page.getByRole('button', { name: /解\s?析/ }).click();
    const results = page.locator('.resolve-list > li');
    await results.first().waitFor();
    await expect(results.count()).resolves.toBe(3);
    const unknown = page.locator('li[data-kind="unknown"]');
    await expect(unknown.count()).resolves.toBe(1);
    await expect.poll(() => unknown.innerText(), UI_POLL).toMatch(/某某局\s*未识别/);
    await expect.poll(() => unknown.locator('mark').innerText(), UI_POLL).toBe('某某局');
    await expect.poll(() => page.locator('li[data-kind="unit"]').filter({ hasText: '区测试' }).innerText(), UI_POLL).toContain('重庆市渝中区测试局');
    await expect(page.getByText('识别为单位 2 个，单位组 0 个，未识别 1 个').isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-groups-resolve-1366', { fullPage: true });
  });

  let oneTimePassword = '';
  it('adds an 信息员 in the new unit and shows the one-time password once', async () => {
    await go('/users');
    await page.getByRole('row').filter({ hasText: 'admin' }).first().waitFor();
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增用户' });
    await dialog.getByLabel('用户名').fill('ceshi.xxy');
    await dialog.getByLabel('姓名').fill('测试信息员');
    await chooseOption(dialog.getByLabel('所属单位'), '区测试局', '区测试局');
    await dialog.getByRole('checkbox', { name: '信息员' }).check();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();

    const otpDialog = page.getByRole('dialog').filter({ hasText: '用户已创建' });
    await otpDialog.waitFor();
    oneTimePassword = (await otpDialog.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword).toMatch(/^\S{14}$/);
    await expect(otpDialog.getByText('此密码只显示这一次').isVisible()).resolves.toBe(true);
    await expect(otpDialog.getByRole('button', { name: /复制/ }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'admin-user-otp-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await otpDialog.getByRole('button', { name: '我已记下' }).click();

    const row = page.getByRole('row').filter({ hasText: 'ceshi.xxy' });
    await row.waitFor();
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/测试信息员[\s\S]*区测试局[\s\S]*信息员[\s\S]*待改密/);

    const [u] = await db().select().from(users).where(eq(users.username, 'ceshi.xxy'));
    const [unit] = await db().select().from(units).where(eq(units.shortName, '区测试局'));
    expect(u).toMatchObject({ displayName: '测试信息员', unitId: unit.id, roles: ['editor'], mustChangePassword: true });
    // The password shown is the one that works.
    const client = await h.t.login('ceshi.xxy', oneTimePassword);
    expect(client.csrf).toBeTruthy();
  });

  it('lists unit.create and user.create in the audit log under the admin, and verifies the chain', async () => {
    await go('/audit');
    const createdUnit = page.getByRole('row').filter({ hasText: 'unit.create' }).first();
    await createdUnit.waitFor();
    await expect.poll(() => createdUnit.innerText(), UI_POLL).toContain('系统管理员（admin）');
    const createdUser = page.getByRole('row').filter({ hasText: 'user.create' }).first();
    await expect.poll(() => createdUser.innerText(), UI_POLL).toMatch(/系统管理员（admin）[\s\S]*新增用户/);
    await expect.poll(() => createdUser.innerText(), UI_POLL).toContain('127.0.0.1');

    // Expanding the row shows what was written.
    await createdUnit.getByRole('button').first().click();
    const diff = page.locator('.audit-diff').first();
    await diff.waitFor();
    await expect.poll(() => diff.innerText(), UI_POLL).toContain('重庆市渝中区测试局');

    // Filtering by action narrows the list to that action.
    await page.getByLabel('关键字').fill('user.create');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr.ant-table-row')].every((r) => r.textContent?.includes('user.create')));

    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByText(/哈希链完整：共 \d+ 条记录/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const rows = await db().select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.actorName, '系统管理员（admin）')));
    expect(rows).toHaveLength(1);
    await page.getByLabel('关键字').fill('');
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await page.getByRole('row').filter({ hasText: 'unit.create' }).first().waitFor();
    await screenshot(page, 'admin-audit-1366');
  });

  it('shows the working calendar, computes a deadline and refuses a date outside the year', async () => {
    await go('/calendar');
    await page.getByLabel('年份', { exact: true }).waitFor();
    // 2025: 国庆 and 中秋 off 10月1日—8日, make-up working day on Saturday 10月11日.
    // The year list loads after the select appears; a pick made while antd's dropdown is still
    // settling can be lost, so pick again until the calendar shows 2025.
    const october = page.locator('td[data-date="2025-10-01"][data-kind="off"]');
    for (let attempt = 0; attempt < 3 && !(await october.isVisible()); attempt++) {
      await page.getByLabel('年份', { exact: true }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '2025 年' }).click();
      await october.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await october.waitFor();
    await expect(page.locator('td[data-date="2025-10-11"]').getAttribute('data-kind')).resolves.toBe('work');
    await expect.poll(() => page.locator('.calendar-legend').innerText(), UI_POLL).toMatch(/放假[\s\S]*调休上班/);
    await screenshot(page, 'admin-calendar-1366');

    await page.getByLabel('起始日期').fill('2025-09-30');
    await page.getByLabel('工作日数').fill('1');
    await page.getByRole('button', { name: /计\s?算/ }).click();
    await page.getByText('2025-09-30 起第 1 个工作日是 2025-10-09（星期四）').waitFor();

    await page.getByRole('button', { name: '录入新年份' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '录入节假日安排' });
    await drawer.getByLabel('年份').fill('2027');
    await drawer.getByLabel('第 1 行 日期').fill('2026-01-01');
    await drawer.getByLabel('第 1 行 节日名称').fill('元旦');
    await drawer.getByRole('button', { name: /保\s?存/ }).click();
    await drawer.getByText('日期须在 2027 年内').waitFor();
    await drawer.getByLabel('第 1 行 日期').fill('2027-01-01');
    await drawer.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存 2027 年安排，共 1 个调整日期').waitFor();
    const [y] = await db().select().from(calendarYears).where(eq(calendarYears.year, 2027));
    expect(y.source).toBe('admin');
    const days = await db().select().from(calendarDays).where(eq(calendarDays.year, 2027));
    expect(days).toEqual([{ date: '2027-01-01', year: 2027, kind: 'off', name: '元旦' }]);
    await page.locator('td[data-date="2027-01-01"][data-kind="off"]').waitFor();
  });

  it('shows a new notification in the header badge and marks it read', async () => {
    const [admin] = await db().select().from(users).where(eq(users.username, 'admin'));
    await notifyUsers(db(), [admin.id], { kind: 'plan.urge', title: '请报送第一季度工作进展', body: '区政府办公室提醒：请于 4 月 10 日前报送。' });
    await go('/');
    const bell = page.getByRole('link', { name: '通知，1 条未读' });
    await bell.waitFor();
    await bell.click();
    await page.waitForURL('**/admin/notifications');
    const item = page.locator('.notification.unread').filter({ hasText: '请报送第一季度工作进展' });
    await item.waitFor();
    await item.getByRole('button', { name: /标为已读/ }).click();
    await page.getByRole('link', { name: '通知，没有未读' }).waitFor();
    // The badge may update before the list re-renders: read the list until it does.
    await expect.poll(() => page.locator('.notification.unread').count(), UI_POLL).toBe(0);
    const [n] = await db().select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(n.readAt).toBeInstanceOf(Date);
  });

  it('works at phone width: the menu moves into a drawer', async () => {
    await page.setViewportSize(PHONE);
    await go('/units');
    const row = page.getByRole('row').filter({ hasText: '重庆市渝中区测试局' });
    await row.waitFor();
    // Short name and alias move under the name; the actions stay reachable.
    await expect.poll(() => row.innerText(), UI_POLL).toMatch(/区测试局 · 部门[\s\S]*区测试/);
    await expect(row.getByRole('button', { name: '编辑 重庆市渝中区测试局' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.app-sider').count()).resolves.toBe(0);
    await screenshot(page, 'admin-units-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '打开功能菜单' }).click();
    await page.getByRole('dialog').getByText('审计日志').click();
    await page.waitForURL('**/admin/audit');
    await page.setViewportSize(DESKTOP);
  });

  it('locks another account after 5 wrong passwords and says so', async () => {
    const other = await h.t.userWith(['liaison']);
    const anon = await h.newContext(PHONE);
    const p = await anon.newPage();
    await p.goto('/admin/login');
    await screenshot(p, 'admin-login-390');
    for (let i = 1; i <= 5; i++) {
      await p.getByLabel('用户名').fill(other.actor.username);
      await p.getByLabel('密码').fill(`Wrong-pass-${i}!`);
      await p.getByRole('button', { name: /登\s?录/ }).click();
      const expected = i < 5 ? '用户名或密码错误' : '密码错误次数过多，账号已锁定 15 分钟';
      await p.getByRole('alert').filter({ hasText: expected }).waitFor();
    }
    await expect(p.getByText('账号已被临时锁定').isVisible()).resolves.toBe(true);
    // Even the right password is refused while locked.
    await p.getByLabel('用户名').fill(other.actor.username);
    await p.getByLabel('密码').fill('Test-Passw0rd!');
    await p.getByRole('button', { name: /登\s?录/ }).click();
    await p.getByRole('alert').filter({ hasText: /账号已锁定，请 \d+ 分钟后再试/ }).waitFor();
    await screenshot(p, 'admin-login-locked-390');
    const [u] = await db().select().from(users).where(eq(users.username, other.actor.username));
    expect(u.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(p.url()).toContain('/admin/login');
  });

  it('the public portal home is readable at both widths', async () => {
    const anon = await h.newContext(DESKTOP);
    const p = await anon.newPage();
    const res = await p.goto('/');
    expect(res?.status()).toBe(200);
    await screenshot(p, 'portal-home-1366');
    const desktop = await seriousA11yViolations(p);
    await p.setViewportSize(PHONE);
    await screenshot(p, 'portal-home-390');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ violations: desktop, horizontalOverflow: overflow > 0 }).toEqual({ violations: [], horizontalOverflow: false });
  });

  it('raised no script h.errors along the way', () => {
    expect(h.errors).toEqual([]);
  });
});
