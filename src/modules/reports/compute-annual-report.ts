import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { annualReports, units } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { computeSection2, type Section2, type Section2Entered } from './compute-section2.ts';
import { computeSection3, section3Balanced, type Section3 } from './compute-section3.ts';
import { computeSection4, type Section4 } from './compute-section4.ts';
import { SECTION3_KEYS } from './report-rows.ts';

export interface AnnualFigures {
  agency: string;
  agencyUnitId: string;
  year: number;
  section2: Section2;
  section3: Section3;
  section4: Section4;
  checks: { balanced: boolean; unclassified: number };
}

/**
 * The tables of one agency's report for one year, computed from the data now. Publishing freezes
 * them (publish-annual-report.ts); `latestEntered` is the agency's section 二 figures of its newest version.
 */
export async function computeAnnualFigures(db: Db, agencyUnitId: string, year: number): Promise<AnnualFigures> {
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, agencyUnitId));
  if (!unit) throw notFound('unit_not_found', '单位不存在');
  const [latest] = await db
    .select({ entered: annualReports.entered })
    .from(annualReports)
    .where(and(eq(annualReports.agencyUnitId, agencyUnitId), eq(annualReports.year, year)))
    .orderBy(desc(annualReports.version))
    .limit(1);
  // One after another: inside a transaction (publishing) the queries share one connection.
  const section2 = await computeSection2(db, agencyUnitId, year, (latest?.entered ?? {}) as Section2Entered);
  const s3 = await computeSection3(db, agencyUnitId, year);
  const section4 = await computeSection4(db, agencyUnitId, year);
  const { unclassified, ...section3 } = s3;
  return {
    agency: unit.name,
    agencyUnitId,
    year,
    section2,
    section3,
    section4,
    checks: { balanced: section3Balanced(section3) && unclassified === 0, unclassified },
  };
}

/**
 * The JSON line of `gongkai report annual --json`, keys in the report's order. (A plain object would
 * put the row codes `1` and `2` before `new` and `carried`: JavaScript orders integer-like keys first.)
 */
export function figuresJsonText(f: AnnualFigures): string {
  const j = JSON.stringify;
  const rows = SECTION3_KEYS.map((k) => `${j(k)}:${j(f.section3.rows[k])}`).join(',');
  const s4 = f.section4;
  return (
    `{"agency":${j(f.agency)},"year":${f.year},"section2":${j(f.section2)},` +
    `"section3":{"columns":${j(f.section3.columns)},"rows":{${rows}}},` +
    `"section4":{"columns":${j(s4.columns)},"review":${j(s4.review)},"litigationDirect":${j(s4.litigationDirect)},"litigationAfterReview":${j(s4.litigationAfterReview)}},` +
    `"checks":{"balanced":${f.checks.balanced}}}`
  );
}
