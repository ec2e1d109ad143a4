import { eq } from 'drizzle-orm';
import { requestCases } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { isDistrictWide } from '../../platform/policy.ts';

export type CaseRow = typeof requestCases.$inferSelect;

/** Whether the actor's unit handles the case (the office sees every agency's cases). */
export const handlesCase = (actor: Actor, c: Pick<CaseRow, 'agencyUnitId'>) => isDistrictWide(actor) || c.agencyUnitId === actor.unitId;

/**
 * The case as `actor` may see it, locked for update when `forUpdate`; `request_not_found` both when
 * it does not exist and when it is another unit's (its existence is not told).
 */
export async function loadCase(ctx: OpContext, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const q = ctx.db.select().from(requestCases).where(eq(requestCases.id, id));
  const [c] = opts.forUpdate ? await q.for('update') : await q;
  if (!c || !handlesCase(actor, c)) throw notFound('request_not_found', '申请不存在');
  return c;
}
