import { eq, and, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { unitAliases, unitGroupAliases, unitGroups, units } from '../../db/schema/index.ts';
import { conflict } from '../errors.ts';

/**
 * A written name must lead to exactly one unit or group, so a new name or alias may not be any
 * existing unit name, short name, alias, group name or group alias (except the owner's own).
 */
export async function assertNameFree(
  db: Db,
  name: string,
  owner?: { unitId?: string; groupId?: string },
): Promise<void> {
  // One after another: `db` may be a transaction's single connection, which runs one query at a time.
  const checks = [
    db.select({ id: units.id }).from(units)
      .where(owner?.unitId ? and(eq(units.name, name), ne(units.id, owner.unitId)) : eq(units.name, name)).limit(1),
    db.select({ id: units.id }).from(units)
      .where(owner?.unitId ? and(eq(units.shortName, name), ne(units.id, owner.unitId)) : eq(units.shortName, name)).limit(1),
    db.select({ id: unitAliases.id }).from(unitAliases)
      .where(owner?.unitId ? and(eq(unitAliases.alias, name), ne(unitAliases.unitId, owner.unitId)) : eq(unitAliases.alias, name)).limit(1),
    db.select({ id: unitGroups.id }).from(unitGroups)
      .where(owner?.groupId ? and(eq(unitGroups.name, name), ne(unitGroups.id, owner.groupId)) : eq(unitGroups.name, name)).limit(1),
    db.select({ id: unitGroupAliases.id }).from(unitGroupAliases)
      .where(owner?.groupId ? and(eq(unitGroupAliases.alias, name), ne(unitGroupAliases.groupId, owner.groupId)) : eq(unitGroupAliases.alias, name)).limit(1),
  ];
  for (const check of checks)
    if ((await check).length > 0) throw conflict('name_taken', `名称“${name}”已被其他单位、别名或单位组使用`);
}
