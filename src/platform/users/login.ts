import { and, count, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loginAttempts, users } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import type { Role } from '../policy.ts';
import { verifyPassword } from './password.ts';
import { openSession } from './sessions.ts';
import { presentUser } from './user-input.ts';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
  /** Failed attempts from one address in the lock window before it is refused outright. */
  maxFailuresPerIp?: number;
}

const badCredentials = () => new AppError('unauthenticated', 'bad_credentials', '用户名或密码错误');

/** Class id of the per-address advisory locks (the second key is a hash of the address). */
const LOGIN_IP_LOCK = 704_212;

/**
 * Checks the password and opens a session. Failures are counted per account (lockout after
 * `maxFailures` for `lockMinutes`) and per address; the counters persist even though the call fails.
 *
 * Both counts are taken in the database before the password is checked, so that simultaneous
 * attempts cannot all read the same count: an attempt first takes its place in the address's window
 * (counted and recorded under a lock on that address) and in the account's count (one
 * `UPDATE … SET failed_logins = failed_logins + 1 … RETURNING`); only attempts within both limits
 * have their password checked. A correct password resets the account's count — unless the account
 * was locked meanwhile, when it is refused like any other attempt while locked.
 */
export async function login(
  ctx: OpContext,
  raw: z.input<typeof loginInput>,
  meta: { userAgent?: string | null },
  policy: LoginPolicy,
) {
  const input = loginInput.parse(raw);
  const ip = ctx.ip ?? 'unknown';
  const lockMs = policy.lockMinutes * 60_000;
  const attemptId = await takeAddressPlace(ctx, ip, input.username, policy);
  const lockedError = (until: Date) =>
    new AppError('locked', 'account_locked', `密码错误次数过多，账号已锁定，请 ${Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000))} 分钟后再试`);

  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  if (!user) throw badCredentials();
  if (user.disabled) throw new AppError('forbidden', 'account_disabled', '账号已停用，请联系管理员');
  // The account's place: counted atomically, and only while it is not locked.
  const [taken] = await ctx.db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, user.id), notLocked()))
    .returning({ failures: users.failedLogins });
  if (!taken) throw lockedError(user.lockedUntil ?? new Date(Date.now() + lockMs));
  const actor = { id: user.id, username: user.username, name: user.displayName, unitId: user.unitId, roles: user.roles as Role[] };
  const lockNow = async () => {
    const until = new Date(Date.now() + lockMs);
    await inTransaction({ ...ctx, actor }, async (tx) => {
      // Whoever reaches the limit first locks the account; the others find it locked already.
      const [locked] = await tx.db.update(users).set({ failedLogins: 0, lockedUntil: until }).where(and(eq(users.id, user.id), notLocked())).returning({ id: users.id });
      if (locked) await writeAudit(tx, { action: 'user.locked', entity: 'user', entityId: user.id, after: { minutes: policy.lockMinutes } });
    });
    return new AppError('locked', 'account_locked', `密码错误次数过多，账号已锁定 ${policy.lockMinutes} 分钟`);
  };
  // More attempts in flight than the limit allows: this one is not checked at all.
  if (taken.failures > policy.maxFailures) throw await lockNow();
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    if (taken.failures >= policy.maxFailures) throw await lockNow();
    throw badCredentials();
  }
  const session = await inTransaction({ ...ctx, actor }, async (tx) => {
    const [after] = await tx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(and(eq(users.id, user.id), notLocked()))
      .returning();
    if (!after) return null;
    await tx.db.update(loginAttempts).set({ ok: true }).where(eq(loginAttempts.id, attemptId));
    const session = await openSession(tx.db, user.id, { ip, userAgent: meta.userAgent, hours: policy.sessionHours });
    await writeAudit(tx, { action: 'user.login', entity: 'user', entityId: user.id });
    return { ...session, user: presentUser(after) };
  });
  // Locked by simultaneous wrong attempts while this one was checked.
  if (!session) throw lockedError(new Date(Date.now() + lockMs));
  return session;
}

const notLocked = () => or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`));

/**
 * Counts the address's failed attempts in the window and records this one as failed (until it
 * succeeds), under a transaction-scoped lock on the address, so simultaneous attempts from one
 * address are counted one after another. Refused when the window is full.
 */
async function takeAddressPlace(ctx: OpContext, ip: string, username: string, policy: LoginPolicy): Promise<number> {
  const windowStart = new Date(Date.now() - policy.lockMinutes * 60_000);
  const id = await inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${LOGIN_IP_LOCK}, hashtext(${ip}))`);
    const [{ n }] = await tx.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, windowStart)));
    if (n >= (policy.maxFailuresPerIp ?? 30)) return null;
    const [row] = await tx.db.insert(loginAttempts).values({ ip, username, ok: false }).returning({ id: loginAttempts.id });
    return row.id;
  });
  if (id === null) throw new AppError('rate_limited', 'too_many_attempts', '登录尝试过于频繁，请稍后再试');
  return id;
}
