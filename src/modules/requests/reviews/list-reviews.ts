import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestCases, requestReviews, units } from '../../../db/schema/index.ts';
import type { OpContext } from '../../../platform/context.ts';
import { assertCan, isDistrictWide } from '../../../platform/policy.ts';
import { computeSection4 } from '../../reports/compute-section4.ts';
import { yearSpan } from '../../reports/year-span.ts';

export const listReviewsInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  caseId: z.uuid().optional(),
});

const columns = {
  id: requestReviews.id,
  agencyUnitId: requestReviews.agencyUnitId,
  agencyName: units.name,
  caseId: requestReviews.caseId,
  caseCode: requestCases.code,
  code: requestReviews.code,
  kind: requestReviews.kind,
  filedOn: requestReviews.filedOn,
  organ: requestReviews.organ,
  result: requestReviews.result,
  resultOn: requestReviews.resultOn,
  lessons: requestReviews.lessons,
  imported: requestReviews.imported,
};

function select(ctx: OpContext, where: SQL[]) {
  return ctx.db
    .select(columns)
    .from(requestReviews)
    .innerJoin(units, eq(units.id, requestReviews.agencyUnitId))
    .leftJoin(requestCases, eq(requestCases.id, requestReviews.caseId))
    .where(and(...where))
    .orderBy(desc(requestReviews.filedOn), asc(units.sort), asc(requestReviews.code));
}

const filedIn = (year: number | undefined) => {
  if (!year) return [];
  const { first, last } = yearSpan(year);
  return [gte(requestReviews.filedOn, first), lte(requestReviews.filedOn, last)];
};

/** One's own agency's 复议 / 诉讼 records (the office: every agency's), by filing year or case. */
export async function listReviews(ctx: OpContext, raw: z.input<typeof listReviewsInput>) {
  assertCan(ctx.actor, 'requests.read');
  const input = listReviewsInput.parse(raw);
  const where = [...filedIn(input.year)];
  if (!isDistrictWide(ctx.actor)) where.push(eq(requestReviews.agencyUnitId, ctx.actor.unitId));
  if (input.caseId) where.push(eq(requestReviews.caseId, input.caseId));
  return { items: await select(ctx, where) };
}

/**
 * The 区司法局's view (四（二）3: the January statistics): every agency's records filed in the year,
 * and section 四's figures per agency and for the district — computed by the annual report's own
 * computeSection4, so the two always agree.
 */
export async function districtReviews(ctx: OpContext, year: number) {
  assertCan(ctx.actor, 'requests.reviews_district');
  const items = await select(ctx, filedIn(year));
  const agencies = [...new Map(items.map((r) => [r.agencyUnitId, r.agencyName])).entries()];
  const perAgency = [];
  for (const [agencyUnitId, agencyName] of agencies) perAgency.push({ agencyUnitId, agencyName, figures: await computeSection4(ctx.db, agencyUnitId, year) });
  return { year, total: await computeSection4(ctx.db, null, year), agencies: perAgency, items };
}
