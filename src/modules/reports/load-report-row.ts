import { and, desc, eq } from 'drizzle-orm';
import { annualReports } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';

export type ReportRow = typeof annualReports.$inferSelect;

/** The newest version of an agency's report for a year (null before a draft exists), optionally locked. */
export async function loadLatestReport(ctx: OpContext, agencyUnitId: string, year: number, forUpdate = false): Promise<ReportRow | null> {
  const q = ctx.db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.agencyUnitId, agencyUnitId), eq(annualReports.year, year)))
    .orderBy(desc(annualReports.version))
    .limit(1);
  const [r] = forUpdate ? await q.for('update') : await q;
  return r ?? null;
}
