import { eq } from 'drizzle-orm';
import { planMeasures, plans } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';

export async function loadMeasure(tx: OpContext, measureId: string) {
  const [row] = await tx.db
    .select({ measure: planMeasures, plan: plans })
    .from(planMeasures)
    .innerJoin(plans, eq(plans.id, planMeasures.planId))
    .where(eq(planMeasures.id, measureId))
    .for('update', { of: planMeasures });
  if (!row) throw notFound('measure_not_found', '举措不存在');
  return row;
}
