import { desc, eq } from 'drizzle-orm';
import { planCirculars } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

export async function listCirculars(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'plans.read');
  return ctx.db.select().from(planCirculars).where(eq(planCirculars.planId, planId)).orderBy(desc(planCirculars.createdAt));
}
