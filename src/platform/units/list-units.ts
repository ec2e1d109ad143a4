import { asc } from 'drizzle-orm';
import { unitAliases, units } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';

/** Every unit with its aliases, in display order; a district has tens of units, so no paging. */
export async function listUnits(ctx: OpContext) {
  assertCan(ctx.actor, 'units.read');
  const [rows, aliases] = await Promise.all([
    ctx.db.select().from(units).orderBy(asc(units.sort), asc(units.name)),
    ctx.db.select().from(unitAliases),
  ]);
  const byUnit = new Map<string, string[]>();
  for (const a of aliases) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.alias]);
  return rows.map((u) => ({ ...u, aliases: byUnit.get(u.id) ?? [] }));
}
