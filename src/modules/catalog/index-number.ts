import { eq, sql } from 'drizzle-orm';
import { catalogCounters, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';

/**
 * 索引号: the publishing agency's code, the year and a serial, e.g. 11500103009359347P/2021-00012.
 * The serial is taken under a row lock so concurrent publishers never share one. Call inside a transaction.
 */
export async function nextIndexNo(tx: OpContext, siteUnitId: string, year: number): Promise<string> {
  const [counter] = await tx.db
    .insert(catalogCounters)
    .values({ siteUnitId, year, last: 1 })
    .onConflictDoUpdate({ target: [catalogCounters.siteUnitId, catalogCounters.year], set: { last: sql`${catalogCounters.last} + 1` } })
    .returning({ last: catalogCounters.last });
  const [unit] = await tx.db.select({ code: units.code, id: units.id }).from(units).where(eq(units.id, siteUnitId));
  // Units without an entered code use a stable stand-in from their id until the office enters it.
  const code = unit?.code ?? `YZ${siteUnitId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
  return `${code}/${year}-${String(counter.last).padStart(5, '0')}`;
}
