import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { catalogColumnMeasures, catalogColumns, catalogPathMappings, documents, planMeasures, plans, units } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { applyPathMappings, columnPathNames } from './column-paths.ts';

/**
 * Proof for a plan measure: for each column its disclosure paths point at, the documents published
 * there during the plan's year (and already public). The lead unit can attach these as evidence.
 * `paths` tells which column(s) each written path leads to now, through the current path mappings.
 */
export async function measureDisclosureProof(ctx: OpContext, measureId: string) {
  assertCan(ctx.actor, 'plans.read');
  const [m] = await ctx.db
    .select({ id: planMeasures.id, year: plans.year, disclosurePaths: planMeasures.disclosurePaths, columnInstructions: planMeasures.columnInstructions })
    .from(planMeasures)
    .innerJoin(plans, eq(plans.id, planMeasures.planId))
    .where(eq(planMeasures.id, measureId));
  if (!m) throw notFound('measure_not_found', '举措不存在');
  const period = { from: `${m.year}-01-01`, to: `${m.year}-12-31` };
  const instructed = (m.columnInstructions as { parentPath: string[]; names: string[] }[]).flatMap((c) => c.names.map((n) => [...c.parentPath, n]));
  const written = [...m.disclosurePaths.map((raw) => ({ raw, instruction: false })), ...instructed.map((raw) => ({ raw, instruction: true }))];
  const cols = await ctx.db
    .select({ id: catalogColumns.id, name: catalogColumns.name, slug: catalogColumns.slug, siteUnitId: catalogColumns.siteUnitId, siteName: sql<string>`coalesce(${units.shortName}, ${units.name})`, siteKind: units.kind })
    .from(catalogColumnMeasures)
    .innerJoin(catalogColumns, eq(catalogColumns.id, catalogColumnMeasures.columnId))
    .innerJoin(units, eq(units.id, catalogColumns.siteUnitId))
    .where(eq(catalogColumnMeasures.measureId, measureId));
  const rules = await ctx.db.select().from(catalogPathMappings);
  if (!cols.length) return { measureId, year: m.year, period, columns: [], paths: written.map((w) => ({ ...w, mapped: applyPathMappings(rules, w.raw).path, columnIds: [] as string[] })) };

  const siteIds = [...new Set(cols.map((c) => c.siteUnitId))];
  const [docs, siteColumns] = await Promise.all([
    ctx.db
      .select({ id: documents.id, title: documents.title, columnId: documents.columnId, publishedAt: documents.publishedAt })
      .from(documents)
      .where(
        and(
          inArray(documents.columnId, cols.map((c) => c.id)),
          sql`${documents.status} in ('published','scheduled')`,
          gte(documents.publishedAt, new Date(`${m.year}-01-01T00:00:00+08:00`)),
          lte(documents.publishedAt, new Date(`${m.year}-12-31T23:59:59.999+08:00`)),
          // A scheduled document not yet online proves nothing yet.
          sql`${documents.publishedAt} <= now()`,
        ),
      )
      .orderBy(desc(documents.publishedAt)),
    ctx.db.select({ id: catalogColumns.id, parentId: catalogColumns.parentId, name: catalogColumns.name }).from(catalogColumns).where(inArray(catalogColumns.siteUnitId, siteIds)),
  ]);
  const names = columnPathNames(siteColumns);
  const columns = cols.map(({ siteKind, ...c }) => {
    const inCol = docs.filter((d) => d.columnId === c.id);
    return {
      ...c,
      regionSite: siteKind === 'region',
      path: names.get(c.id) ?? [c.name],
      url: `/xxgk/${c.slug}`,
      published: inCol.length,
      latest: inCol[0]?.publishedAt ?? null,
      documents: inCol.map((d) => ({ ...d, url: `/doc/${d.id}` })),
    };
  });
  const paths = written.map(({ raw, instruction }) => {
    const mapped = applyPathMappings(rules, raw).path;
    const unitSite = mapped[0] === '部门网页';
    const target = (unitSite ? mapped.slice(1) : mapped).join('>');
    return { raw, instruction, mapped, columnIds: columns.filter((c) => c.regionSite !== unitSite && c.path.join('>') === target).map((c) => c.id) };
  });
  return { measureId, year: m.year, period, columns, paths };
}
