import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { unitAliases, unitGroupAliases, unitGroupMembers, unitGroups, units } from '../../db/schema/index.ts';
import { normalizeUnitName, splitUnitNames } from './normalize-name.ts';
import type { GroupMembership } from './unit-kinds.ts';

export interface ResolvedUnit {
  unitId: string;
  name: string;
}

export type Resolution =
  | { written: string; kind: 'unit'; unit: ResolvedUnit }
  | {
      written: string;
      kind: 'group';
      group: { id: string; name: string; membership: GroupMembership };
      /** Members now; empty for a per-use group, whose members are chosen each time it is used. */
      units: ResolvedUnit[];
    }
  | { written: string; kind: 'unknown' };

export interface UnitResolver {
  /** Resolves one written name (surrounding punctuation ignored). */
  resolveOne(written: string): Resolution;
  /** Splits a cell (`区政府各部门、管委会、街道办事处`) and resolves each name; unknown names stay in the answer. */
  resolveCell(cell: string): Resolution[];
}

/**
 * The one resolver every importer uses. It reads the district's names once (tens of units), then
 * answers from memory; build a new one after units change.
 */
export async function loadUnitResolver(db: Db): Promise<UnitResolver> {
  // One after another: importers call this inside their transaction, on one connection.
  const unitRows = await db.select().from(units).where(eq(units.active, true));
  const aliasRows = await db.select().from(unitAliases);
  const groupRows = await db.select().from(unitGroups);
  const groupAliasRows = await db.select().from(unitGroupAliases);
  const memberRows = await db.select().from(unitGroupMembers);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const unitByName = new Map<string, ResolvedUnit>();
  for (const u of unitRows) {
    unitByName.set(u.name, { unitId: u.id, name: u.name });
    if (u.shortName) unitByName.set(u.shortName, { unitId: u.id, name: u.name });
  }
  for (const a of aliasRows) {
    const u = unitById.get(a.unitId);
    if (u) unitByName.set(a.alias, { unitId: u.id, name: u.name });
  }
  const groupByName = new Map<string, (typeof groupRows)[number]>();
  for (const g of groupRows) groupByName.set(g.name, g);
  for (const a of groupAliasRows) {
    const g = groupRows.find((x) => x.id === a.groupId);
    if (g) groupByName.set(a.alias, g);
  }
  const membersOf = (g: (typeof groupRows)[number]): ResolvedUnit[] => {
    if (g.membership === 'kinds')
      return unitRows.filter((u) => g.memberKinds.includes(u.kind)).map((u) => ({ unitId: u.id, name: u.name }));
    if (g.membership === 'list')
      return memberRows
        .filter((m) => m.groupId === g.id)
        .map((m) => unitById.get(m.unitId))
        .filter((u) => u !== undefined)
        .map((u) => ({ unitId: u.id, name: u.name }));
    return [];
  };

  const resolveOne = (written: string): Resolution => {
    const name = normalizeUnitName(written);
    const unit = unitByName.get(name);
    if (unit) return { written: name, kind: 'unit', unit };
    const group = groupByName.get(name);
    if (group)
      return {
        written: name,
        kind: 'group',
        group: { id: group.id, name: group.name, membership: group.membership as GroupMembership },
        units: membersOf(group),
      };
    return { written: name, kind: 'unknown' };
  };
  return { resolveOne, resolveCell: (cell) => splitUnitNames(cell).map(resolveOne) };
}
