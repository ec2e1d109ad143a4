import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { catalogColumnMeasures, catalogColumns, documents, planMeasures, plans } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

/**
 * Proof for a plan measure: for each column its disclosure paths point at, the documents published
 * there during the plan's year. The lead unit can attach these as evidence.
 */
export async function measureDisclosureProof(ctx: OpContext, measureId: string) {
  assertCan(ctx.actor, 'plans.read');
  const [m] = await ctx.db.select({ id: planMeasures.id, year: plans.year }).from(planMeasures).innerJoin(plans, eq(plans.id, planMeasures.planId)).where(eq(planMeasures.id, measureId));
  if (!m) throw notFound('measure_not_found', '举措不存在');
  const cols = await ctx.db
    .select({ id: catalogColumns.id, name: catalogColumns.name, slug: catalogColumns.slug, siteUnitId: catalogColumns.siteUnitId })
    .from(catalogColumnMeasures)
    .innerJoin(catalogColumns, eq(catalogColumns.id, catalogColumnMeasures.columnId))
    .where(eq(catalogColumnMeasures.measureId, measureId));
  if (!cols.length) return { measureId, year: m.year, columns: [] };
  const docs = await ctx.db
    .select({ id: documents.id, title: documents.title, columnId: documents.columnId, publishedAt: documents.publishedAt })
    .from(documents)
    .where(
      and(
        inArray(documents.columnId, cols.map((c) => c.id)),
        sql`${documents.status} in ('published','scheduled')`,
        gte(documents.publishedAt, new Date(`${m.year}-01-01T00:00:00+08:00`)),
        lte(documents.publishedAt, new Date(`${m.year}-12-31T23:59:59.999+08:00`)),
      ),
    );
  return {
    measureId,
    year: m.year,
    columns: cols.map((c) => {
      const inCol = docs.filter((d) => d.columnId === c.id);
      return { ...c, url: `/xxgk/${c.slug}`, published: inCol.length, documents: inCol.map((d) => ({ ...d, url: `/doc/${d.id}` })) };
    }),
  };
}
