import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';

describe('login counters hold under simultaneous attempts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('locks the account when 40 wrong passwords arrive at once from 40 addresses, and then refuses the right one', async () => {
    const { actor } = await t.userWith(['editor'], '区教委');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(actor.username, 'wrong-password', `10.1.0.${i + 1}`)));
    const codes = answers.map((r) => r.json().error.code);
    // At most the limit of passwords were checked at all; every other attempt met the lock.
    expect(codes.filter((c) => c === 'bad_credentials').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'account_locked').length).toBeGreaterThanOrEqual(36);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, actor.id));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const right = await attempt(actor.username, TEST_PASSWORD, '10.1.1.1');
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('account_locked');
    const locks = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.locked'));
    expect(locks.filter((l) => l.entityId === actor.id)).toHaveLength(1);
  });

  it('lets exactly the per-address limit (30) through when 40 attempts arrive at once from one address', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`nobody${i}`, 'wrong-password', '10.2.0.1')));
    const codes = answers.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(30);
    expect(codes.filter((c) => c === 'too_many_attempts')).toHaveLength(10);
    // The address stays refused, even with a right password; another address is not affected.
    const { actor } = await t.userWith(['editor'], '区教委');
    expect((await attempt(actor.username, TEST_PASSWORD, '10.2.0.1')).json().error.code).toBe('too_many_attempts');
    expect((await attempt(actor.username, TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('a successful login resets the account count and is not counted against the address', async () => {
    const { actor } = await t.userWith(['editor'], '区教委');
    for (let i = 0; i < 4; i++) expect((await attempt(actor.username, 'wrong-password', '10.3.0.1')).json().error.code).toBe('bad_credentials');
    expect((await attempt(actor.username, TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, actor.id));
    expect(row.failedLogins).toBe(0);
    expect(row.lockedUntil).toBeNull();
    expect((await attempt(actor.username, 'wrong-password', '10.3.0.1')).json().error.code).toBe('bad_credentials');
  });
});
