import { eq } from 'drizzle-orm';
import { plans } from '../../db/schema/index.ts';
import { conflict } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';

/** Deletes a draft plan (an import made by mistake); an issued plan is never deleted. */
export async function deleteDraft(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'plans.manage');
  return inTransaction(ctx, async (tx) => {
    const plan = await loadPlan(tx, planId, { forUpdate: true });
    if (plan.status !== 'draft') throw conflict('plan_not_draft', '只有草稿可以删除；已印发的任务分工不能删除');
    await tx.db.delete(plans).where(eq(plans.id, planId));
    await writeAudit(tx, { action: 'plan.delete_draft', entity: 'plan', entityId: planId, before: { title: plan.title, year: plan.year } });
  });
}
