import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { siteColumns } from './columns.ts';
import { districtSite, listUnitSites } from './get-site-tree.ts';
import { rows } from './sql.ts';

/**
 * The choices of the search form: the district portal's columns three levels deep, the sites (the
 * district and each unit sub-site), and the years from the first publication to this one.
 */
export async function listSearchOptions(db: Db) {
  const district = await districtSite(db);
  const [columns, unitSites, [first]] = await Promise.all([
    district ? siteColumns(db, district.unitId) : Promise.resolve([]),
    listUnitSites(db),
    // min() over (status, published_at) reads one index entry per status.
    rows<{ y: number | null }>(
      db,
      sql`select extract(year from (least(
            (select min(published_at) from documents where status = 'published'),
            (select min(published_at) from documents where status = 'scheduled'))) at time zone 'Asia/Shanghai')::int as y`,
    ),
  ]);
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const from = Math.max(1990, Math.min(first?.y ?? thisYear, thisYear));
  return {
    columns: columns.filter((c) => c.depth <= 2).map((c) => ({ slug: c.slug, name: c.name, depth: c.depth })),
    units: [...(district ? [{ unitId: district.unitId, name: `${district.name}（区政府门户）` }] : []), ...unitSites.map((u) => ({ unitId: u.unitId, name: u.name }))],
    years: Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i),
  };
}
