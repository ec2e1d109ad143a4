import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { columnStats, rollUp, siteColumns, type PublicSite, type TreeColumn } from './columns.ts';
import { isUuid, rows } from './sql.ts';

export interface SiteTree {
  site: PublicSite;
  columns: (TreeColumn & { count: number })[];
  lastModified: Date | null;
}

/** The district portal's site unit (the region). */
export async function districtSite(db: Db): Promise<PublicSite | null> {
  const [row] = await rows<{ id: string; name: string }>(db, sql`select id, name from units where kind = 'region' order by sort limit 1`);
  return row ? { unitId: row.id, name: row.name, isDistrict: true } : null;
}

/**
 * A site's whole column tree with each column's visible documents (its own and below): the
 * district portal's when `unitId` is omitted, else a unit's sub-site. Null when the unit has no site.
 */
export async function getSiteTree(db: Db, unitId?: string): Promise<SiteTree | null> {
  let site: PublicSite | null;
  if (unitId === undefined) site = await districtSite(db);
  else {
    if (!isUuid(unitId)) return null;
    const [row] = await rows<{ id: string; name: string; kind: string }>(db, sql`select id, name, kind from units where id = ${unitId}`);
    site = row ? { unitId: row.id, name: row.name, isDistrict: row.kind === 'region' } : null;
  }
  if (!site) return null;
  const columns = await siteColumns(db, site.unitId);
  if (!columns.length) return null;
  const stats = await columnStats(db, columns.map((c) => c.id));
  const totals = rollUp(columns, stats.counts);
  return { site, columns: columns.map((c) => ({ ...c, count: totals.get(c.id) ?? 0 })), lastModified: stats.lastModified };
}

/** Units with a sub-site of their own (部门网页), in the district's order. */
export async function listUnitSites(db: Db): Promise<{ unitId: string; name: string; shortName: string | null; columns: number }[]> {
  return rows(
    db,
    sql`select u.id as "unitId", u.name, u.short_name as "shortName", count(c.id)::int as columns
        from units u join catalog_columns c on c.site_unit_id = u.id
        where u.kind <> 'region' and u.active group by u.id order by u.sort, u.name`,
  );
}
