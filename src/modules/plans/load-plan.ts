import { eq } from 'drizzle-orm';
import { plans } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';

/** The plan row, locked for update when a transaction is about to change it. */
export async function loadPlan(ctx: OpContext, planId: string, opts: { forUpdate?: boolean } = {}) {
  const q = ctx.db.select().from(plans).where(eq(plans.id, planId));
  const [plan] = opts.forUpdate ? await q.for('update') : await q;
  if (!plan) throw notFound('plan_not_found', '任务分工不存在');
  return plan;
}
