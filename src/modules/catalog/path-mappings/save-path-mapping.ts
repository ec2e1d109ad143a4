import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { catalogPathMappings } from '../../../db/schema/index.ts';
import { conflict, invalid, notFound } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';

/** One level of a path: the plan importer splits on > and ＞, so a level can never contain them. */
const segment = z
  .string()
  .trim()
  .min(1, '路径的每一级都不能为空')
  .max(60, '路径的每一级不能超过 60 字')
  .refine((s) => !/[>＞]/u.test(s), '每一级名称中不能含有“>”，请分成多级填写');

const prefix = (label: string) => z.array(segment).min(1, `${label}至少填写一级`).max(10, `${label}最多十级`);

export const pathMappingInput = z.object({
  fromPrefix: prefix('原路径前缀'),
  toPrefix: prefix('对应栏目路径'),
  note: z.string().trim().max(200, '说明不能超过 200 字').nullable().optional(),
});

const same = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Adds a mapping, or changes one (`id`). A prefix may be mapped once: the longest-prefix rule would
 * otherwise pick between two mappings of the same prefix by chance.
 */
export async function savePathMapping(ctx: OpContext, raw: z.input<typeof pathMappingInput>, id?: string) {
  assertCan(ctx.actor, 'catalog.manage');
  const input = pathMappingInput.parse(raw);
  const values = { fromPrefix: input.fromPrefix, toPrefix: input.toPrefix, note: input.note || null };
  if (same(values.fromPrefix, values.toPrefix)) throw invalid('mapping_noop', '原路径前缀与对应栏目路径相同，无需映射');
  return inTransaction(ctx, async (tx) => {
    // Two offices saving the same prefix at once: the second waits here and then sees the first.
    await tx.db.execute(sql`lock table ${catalogPathMappings} in share row exclusive mode`);
    const rows = await tx.db.select().from(catalogPathMappings);
    const before = id ? rows.find((r) => r.id === id) : undefined;
    if (id && !before) throw notFound('mapping_not_found', '路径映射不存在');
    const taken = rows.find((r) => r.id !== id && same(r.fromPrefix, values.fromPrefix));
    if (taken) throw conflict('mapping_exists', `原路径前缀“${values.fromPrefix.join(' > ')}”已有映射，请修改已有的那一条`);
    if (before) {
      const [after] = await tx.db.update(catalogPathMappings).set(values).where(eq(catalogPathMappings.id, before.id)).returning();
      await writeAudit(tx, { action: 'catalog.path_mapping_update', entity: 'catalog_path_mapping', entityId: after.id, before, after });
      return after;
    }
    const [created] = await tx.db.insert(catalogPathMappings).values(values).returning();
    await writeAudit(tx, { action: 'catalog.path_mapping_create', entity: 'catalog_path_mapping', entityId: created.id, after: created });
    return created;
  });
}
