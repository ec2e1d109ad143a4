import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, ROLE_CODES, type Permission, type Role } from '../platform/policy.ts';
import { createTestApp, type ApiClient, type TestApp } from '../testing/test-app.ts';

/**
 * Calls every API endpoint as every role (and as nobody) and checks the answer against the policy
 * table: allowed roles get past the gate (whatever the handler then says), the others get 403.
 */
describe('every endpoint as every role', () => {
  let t: TestApp;
  const clients = new Map<Role, ApiClient & { actor: { unitId: string } }>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLE_CODES) clients.set(role, await t.userWith([role], '区财政局'));
  });
  afterAll(() => t.close());

  const fill = (url: string) =>
    url.replace(/:(id|\w+Id)\b/g, '00000000-0000-0000-0000-000000000000').replace(/:year\b/g, '2030').replace(/\*$/, 'x');

  it('covers every route with an access rule', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
    for (const r of t.app.routeTable) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('lets exactly the policy\'s roles through', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      const url = fill(route.url);
      const anon = await t.app.inject({ method: route.method as 'GET', url, ...(route.method !== 'GET' && { payload: {} }) });
      if (route.access !== 'public' && anon.statusCode !== 401) failures.push(`anonymous ${route.method} ${route.url} → ${anon.statusCode}`);
      if (route.access === 'public' && [401, 403].includes(anon.statusCode)) failures.push(`anonymous public ${route.method} ${route.url} → ${anon.statusCode}`);
      for (const role of ROLE_CODES) {
        // Logging out would end the session the rest of the loop uses.
        if (route.url === '/api/auth/logout') continue;
        const res = await clients.get(role)!.request(route.method, url, route.method === 'GET' ? undefined : {});
        const allowed = route.access === 'public' || route.access === 'authenticated' || (POLICY[route.access as Permission] as readonly Role[]).includes(role);
        const denied = res.statusCode === 403 && res.json().error?.code === 'forbidden';
        if (allowed && (denied || res.statusCode === 401)) failures.push(`${role} ${route.method} ${route.url} refused (${res.statusCode})`);
        if (!allowed && !denied) failures.push(`${role} ${route.method} ${route.url} not refused (${res.statusCode} ${res.body.slice(0, 80)})`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × nine clients: grows with each module (≈ 50 s on a loaded machine with the opinion routes).
  }, 180_000);

  it('keeps a unit to its own mailbox messages and calls, on every mailbox endpoint', async () => {
    // The demo district's mail: messages at other units, calls of 区人力社保局 and 区卫生健康委 (all 示例).
    const liaison = clients.get('liaison')!; // 区财政局
    const office = clients.get('office_admin')!;
    const all = (await office.request('GET', '/api/mailbox/messages?pageSize=200')).json().items as { id: string; unitId: string | null; status: string }[];
    const elsewhere = all.filter((m) => m.unitId && m.unitId !== liaison.actor.unitId);
    expect(elsewhere.length).toBeGreaterThan(0);
    const own = (await liaison.request('GET', '/api/mailbox/messages?pageSize=200')).json().items as { unitId: string }[];
    expect(own.every((m) => m.unitId === liaison.actor.unitId)).toBe(true);
    const m = elsewhere.find((x) => x.status === 'assigned')!;
    for (const [method, url, body] of [
      ['GET', `/api/mailbox/messages/${m.id}`],
      ['GET', `/api/mailbox/messages/${m.id}/library`],
      ['POST', `/api/mailbox/messages/${m.id}/reply`, { html: '<p>答复内容</p>' }],
      ['POST', `/api/mailbox/messages/${m.id}/reply-entry`, { entryId: '00000000-0000-4000-8000-000000000000' }],
    ] as const) {
      const res = await liaison.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const calls = (await office.request('GET', '/api/mailbox/calls?pageSize=200')).json().items as { id: string; unitId: string; callbackOn: string | null; answeredOnSpot: boolean }[];
    const pending = calls.find((c) => !c.answeredOnSpot && !c.callbackOn)!;
    expect((await liaison.request('GET', '/api/mailbox/calls?pageSize=200')).json().items.every((c: { unitId: string }) => c.unitId === liaison.actor.unitId)).toBe(true);
    expect((await liaison.request('GET', `/api/mailbox/calls?id=${pending.id}`)).json().total).toBe(0);
    expect((await liaison.request('POST', `/api/mailbox/calls/${pending.id}/callback`, { note: '已回电' })).statusCode).toBe(404);
    expect((await liaison.request('GET', '/api/mailbox/spot-checks')).json().items.every((r: { unitId: string }) => r.unitId === liaison.actor.unitId)).toBe(true);
  });

  it('keeps a unit liaison to their own unit\'s accounts', async () => {
    const res = await clients.get('liaison')!.request('GET', '/api/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const unitIds = new Set(res.json().items.map((u: { unitId: string }) => u.unitId));
    expect(unitIds.size).toBe(1);
  });

  it('gives every role its workbench, with the district office\'s sources to the office only', async () => {
    for (const role of ROLE_CODES) {
      const res = await clients.get(role)!.request('GET', '/api/workbench');
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      const ids = res.json().sources.map((s: { id: string }) => s.id);
      const districtWide = role === 'sys_admin' || role === 'office_admin';
      expect(ids.includes('plans.office'), role).toBe(districtWide);
      expect(ids.includes('catalog.health'), role).toBe(districtWide);
      expect(ids.includes('catalog.review'), role).toBe((POLICY['documents.review'] as readonly Role[]).includes(role));
    }
  });
});

describe('opinion events by unit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows a unit its own events, and 区网信办 and the office all of them', async () => {
    const office = await t.userWith(['office_admin'], '区政府办公室');
    const cac = await t.userWith(['liaison'], '区网信办');
    const labour = await t.userWith(['responder'], '区人力社保局');
    const finance = await t.userWith(['liaison'], '区财政局');
    const list = async (c: ApiClient) => (await c.request('GET', '/api/opinion/events?pageSize=200')).json();
    const all = await list(office);
    expect(all.total).toBeGreaterThan(1);
    expect((await list(cac)).total).toBe(all.total);
    const own = await list(labour);
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBeLessThan(all.total);
    expect(own.items.every((e: { unitName: string }) => e.unitName === '区人力社保局')).toBe(true);
    expect((await list(finance)).total).toBe(0);
    const foreign = all.items.find((e: { unitName: string }) => e.unitName !== '区人力社保局');
    expect((await labour.request('GET', `/api/opinion/events/${foreign.id}`)).statusCode).toBe(404);
    expect((await cac.request('GET', `/api/opinion/events/${foreign.id}`)).statusCode).toBe(200);
  });
});
