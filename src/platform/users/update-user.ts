import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, units, users } from '../../db/schema/index.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { displayNameSchema, presentUser, rolesSchema } from './user-input.ts';

export const updateUserInput = z.object({
  displayName: displayNameSchema.optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  roles: rolesSchema.optional(),
  phone: z.string().trim().max(20, '电话不能超过 20 个字符').optional().nullable(),
  disabled: z.boolean().optional(),
  /** Clears a lockout after too many failed logins. */
  unlock: z.boolean().optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export async function updateUser(ctx: OpContext, id: string, raw: UpdateUserInput) {
  assertCan(ctx.actor, 'users.manage');
  const input = updateUserInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('user_not_found', '用户不存在');
    const touchesAdmin = before.roles.includes('sys_admin') || input.roles?.includes('sys_admin');
    if (touchesAdmin && !actor.roles.includes('sys_admin')) throw forbidden('只有系统管理员可以修改系统管理员账号');
    if (id === actor.id && (input.disabled || (input.roles && !input.roles.includes('sys_admin') && before.roles.includes('sys_admin'))))
      throw invalid('self_lockout', '不能停用自己的账号或撤销自己的系统管理员角色');
    if (input.unitId) {
      const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
      if (!unit) throw invalid('unknown_unit', '所属单位不存在');
    }
    const [after] = await tx.db
      .update(users)
      .set({
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.unitId !== undefined && { unitId: input.unitId }),
        ...(input.roles !== undefined && { roles: input.roles }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
        ...(input.unlock && { failedLogins: 0, lockedUntil: null }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    // A disabled account, or one whose rights changed, must not keep acting through an old session.
    if (input.disabled || input.roles || input.unitId) await tx.db.delete(sessions).where(eq(sessions.userId, id));
    const result = presentUser(after);
    await writeAudit(tx, { action: 'user.update', entity: 'user', entityId: id, before: presentUser(before), after: result });
    return result;
  });
}
