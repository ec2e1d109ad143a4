import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { AppError, invalid, unauthenticated } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from './password.ts';

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

/** The signed-in user changes their own password; their other sessions end. */
export async function changePassword(ctx: OpContext, raw: z.input<typeof changePasswordInput>, currentSessionId: string) {
  if (!ctx.actor) throw unauthenticated();
  const actor = ctx.actor;
  const input = changePasswordInput.parse(raw);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('invalid', 'wrong_password', '当前密码不正确');
  if (input.newPassword === input.currentPassword) throw invalid('same_password', '新密码不能与当前密码相同');
  checkPasswordRules(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await tx.db.delete(sessions).where(and(eq(sessions.userId, actor.id), ne(sessions.id, currentSessionId)));
    await writeAudit(tx, { action: 'user.change_password', entity: 'user', entityId: actor.id });
  });
}
