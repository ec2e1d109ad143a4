import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { catalogColumns } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadColumn } from './load-document.ts';

export const columnSettingsInput = z.object({
  category: z.enum(['news', 'notice', 'policy', 'other'], { message: '栏目类别不正确' }).optional(),
  updateIntervalDays: z.number().int().min(1).max(3650).nullable().optional(),
  note: z.string().trim().max(500, '备注说明不能超过 500 字').nullable().optional(),
  ownerUnitIds: z.array(z.uuid()).max(100).optional(),
  reviewSteps: z
    .array(z.object({ name: z.string().trim().min(1).max(20), role: z.enum(['reviewer', 'approver', 'liaison', 'office_admin']) }))
    .min(1, '审核流程至少一步')
    .max(5, '审核流程最多五步')
    .optional(),
  /** Off only for a unit too small to give each step its own person: each such decision is then audited. */
  reviewDistinctPeople: z.boolean().optional(),
});

/** Column settings: owners, review chain, update interval, and the note of a legitimately empty column. */
export async function updateColumn(ctx: OpContext, id: string, raw: z.input<typeof columnSettingsInput>) {
  assertCan(ctx.actor, 'catalog.manage');
  const input = columnSettingsInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadColumn(tx, id);
    const [after] = await tx.db.update(catalogColumns).set(input).where(eq(catalogColumns.id, id)).returning();
    await writeAudit(tx, { action: 'catalog.column_update', entity: 'catalog_column', entityId: id, before, after });
    return after;
  });
}
