import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { generatePassword, hashPassword } from './password.ts';

/**
 * An administrator (or the operator's CLI, with no actor) gives an account a new one-time password;
 * the account must change it at next login and its open sessions end.
 */
export async function resetPassword(ctx: OpContext, userId: string, opts: { viaCli?: boolean } = {}) {
  if (!opts.viaCli) assertCan(ctx.actor, 'users.manage');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw notFound('user_not_found', '用户不存在');
    if (!opts.viaCli && user.roles.includes('sys_admin') && !ctx.actor!.roles.includes('sys_admin'))
      throw forbidden('只有系统管理员可以重置系统管理员的密码');
    await tx.db
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    await writeAudit(tx, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: userId,
      after: { username: user.username, viaCli: !!opts.viaCli },
    });
    return { username: user.username, oneTimePassword: password };
  });
}
