import { eq } from 'drizzle-orm';
import { catalogPathMappings } from '../../../db/schema/index.ts';
import { notFound } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';

/** Removes a mapping; paths it rewrote are used as written from now on (columns already built stay). */
export async function deletePathMapping(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'catalog.manage');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.delete(catalogPathMappings).where(eq(catalogPathMappings.id, id)).returning();
    if (!before) throw notFound('mapping_not_found', '路径映射不存在');
    await writeAudit(tx, { action: 'catalog.path_mapping_delete', entity: 'catalog_path_mapping', entityId: id, before });
    return { ok: true as const };
  });
}
