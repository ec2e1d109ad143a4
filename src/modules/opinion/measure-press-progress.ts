import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { opinionPressEvents, planMeasures, plans } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';

interface StoredTarget {
  text: string;
  min?: number;
  max?: number;
  unit: string;
  context: string;
  period?: string;
}

/** A measure is about press interpretation when it names 新闻发布 and counts times (二(二) 2：不少于4次 …). */
export const isPressMeasure = (text: string) => /新闻发布/.test(text) && /政策解读/.test(text);
/** The target counting leaders (有关负责同志带头开展政策解读应不少于2次). */
const isLeaderTarget = (t: StoredTarget) => /负责同志|领导/.test(t.context);

/**
 * Progress of a plan measure's numeric targets from the press events of the plan's year: each
 * 次-target about press interpretation counts the events (those where a leader spoke, for a
 * target about 有关负责同志). A measure of another kind has no such targets (`applies: false`).
 */
export async function measurePressProgress(ctx: OpContext, measureId: string) {
  assertCan(ctx.actor, 'plans.read');
  const [row] = await ctx.db
    .select({ text: planMeasures.text, targets: planMeasures.targets, year: plans.year })
    .from(planMeasures)
    .innerJoin(plans, eq(plans.id, planMeasures.planId))
    .where(eq(planMeasures.id, measureId));
  if (!row) throw notFound('measure_not_found', '举措不存在');
  const targets = (row.targets as StoredTarget[]).filter((t) => t.unit === '次' && t.min !== undefined);
  if (!isPressMeasure(row.text) || !targets.length) return { applies: false, year: row.year, targets: [] };
  const [counts] = await ctx.db
    .select({ all: sql<number>`count(*)::int`, leader: sql<number>`count(*) filter (where ${opinionPressEvents.leaderSpoke})::int` })
    .from(opinionPressEvents)
    .where(and(gte(opinionPressEvents.heldOn, `${row.year}-01-01`), lte(opinionPressEvents.heldOn, `${row.year}-12-31`)));
  return {
    applies: true,
    year: row.year,
    targets: targets.map((t) => {
      const leader = isLeaderTarget(t);
      const done = leader ? counts.leader : counts.all;
      return { text: t.text, context: t.context, leader, min: t.min!, done, met: done >= t.min! };
    }),
  };
}
