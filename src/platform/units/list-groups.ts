import { asc } from 'drizzle-orm';
import { unitGroupAliases, unitGroupMembers, unitGroups } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';

export async function listGroups(ctx: OpContext) {
  assertCan(ctx.actor, 'units.read');
  const [groups, members, aliases] = await Promise.all([
    ctx.db.select().from(unitGroups).orderBy(asc(unitGroups.name)),
    ctx.db.select().from(unitGroupMembers),
    ctx.db.select().from(unitGroupAliases),
  ]);
  return groups.map((g) => ({
    ...g,
    memberIds: members.filter((m) => m.groupId === g.id).map((m) => m.unitId),
    aliases: aliases.filter((a) => a.groupId === g.id).map((a) => a.alias),
  }));
}
