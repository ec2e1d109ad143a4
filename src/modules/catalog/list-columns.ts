import { asc, eq, sql } from 'drizzle-orm';
import { catalogColumnMeasures, catalogColumns, documents } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

/** A site's column tree (flat, parent ids), with each column's published count, latest date and linked measures. */
export async function listColumns(ctx: OpContext, siteUnitId: string) {
  assertCan(ctx.actor, 'catalog.read');
  const [cols, stats, links] = await Promise.all([
    ctx.db.select().from(catalogColumns).where(eq(catalogColumns.siteUnitId, siteUnitId)).orderBy(asc(catalogColumns.sort), asc(catalogColumns.createdAt)),
    ctx.db
      .select({ columnId: documents.columnId, published: sql<number>`count(*)::int`, latest: sql<string | null>`max(${documents.publishedAt})` })
      .from(documents)
      .where(sql`${documents.status} in ('published','scheduled') and ${documents.publishedAt} <= now() and ${documents.siteUnitId} = ${siteUnitId}`)
      .groupBy(documents.columnId),
    ctx.db.select({ columnId: catalogColumnMeasures.columnId, measureId: catalogColumnMeasures.measureId }).from(catalogColumnMeasures).innerJoin(catalogColumns, eq(catalogColumns.id, catalogColumnMeasures.columnId)).where(eq(catalogColumns.siteUnitId, siteUnitId)),
  ]);
  return cols.map((c) => ({
    ...c,
    published: stats.find((s) => s.columnId === c.id)?.published ?? 0,
    latest: stats.find((s) => s.columnId === c.id)?.latest ?? null,
    measureIds: links.filter((l) => l.columnId === c.id).map((l) => l.measureId),
  }));
}
