import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/index.ts';

/** Sections 一, 五, 六 as the agency wrote them (plain text, one paragraph per line). */
export interface ReportTexts {
  overview?: string;
  problems?: string;
  other?: string;
}

/** The texts of an agency's newest version of its report for the year ({} before a draft exists). */
export async function loadReportTexts(db: Db, agencyUnitId: string, year: number): Promise<ReportTexts> {
  const [r] = await db
    .select({ texts: annualReports.texts })
    .from(annualReports)
    .where(and(eq(annualReports.agencyUnitId, agencyUnitId), eq(annualReports.year, year)))
    .orderBy(desc(annualReports.version))
    .limit(1);
  return (r?.texts ?? {}) as ReportTexts;
}
