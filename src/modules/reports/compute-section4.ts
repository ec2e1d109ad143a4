import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from './compute-section3.ts';
import { SECTION4_COLUMNS, SECTION4_ROWS, type Section4Key } from './report-rows.ts';
import { yearSpan } from './year-span.ts';

export type Section4 = { columns: string[] } & Record<Section4Key, number[]>;

/**
 * Section 四: the 行政复议 and 行政诉讼 records filed in the year, by their result as of 31 December
 * (a result dated later, or none, is 尚未审结).
 */
export async function computeSection4(db: Db, agencyUnitId: string | null, year: number): Promise<Section4> {
  const { first, last } = yearSpan(year);
  const agency = agencyUnitId ? sql`agency_unit_id = ${agencyUnitId} and` : sql``;
  const found = rowsOf<{ kind: string; result: string; n: number }>(
    await db.execute(sql`
      select kind, case when result is not null and (result_on is null or result_on <= ${last}) then result else '尚未审结' end as result, count(*)::int as n
      from request_reviews
      where ${agency} filed_on between ${first} and ${last}
      group by 1, 2`),
  );
  const out = { columns: [...SECTION4_COLUMNS] } as Section4;
  for (const r of SECTION4_ROWS) out[r.key] = Array(SECTION4_COLUMNS.length).fill(0);
  for (const f of found) {
    const row = SECTION4_ROWS.find((r) => r.kind === f.kind);
    const c = (SECTION4_COLUMNS as readonly string[]).indexOf(f.result);
    if (!row || c < 0) continue;
    out[row.key][c] += f.n;
    out[row.key][SECTION4_COLUMNS.length - 1] += f.n;
  }
  return out;
}
