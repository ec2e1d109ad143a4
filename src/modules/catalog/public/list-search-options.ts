import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { siteColumns } from './columns.ts';
import { districtSite, listUnitSites } from './get-site-tree.ts';
import { rows } from './sql.ts';

export interface SearchChoices {
  columns: { slug: string; name: string; depth: number }[];
  units: { unitId: string; name: string }[];
  /** The year of the first publication, null when nothing is published. */
  firstYear: number | null;
}

export interface SearchOptions {
  columns: SearchChoices['columns'];
  units: SearchChoices['units'];
  years: number[];
}

/**
 * What the search form offers, from the database: the district portal's columns three levels deep,
 * the sites (the district and each unit sub-site), and the year of the first publication.
 */
export async function readSearchChoices(db: Db): Promise<SearchChoices> {
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
  return {
    columns: columns.filter((c) => c.depth <= 2).map((c) => ({ slug: c.slug, name: c.name, depth: c.depth })),
    units: [...(district ? [{ unitId: district.unitId, name: `${district.name}（区政府门户）` }] : []), ...unitSites.map((u) => ({ unitId: u.unitId, name: u.name }))],
    firstYear: first?.y ?? null,
  };
}

const yearFmt = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The choices of the search form: the years run from the first publication to this one. */
export function searchOptionsFrom(choices: SearchChoices, now = new Date()): SearchOptions {
  const thisYear = Number(yearFmt.format(now));
  const from = Math.max(1990, Math.min(choices.firstYear ?? thisYear, thisYear));
  return { columns: choices.columns, units: choices.units, years: Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i) };
}

export async function listSearchOptions(db: Db): Promise<SearchOptions> {
  return searchOptionsFrom(await readSearchChoices(db));
}

/**
 * The search form's choices for one catalog version: read once per change of the catalog, not on
 * every results page (they are four queries; the results themselves need one transaction).
 */
export class SearchChoicesCache {
  private kept: { version: string; value: Promise<SearchChoices> } | null = null;

  get(version: string, read: () => Promise<SearchChoices>): Promise<SearchChoices> {
    if (this.kept?.version === version) return this.kept.value;
    const kept = { version, value: read() };
    this.kept = kept;
    // A failed read is tried again by the next request.
    kept.value.catch(() => {
      if (this.kept === kept) this.kept = null;
    });
    return kept.value;
  }

  clear() {
    this.kept = null;
  }
}
