import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { notifyUnits } from './notify.ts';

describe('notifications inbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('delivers to a unit\'s users, counts unread in /me, and marks read only one\'s own', async () => {
    const a = await t.userWith(['liaison'], '区司法局');
    const b = await t.userWith(['editor'], '区司法局');
    const other = await t.userWith(['liaison'], '区教委');
    const n = await notifyUnits(t.database.db, [a.actor.unitId], { kind: 'plan.assigned', title: '新任务：规范性文件清理', link: '/admin/plans' }, ['liaison']);
    expect(n).toBe(1);
    await notifyUnits(t.database.db, [a.actor.unitId], { kind: 'notice', title: '全体通知' });
    expect((await a.request('GET', '/api/auth/me')).json().unread).toBe(2);
    expect((await b.request('GET', '/api/auth/me')).json().unread).toBe(1);
    expect((await other.request('GET', '/api/auth/me')).json().unread).toBe(0);
    const inbox = (await a.request('GET', '/api/notifications')).json();
    expect(inbox.items.map((i: { title: string }) => i.title)).toEqual(['全体通知', '新任务：规范性文件清理']);
    // b cannot mark a's entries
    const bMarks = await b.request('POST', '/api/notifications/read', { ids: inbox.items.map((i: { id: string }) => i.id) });
    expect(bMarks.json().marked).toBe(0);
    expect((await a.request('POST', '/api/notifications/read', { ids: [inbox.items[0].id] })).json().marked).toBe(1);
    expect((await a.request('GET', '/api/notifications?unreadOnly=true')).json().total).toBe(1);
    expect((await a.request('POST', '/api/notifications/read', {})).json().marked).toBe(1);
    expect((await a.request('GET', '/api/auth/me')).json().unread).toBe(0);
  });
});
