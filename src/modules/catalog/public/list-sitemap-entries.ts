import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rows, VISIBLE } from './sql.ts';

/** Documents per sitemap file: the protocol allows 50,000 URLs in one. */
export const SITEMAP_DOCS_PER_FILE = 40_000;

export interface SitemapEntries {
  columns: { slug: string }[];
  unitSites: { unitId: string }[];
  documentCount: number;
  lastModified: Date | null;
}

/** What the sitemap index lists: the district's columns, the unit sub-sites, and how many public documents there are. */
export async function getSitemapSummary(db: Db): Promise<SitemapEntries> {
  const [columns, unitSites, [stats]] = await Promise.all([
    rows<{ slug: string }>(db, sql`select c.slug from catalog_columns c join units u on u.id = c.site_unit_id where u.kind = 'region' order by c.sort, c.created_at`),
    rows<{ unitId: string }>(db, sql`select distinct c.site_unit_id as "unitId" from catalog_columns c join units u on u.id = c.site_unit_id where u.kind <> 'region'`),
    rows<{ n: number; latest: number | null }>(db, sql`select count(*)::int as n, (extract(epoch from max(greatest(d.published_at, d.updated_at))) * 1000)::float8 as latest from documents d where ${VISIBLE}`),
  ]);
  return { columns, unitSites, documentCount: stats?.n ?? 0, lastModified: stats?.latest ? new Date(stats.latest) : null };
}

/** One file's worth of public documents (0-based part), oldest first so that parts stay stable as documents are added. */
export async function listSitemapDocuments(db: Db, part: number): Promise<{ id: string; lastModified: Date }[]> {
  const list = await rows<{ id: string; ms: number }>(
    db,
    sql`select d.id, (extract(epoch from greatest(d.published_at, d.updated_at)) * 1000)::float8 as ms
        from documents d where ${VISIBLE} order by d.published_at, d.id limit ${SITEMAP_DOCS_PER_FILE} offset ${part * SITEMAP_DOCS_PER_FILE}`,
  );
  return list.map((r) => ({ id: r.id, lastModified: new Date(r.ms) }));
}
