import { z } from 'zod';
import { planCheckSummaries } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertLeadOf } from './load-assignment.ts';
import { loadMeasure } from './load-measure.ts';

export const summaryInput = z.object({ text: z.string().trim().min(2, '请填写检查结果').max(5000, '检查结果不能超过 5000 字') });

/** The lead unit files its own check summary of a measure (cover requirement 四). */
export async function fileCheckSummary(ctx: OpContext, measureId: string, raw: z.input<typeof summaryInput>) {
  assertCan(ctx.actor, 'plans.check');
  const { text } = summaryInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    await loadMeasure(tx, measureId);
    await assertLeadOf(tx, actor, measureId);
    const [row] = await tx.db.insert(planCheckSummaries).values({ measureId, unitId: actor.unitId, text, createdBy: actor.id }).returning();
    await writeAudit(tx, { action: 'plan.check_summary', entity: 'plan_measure', entityId: measureId, after: { text } });
    return row;
  });
}
