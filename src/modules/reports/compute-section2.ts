import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { NORMATIVE_KINDS } from '../catalog/normative-kind.ts';
import { rowsOf } from './compute-section3.ts';
import { yearSpan } from './year-span.ts';

/** What the agency enters for section 二 (decision counts and the fee amount), with where each figure comes from. */
export interface Section2Entered {
  permits?: number | null;
  penalties?: number | null;
  enforcement?: number | null;
  /** 行政事业性收费, 万元 (two decimals). */
  feesWan?: number | null;
  sources?: string | null;
}

export interface Section2 {
  /** 第二十条第（一）项: [本年制发件数, 本年废止件数, 现行有效件数] for 规章 and 行政规范性文件. */
  normative: { 规章: [number, number, number]; 行政规范性文件: [number, number, number] };
  permits: number | null;
  penalties: number | null;
  enforcement: number | null;
  feesWan: number | null;
  sources: string | null;
}

/**
 * Section 二 for one agency's site (or every site): the normative documents it published, counted by
 * 成文日期 (issued this year), 废止/失效日期 (repealed this year) and in force on 31 December; drafts and
 * withdrawn documents are not counted. The decision counts and fees are entered by the agency.
 */
export async function computeSection2(db: Db, agencyUnitId: string | null, year: number, entered: Section2Entered = {}): Promise<Section2> {
  const { first, last } = yearSpan(year);
  const site = agencyUnitId ? sql`site_unit_id = ${agencyUnitId} and` : sql``;
  const found = rowsOf<{ kind: string; issued: number; repealed: number; inForce: number }>(
    await db.execute(sql`
      select normative_kind as kind,
        count(*) filter (where written_on between ${first} and ${last})::int as issued,
        count(*) filter (where validity in ('repealed', 'expired') and validity_on between ${first} and ${last})::int as repealed,
        count(*) filter (where written_on <= ${last} and (validity not in ('repealed', 'expired') or validity_on > ${last}))::int as "inForce"
      from documents
      where ${site} normative_kind is not null and status in ('published', 'scheduled') and published_at is not null
      group by normative_kind`),
  );
  const normative = { 规章: [0, 0, 0], 行政规范性文件: [0, 0, 0] } as Section2['normative'];
  for (const f of found) if ((NORMATIVE_KINDS as readonly string[]).includes(f.kind)) normative[f.kind as keyof typeof normative] = [f.issued, f.repealed, f.inForce];
  return {
    normative,
    permits: entered.permits ?? null,
    penalties: entered.penalties ?? null,
    enforcement: entered.enforcement ?? null,
    feesWan: entered.feesWan ?? null,
    sources: entered.sources ?? null,
  };
}
