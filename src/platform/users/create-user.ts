import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { units, users } from '../../db/schema/index.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan, isDistrictWide } from '../policy.ts';
import { checkPasswordRules, generatePassword, hashPassword } from './password.ts';
import { displayNameSchema, presentUser, rolesSchema, usernameSchema } from './user-input.ts';

export const createUserInput = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  unitId: z.uuid('单位编号格式不正确'),
  roles: rolesSchema,
  phone: z.string().trim().max(20, '电话不能超过 20 个字符').optional().nullable(),
  /** Omit to have a one-time password generated. */
  password: z.string().optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Creates an account; it must change its password at first login. Returns the one-time password once. */
export async function createUser(ctx: OpContext, raw: CreateUserInput) {
  assertCan(ctx.actor, 'users.manage');
  const input = createUserInput.parse(raw);
  if (input.roles.includes('sys_admin') && !ctx.actor.roles.includes('sys_admin'))
    throw forbidden('只有系统管理员可以授予系统管理员角色');
  if (!isDistrictWide(ctx.actor)) throw forbidden();
  const password = input.password ?? generatePassword();
  checkPasswordRules(password, input.username);
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('unknown_unit', '所属单位不存在');
    const [taken] = await tx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('username_taken', `用户名“${input.username}”已被使用`);
    const [user] = await tx.db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        unitId: input.unitId,
        roles: input.roles,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    const presented = presentUser(user);
    await writeAudit(tx, { action: 'user.create', entity: 'user', entityId: user.id, after: presented });
    return { user: presented, oneTimePassword: password };
  });
}
