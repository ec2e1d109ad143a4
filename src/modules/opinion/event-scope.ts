import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opinionEvents } from '../../db/schema/index.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { isDistrictWide } from '../../platform/policy.ts';
import { loadOpinionSettings } from './settings.ts';

/**
 * Who sees which events: the district office and the coordinating unit (区网信办, a setting) every
 * event; any other unit the events it is responsible for.
 */
export async function opinionReach(db: Db, actor: Actor): Promise<'all' | string> {
  if (isDistrictWide(actor)) return 'all';
  const s = await loadOpinionSettings(db);
  return s.coordinatorUnitId && s.coordinatorUnitId === actor.unitId ? 'all' : actor.unitId;
}

export function assertReaches(reach: 'all' | string, unitId: string, message = '只能处理本单位负责的舆情') {
  if (reach !== 'all' && reach !== unitId) throw outOfScope(message);
}

/** Loads an event the actor may see; another unit's event reads as not found. */
export async function loadEventInReach(ctx: OpContext & { actor: Actor }, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = ctx.db.select().from(opinionEvents).where(eq(opinionEvents.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  const reach = await opinionReach(ctx.db, ctx.actor);
  if (!row || (reach !== 'all' && row.responsibleUnitId !== reach)) throw notFound('event_not_found', '舆情事件不存在');
  return { event: row, reach };
}
