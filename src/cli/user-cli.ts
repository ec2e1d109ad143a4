import { eq, or } from 'drizzle-orm';
import { units, users } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { inTransaction } from '../platform/context.ts';
import { ROLE_CODES, type Role } from '../platform/policy.ts';
import { checkPasswordRules, generatePassword, hashPassword } from '../platform/users/password.ts';
import { presentUser, rolesSchema, usernameSchema, displayNameSchema } from '../platform/users/user-input.ts';
import { resetPassword } from '../platform/users/reset-password.ts';
import type { CliIo } from './cli-io.ts';

/** Operator's `user add`: works with no account yet, so it is audited as the system. */
export async function userAdd(opts: { username: string; name: string; unit: string; roles: string }, io: CliIo): Promise<number> {
  const username = usernameSchema.parse(opts.username);
  const displayName = displayNameSchema.parse(opts.name);
  const roles = rolesSchema.parse(opts.roles.split(/[,，\s]+/).filter(Boolean)) as Role[];
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const [unit] = await db.select().from(units).where(or(eq(units.name, opts.unit), eq(units.shortName, opts.unit)));
    if (!unit) {
      io.err(`单位“${opts.unit}”不存在（可用全称或简称）`);
      return 1;
    }
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) {
      io.err(`用户名“${username}”已被使用`);
      return 1;
    }
    const password = generatePassword();
    checkPasswordRules(password, username);
    const passwordHash = await hashPassword(password);
    await inTransaction({ db, actor: null, ip: 'cli' }, async (tx) => {
      const [user] = await tx.db.insert(users).values({ username, displayName, unitId: unit.id, roles, passwordHash, mustChangePassword: true }).returning();
      await writeAudit(tx, { action: 'user.create', entity: 'user', entityId: user.id, after: presentUser(user) });
    });
    io.err(`已创建用户 ${username}（${unit.shortName ?? unit.name}，${roles.join('、')}）。首次登录须修改密码。`);
    io.out(`${password}\n`);
    return 0;
  } finally {
    await cli.close();
  }
}

export async function userResetPassword(username: string, io: CliIo): Promise<number> {
  const cli = await io.open();
  try {
    const { db } = cli.database;
    const [user] = await db.select().from(users).where(eq(users.username, username));
    if (!user) {
      io.err(`用户“${username}”不存在`);
      return 1;
    }
    const result = await resetPassword({ db, actor: null, ip: 'cli' }, user.id, { viaCli: true });
    io.err(`已重置 ${username} 的密码并解除锁定；首次登录须修改密码。新一次性密码：`);
    io.out(`${result.oneTimePassword}\n`);
    return 0;
  } finally {
    await cli.close();
  }
}

export const ROLE_HELP = ROLE_CODES.join(', ');
