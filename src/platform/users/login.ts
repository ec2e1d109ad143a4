import { and, count, eq, gt } from 'drizzle-orm';
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

/**
 * Checks the password and opens a session. Failures are counted per account (lockout after
 * `maxFailures` for `lockMinutes`) and per address; the counters persist even though the call fails.
 */
export async function login(
  ctx: OpContext,
  raw: z.input<typeof loginInput>,
  meta: { userAgent?: string | null },
  policy: LoginPolicy,
) {
  const input = loginInput.parse(raw);
  const ip = ctx.ip ?? 'unknown';
  const windowStart = new Date(Date.now() - policy.lockMinutes * 60_000);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.ok, false), gt(loginAttempts.at, windowStart)));
  if (n >= (policy.maxFailuresPerIp ?? 30))
    throw new AppError('rate_limited', 'too_many_attempts', '登录尝试过于频繁，请稍后再试');

  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  const record = (ok: boolean) => ctx.db.insert(loginAttempts).values({ ip, username: input.username, ok });
  if (!user) {
    await record(false);
    throw badCredentials();
  }
  if (user.disabled) {
    await record(false);
    throw new AppError('forbidden', 'account_disabled', '账号已停用，请联系管理员');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await record(false);
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError('locked', 'account_locked', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  const actor = { id: user.id, username: user.username, name: user.displayName, unitId: user.unitId, roles: user.roles as Role[] };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.maxFailures;
    await inTransaction({ ...ctx, actor }, async (tx) => {
      await tx.db
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil: new Date(Date.now() + policy.lockMinutes * 60_000) } : { failedLogins: failures })
        .where(eq(users.id, user.id));
      await tx.db.insert(loginAttempts).values({ ip, username: input.username, ok: false });
      if (lock) await writeAudit(tx, { action: 'user.locked', entity: 'user', entityId: user.id, after: { minutes: policy.lockMinutes } });
    });
    if (lock)
      throw new AppError('locked', 'account_locked', `密码错误次数过多，账号已锁定 ${policy.lockMinutes} 分钟`);
    throw badCredentials();
  }
  return inTransaction({ ...ctx, actor }, async (tx) => {
    const [after] = await tx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await tx.db.insert(loginAttempts).values({ ip, username: input.username, ok: true });
    const session = await openSession(tx.db, user.id, { ip, userAgent: meta.userAgent, hours: policy.sessionHours });
    await writeAudit(tx, { action: 'user.login', entity: 'user', entityId: user.id });
    return { ...session, user: presentUser(after) };
  });
}
