import { and, desc, eq, sql } from 'drizzle-orm';
import { annualReports, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { rowsOf } from './compute-section3.ts';
import { reportDueDate } from './report-deadline.ts';
import { yearSpan } from './year-span.ts';

/**
 * The district office's view of a year: every agency's report state and deadline, and its section 三
 * totals (new, carried, closed, forward) side by side, with the district-wide sum. One grouped query.
 */
export async function districtOverview(ctx: OpContext, year: number, today = todayInShanghai()) {
  assertCan(ctx.actor, 'reports.manage');
  const { first, last } = yearSpan(year);
  const agencies = await ctx.db.select({ id: units.id, name: units.name, kind: units.kind, sort: units.sort }).from(units).where(and(eq(units.active, true), eq(units.isAgency, true))).orderBy(units.sort, units.name);
  const totals = rowsOf<{ agency: string; new: number; carried: number; closed: number; forward: number }>(
    await ctx.db.execute(sql`
      select agency_unit_id as agency,
        count(*) filter (where received_on >= ${first})::int as new,
        count(*) filter (where received_on < ${first})::int as carried,
        count(*) filter (where closed_on <= ${last})::int as closed,
        count(*) filter (where closed_on is null or closed_on > ${last})::int as forward
      from request_cases
      where received_on <= ${last} and (closed_on is null or closed_on >= ${first})
      group by agency_unit_id`),
  );
  const reports = await ctx.db
    .selectDistinctOn([annualReports.agencyUnitId], { agencyUnitId: annualReports.agencyUnitId, status: annualReports.status, version: annualReports.version, publishedAt: annualReports.publishedAt })
    .from(annualReports)
    .where(eq(annualReports.year, year))
    .orderBy(annualReports.agencyUnitId, desc(annualReports.version));
  const byAgency = new Map(totals.map((t) => [t.agency, t]));
  const reportOf = new Map(reports.map((r) => [r.agencyUnitId, r]));
  const rows = agencies.map((a) => {
    const t = byAgency.get(a.id) ?? { new: 0, carried: 0, closed: 0, forward: 0 };
    const r = reportOf.get(a.id);
    const dueDate = reportDueDate(a.kind, year);
    const status = r?.status ?? 'none';
    return { agencyUnitId: a.id, agency: a.name, status, version: r?.version ?? 0, publishedAt: r?.publishedAt ?? null, dueDate, overdue: status !== 'published' && today > dueDate, new: t.new, carried: t.carried, closed: t.closed, forward: t.forward };
  });
  // The district-wide sum over every agency that has cases (one that has since been deactivated included).
  const sum = { new: 0, carried: 0, closed: 0, forward: 0 };
  for (const t of totals) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
  return { year, rows, sum };
}
