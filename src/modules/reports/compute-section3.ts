import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { APPLICANT_KINDS, OUTCOME_CODES } from '../requests/outcomes.ts';
import { SECTION3_KEYS, type Section3Key } from './report-rows.ts';
import { yearSpan } from './year-span.ts';

export type Section3 = { columns: string[]; rows: Record<Section3Key, number[]> };

/**
 * Section 三 for one agency (or, with `agencyUnitId` null, every agency together) and year, computed
 * from the cases (ogi-rules §4): 一 = received in the year; 二 = received before it and not closed
 * before 1 January; 三 = closed in the year, by outcome; 四 = received by 31 December and not closed by
 * then. A case whose receipt staff have not confirmed yet is not counted. One aggregate query over the cases open at some time in the year.
 */
export async function computeSection3(db: Db, agencyUnitId: string | null, year: number): Promise<Section3 & { unclassified: number }> {
  const { first, last } = yearSpan(year);
  const agency = agencyUnitId ? sql`agency_unit_id = ${agencyUnitId} and` : sql``;
  // One pass: a case closed in the year was received by its end (closing is never before receipt).
  const counts = rowsOf<{ kind: string; outcome: string | null; new: number; carried: number; forward: number; closed: number }>(
    await db.execute(sql`
      select applicant_kind as kind, outcome,
        count(*) filter (where received_on >= ${first})::int as new,
        count(*) filter (where received_on < ${first})::int as carried,
        count(*) filter (where closed_on is null or closed_on > ${last})::int as forward,
        count(*) filter (where closed_on <= ${last})::int as closed
      from request_cases
      where ${agency} received_on <= ${last} and (closed_on is null or closed_on >= ${first})
      group by applicant_kind, outcome`),
  );
  const rows = Object.fromEntries(SECTION3_KEYS.map((k) => [k, Array(APPLICANT_KINDS.length + 1).fill(0)])) as Record<Section3Key, number[]>;
  const col = (kind: string) => {
    const i = (APPLICANT_KINDS as readonly string[]).indexOf(kind);
    return i >= 0 ? i : APPLICANT_KINDS.length - 1; // an unknown kind is 其他 (the schema allows no other, imports check it)
  };
  let unclassified = 0;
  for (const f of counts) {
    const c = col(f.kind);
    rows.new[c] += f.new;
    rows.carried[c] += f.carried;
    rows.forward[c] += f.forward;
    if (!f.closed) continue;
    if (!f.outcome || !(OUTCOME_CODES as string[]).includes(f.outcome)) {
      unclassified += f.closed;
      continue;
    }
    rows[f.outcome as Section3Key][c] += f.closed;
    rows.total[c] += f.closed;
  }
  const last_ = APPLICANT_KINDS.length;
  for (const key of SECTION3_KEYS) rows[key][last_] = rows[key].slice(0, last_).reduce((a, b) => a + b, 0);
  return { columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], rows, unclassified };
}

/** 一 + 二 = 三（七） + 四, column by column. */
export function section3Balanced(s: Section3): boolean {
  return s.rows.total.every((_, i) => s.rows.new[i] + s.rows.carried[i] === s.rows.total[i] + s.rows.forward[i]);
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
