import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { phoneSpotChecks, units } from '../../db/schema/index.ts';

/**
 * Spot-check results per unit over a period (days inclusive, Asia/Shanghai): checks, answered, and
 * not answered although within working hours — what the office's 抽查 yields for the plans module's
 * 通报 and the unit assessment. No permission check: callers check their own.
 */
export async function spotCheckTotals(db: Db, opts: { from?: string; to?: string; unitId?: string } = {}) {
  const where: SQL[] = [];
  if (opts.unitId) where.push(eq(phoneSpotChecks.unitId, opts.unitId));
  if (opts.from) where.push(sql`${phoneSpotChecks.checkedAt} >= (${opts.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (opts.to) where.push(sql`${phoneSpotChecks.checkedAt} < (${opts.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return db
    .select({
      unitId: phoneSpotChecks.unitId,
      unitName: units.name,
      shortName: sql<string>`coalesce(${units.shortName}, ${units.name})`,
      checks: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${phoneSpotChecks.answered}))::int`,
      unansweredInHours: sql<number>`(count(*) filter (where not ${phoneSpotChecks.answered} and ${phoneSpotChecks.withinHours}))::int`,
    })
    .from(phoneSpotChecks)
    .innerJoin(units, eq(units.id, phoneSpotChecks.unitId))
    .where(where.length ? and(...where) : undefined)
    .groupBy(phoneSpotChecks.unitId, units.name, units.shortName)
    .orderBy(units.name);
}
