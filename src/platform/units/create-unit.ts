import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { unitAliases, units } from '../../db/schema/index.ts';
import { invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { agencyCodeInput } from './agency-code.ts';
import { assertNameFree } from './assert-name-free.ts';
import { normalizeUnitName } from './normalize-name.ts';
import { UNIT_KIND_CODES } from './unit-kinds.ts';

const name = z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不能超过 60 个字');

export const createUnitInput = z.object({
  name,
  shortName: name.optional().nullable(),
  kind: z.enum(UNIT_KIND_CODES, { message: '单位类型不正确' }),
  parentId: z.uuid('上级单位编号格式不正确').optional().nullable(),
  isAgency: z.boolean().default(true),
  /** 机构代码 (统一社会信用代码 or 组织机构代码): an agency's 索引号 needs it before it publishes. */
  code: agencyCodeInput.optional().nullable(),
  sort: z.number().int().min(0).max(100000).default(0),
  aliases: z.array(name).max(20, '别名不能超过 20 个').default([]),
});
export type CreateUnitInput = z.input<typeof createUnitInput>;

export async function createUnit(ctx: OpContext, raw: CreateUnitInput) {
  assertCan(ctx.actor, 'units.manage');
  const input = createUnitInput.parse(raw);
  const unitName = normalizeUnitName(input.name);
  const aliases = [...new Set(input.aliases.map(normalizeUnitName))].filter((a) => a !== unitName);
  return inTransaction(ctx, async (tx) => {
    if (input.parentId) {
      const [parent] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.parentId));
      if (!parent) throw invalid('unknown_parent', '上级单位不存在');
    }
    for (const n of [unitName, ...(input.shortName ? [input.shortName] : []), ...aliases]) await assertNameFree(tx.db, n);
    const [unit] = await tx.db
      .insert(units)
      .values({
        name: unitName,
        shortName: input.shortName ?? null,
        kind: input.kind,
        parentId: input.parentId ?? null,
        isAgency: input.isAgency,
        code: input.code ?? null,
        sort: input.sort,
      })
      .returning();
    if (aliases.length) await tx.db.insert(unitAliases).values(aliases.map((alias) => ({ unitId: unit.id, alias })));
    await writeAudit(tx, { action: 'unit.create', entity: 'unit', entityId: unit.id, after: { ...unit, aliases } });
    return { ...unit, aliases };
  });
}
