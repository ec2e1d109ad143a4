import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units, users } from '../db/schema/index.ts';
import { createTestApp, TEST_PASSWORD, type ApiClient, type TestApp } from '../testing/test-app.ts';

describe('HTTP: sessions, CSRF, errors', () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('answers health with the database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.database.kind, version: 'test' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/units');
  });

  it('forces the one-time password to be changed before anything else', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: t.adminPassword } });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const cookie = `gk_sid=${res.cookies.find((c) => c.name === 'gk_sid')!.value}`;
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const csrf = res.json().csrfToken;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie, 'x-csrf-token': csrf }, payload: { currentPassword: t.adminPassword, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', message: '密码至少 10 位' });
    const twoClasses = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie, 'x-csrf-token': csrf }, payload: { currentPassword: t.adminPassword, newPassword: 'abcdefghij1234' } });
    expect(twoClasses.json().error.code).toBe('weak_password');
    admin = await t.login('admin', t.adminPassword);
    const ok = await admin.request('GET', '/api/units');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.length).toBeGreaterThan(30);
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie }, payload: { name: '区无令牌局', kind: 'department' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect(await t.database.db.select().from(units).where(eq(units.name, '区无令牌局'))).toHaveLength(0);
  });

  it('refuses a cross-site login attempt', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example', host: 'localhost:80' }, payload: { username: 'admin', password: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('gives malformed JSON, wrong types and over-long fields a clear Chinese error and writes nothing', async () => {
    const before = (await t.database.db.select().from(units)).length;
    const malformed = await admin.request('POST', '/api/units', '{"name": "区坏局",', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toEqual({ code: 'malformed_json', message: '请求内容不是有效的 JSON' });
    const wrongType = await admin.request('POST', '/api/units', { name: 12345, kind: 'department' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('validation_failed');
    expect(wrongType.json().error.message).toMatch(/name/);
    const tooLong = await admin.request('POST', '/api/units', { name: '长'.repeat(61), kind: 'department' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toMatch(/不能超过 60 个字/);
    const dup = await admin.request('POST', '/api/units', { name: '区发展改革委', kind: 'department' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('name_taken');
    const unknownUnit = await admin.request('POST', '/api/users', { username: 'ghost', displayName: '幽灵', unitId: '00000000-0000-0000-0000-000000000000', roles: ['editor'] });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.code).toBe('unknown_unit');
    const badDate = await admin.request('PUT', '/api/calendar/years/2030', { days: [{ date: '2031-01-01', kind: 'off', name: '元旦' }] });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('date_outside_year');
    expect((await t.database.db.select().from(units)).length).toBe(before);
  });

  it('creates a user whose one-time password works once, and logs the action', async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.shortName, '区财政局'));
    const res = await admin.request('POST', '/api/users', { username: 'czj.liaison', displayName: '财政联络员', unitId: unit.id, roles: ['liaison'] });
    expect(res.statusCode).toBe(201);
    const otp = res.json().oneTimePassword as string;
    expect(otp.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(res.json().user)).not.toMatch(/passwordHash|argon/);
    const dupe = await admin.request('POST', '/api/users', { username: 'czj.liaison', displayName: '重复', unitId: unit.id, roles: ['liaison'] });
    expect(dupe.statusCode).toBe(409);
    const client = await t.login('czj.liaison', otp);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ mustChangePassword: false, user: { username: 'czj.liaison' } });
    expect(me.json().permissions).not.toContain('users.manage');
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(rows.some((r) => (r.after as { username: string }).username === 'czj.liaison')).toBe(true);
  });

  it('locks an account after 5 failures and an administrator can unlock it', async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.shortName, '区教委'));
    const created = await admin.request('POST', '/api/users', { username: 'jw.editor', displayName: '教委信息员', unitId: unit.id, roles: ['editor'] });
    const id = created.json().user.id;
    await t.login('jw.editor', created.json().oneTimePassword);
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jw.editor', password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password')).json().error.code).toBe('bad_credentials');
    const fifth = await attempt('wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toMatch(/锁定 15 分钟/);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect((await admin.request('PATCH', `/api/users/${id}`, { unlock: true })).statusCode).toBe(200);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.locked'));
    expect(row.entityId).toBe(id);
  });

  it('ends the sessions of a disabled account', async () => {
    const liaison = await t.userWith(['liaison'], '区民政局');
    expect((await liaison.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${liaison.actor.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await liaison.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: liaison.actor.username, password: TEST_PASSWORD } });
    expect(login.json().error.code).toBe('account_disabled');
  });

  it('resets a password: old sessions end, the new one-time password must be changed', async () => {
    const editor = await t.userWith(['editor'], '区民政局');
    const res = await admin.request('POST', `/api/users/${editor.actor.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect((await editor.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const [u] = await t.database.db.select().from(users).where(eq(users.id, editor.actor.id));
    expect(u.mustChangePassword).toBe(true);
  });

  it('answers the calendar over HTTP', async () => {
    const due = await admin.request('GET', '/api/calendar/due?start=2021-09-29&days=5');
    expect(due.json().due).toBe('2021-10-12');
    const unknown = await admin.request('GET', '/api/calendar/day?date=2035-01-02');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('calendar_not_published');
  });

  it('returns JSON 404 for unknown API routes and an HTML page for unknown portal pages', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route_not_found');
    const page = await t.app.inject({ method: 'GET', url: '/nope' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('页面不存在');
    // In the portal's frame: its navigation and a search box, so the reader can go on.
    expect(page.body).toContain('aria-label="主导航"');
    expect(page.body).toContain('action="/search"');
    expect(page.body).toContain('noindex');
  });

  it('renders the portal home without JavaScript', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('政府信息公开指南');
    expect(res.body).not.toContain('<script');
  });
});
