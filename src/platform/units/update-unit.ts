import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { unitAliases, units } from '../../db/schema/index.ts';
import { invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { assertNameFree } from './assert-name-free.ts';
import { createUnitInput } from './create-unit.ts';
import { normalizeUnitName } from './normalize-name.ts';

export const updateUnitInput = createUnitInput
  .omit({ isAgency: true, sort: true, aliases: true })
  .partial()
  .extend({
    isAgency: z.boolean().optional(),
    sort: z.number().int().min(0).max(100000).optional(),
    active: z.boolean().optional(),
    /** When given, replaces the unit's aliases. */
    aliases: createUnitInput.shape.aliases.unwrap().optional(),
  });
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

export async function updateUnit(ctx: OpContext, id: string, raw: UpdateUnitInput) {
  assertCan(ctx.actor, 'units.manage');
  const input = updateUnitInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(units).where(eq(units.id, id)).for('update');
    if (!before) throw notFound('unit_not_found', '单位不存在');
    const beforeAliases = (await tx.db.select().from(unitAliases).where(eq(unitAliases.unitId, id))).map((a) => a.alias);
    const name = input.name !== undefined ? normalizeUnitName(input.name) : undefined;
    if (name && name !== before.name) await assertNameFree(tx.db, name, { unitId: id });
    if (input.shortName) await assertNameFree(tx.db, input.shortName, { unitId: id });
    if (input.parentId !== undefined && input.parentId !== null) {
      if (input.parentId === id) throw invalid('parent_cycle', '单位不能作为自己的上级');
      await assertNotDescendant(tx, id, input.parentId);
    }
    const [after] = await tx.db
      .update(units)
      .set({
        ...(name !== undefined && { name }),
        ...(input.shortName !== undefined && { shortName: input.shortName }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.isAgency !== undefined && { isAgency: input.isAgency }),
        ...(input.code !== undefined && { code: input.code }),
        ...(input.sort !== undefined && { sort: input.sort }),
        ...(input.active !== undefined && { active: input.active }),
        updatedAt: new Date(),
      })
      .where(eq(units.id, id))
      .returning();
    let aliases = beforeAliases;
    if (input.aliases) {
      aliases = [...new Set(input.aliases.map(normalizeUnitName))].filter((a) => a !== after.name);
      for (const a of aliases) await assertNameFree(tx.db, a, { unitId: id });
      await tx.db.delete(unitAliases).where(eq(unitAliases.unitId, id));
      if (aliases.length) await tx.db.insert(unitAliases).values(aliases.map((alias) => ({ unitId: id, alias })));
    }
    await writeAudit(tx, {
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      before: { ...before, aliases: beforeAliases },
      after: { ...after, aliases },
    });
    return { ...after, aliases };
  });
}

/** Refuses a parent that sits below the unit itself, which would make the tree a cycle. */
async function assertNotDescendant(tx: OpContext, id: string, parentId: string) {
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) throw invalid('parent_cycle', '不能把下级单位设为上级');
    const [row]: { parentId: string | null }[] = await tx.db
      .select({ parentId: units.parentId })
      .from(units)
      .where(eq(units.id, cursor));
    if (!row) throw invalid('unknown_parent', '上级单位不存在');
    cursor = row.parentId;
  }
}
