import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { Actor } from '../platform/context.ts';
import type { Role } from '../platform/policy.ts';
import type { CliIo } from './cli-io.ts';

/**
 * The account a command acts as (`--as`, default admin), or null after saying why on stderr. The
 * domain operation then checks this account's permissions as it would for a request.
 */
export async function cliActor(db: Db, username: string | undefined, io: CliIo): Promise<Actor | null> {
  const name = username ?? 'admin';
  const [u] = await db.select().from(users).where(eq(users.username, name));
  if (!u) {
    io.err(`用户“${name}”不存在；用 --as 指定主管部门管理员账号`);
    return null;
  }
  return { id: u.id, username: u.username, name: u.displayName, unitId: u.unitId, roles: u.roles as Role[] };
}
