import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { plainRows } from './pinned-query.ts';
import { rows, uuidArray } from './sql.ts';

export interface PublicSite {
  unitId: string;
  name: string;
  /** The district portal (the region unit's site) or a unit's sub-site (部门网页). */
  isDistrict: boolean;
}

export interface PublicColumn {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  note: string | null;
  category: string;
}

export interface TreeColumn extends PublicColumn {
  depth: number;
}

const COLS = sql.raw(`c.id, c.parent_id as "parentId", c.name, c.slug, c.note, c.category`);

/** A column by its URL segment, with the site it belongs to. */
export async function findColumn(db: Db, slug: string): Promise<{ column: PublicColumn; site: PublicSite } | null> {
  const [row] = await rows<PublicColumn & { unitId: string; unitName: string; unitKind: string }>(
    db,
    sql`select ${COLS}, u.id as "unitId", u.name as "unitName", u.kind as "unitKind"
        from catalog_columns c join units u on u.id = c.site_unit_id where c.slug = ${slug}`,
  );
  if (!row) return null;
  const { unitId, unitName, unitKind, ...column } = row;
  return { column, site: { unitId, name: unitName, isDistrict: unitKind === 'region' } };
}

/** The column's ancestors from the root down, the column itself last. */
export async function columnPath(db: Db, columnId: string): Promise<PublicColumn[]> {
  const list = await rows<PublicColumn & { depth: number }>(
    db,
    sql`with recursive up as (
          select ${COLS}, 0 as depth from catalog_columns c where c.id = ${columnId}
          union all
          select ${COLS}, up.depth + 1 from catalog_columns c join up on c.id = up."parentId" where up.depth < 20)
        select * from up order by depth desc`,
  );
  return list.map(({ depth: _d, ...c }) => c);
}

/** Walks down from the column(s) `anchor` selects (a condition on `c`), at most 20 levels, carrying `cols`. */
const walkDown = (anchor: SQL, cols: SQL) => sql`with recursive down as (
      select ${cols}, 0 as depth from catalog_columns c where ${anchor}
      union all
      select ${cols}, down.depth + 1 from catalog_columns c join down on c."parent_id" = down.id where down.depth < 20)`;

/** The column and every column below it, parents before children, siblings in their order. */
export async function columnSubtree(db: Db, columnId: string): Promise<TreeColumn[]> {
  return rows<TreeColumn>(
    db,
    sql`${walkDown(sql`c.id = ${columnId}`, sql`${COLS}, c.sort, c.created_at`)}
        select id, "parentId", name, slug, note, category, depth from down order by depth, sort, created_at`,
  );
}

/** The ids of the column with this slug and of every column below it (none when no column has it): one statement, prepared once on PGlite. */
export async function columnSubtreeIds(db: Db, slug: string): Promise<string[]> {
  const list = await plainRows<{ id: string }>(db, sql`${walkDown(sql`c.slug = ${slug}`, sql`c.id`)} select id from down`, { prepared: true });
  return list.map((c) => c.id);
}

/** Every column of a site, parents before children. */
export async function siteColumns(db: Db, siteUnitId: string): Promise<TreeColumn[]> {
  const list = await rows<PublicColumn & { sort: number }>(db, sql`select ${COLS}, c.sort from catalog_columns c where c.site_unit_id = ${siteUnitId} order by c.sort, c.created_at`);
  const depth = new Map<string, number>();
  const byId = new Map(list.map((c) => [c.id, c]));
  const depthOf = (c: PublicColumn, guard = 0): number => {
    if (depth.has(c.id)) return depth.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    const d = parent && guard < 20 ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(c.id, d);
    return d;
  };
  return list.map(({ sort: _s, ...c }) => ({ ...c, depth: depthOf(c) }));
}

/**
 * Visible documents per column of a set (count) and the latest publication among them. Only columns
 * of the (column_id, status, published_at) index are read, so that an index-only scan can answer.
 */
export async function columnStats(db: Db, columnIds: string[]): Promise<{ counts: Map<string, number>; lastModified: Date | null }> {
  if (!columnIds.length) return { counts: new Map(), lastModified: null };
  const list = await rows<{ columnId: string; n: number; latest: number | null }>(
    db,
    sql`select d.column_id as "columnId", count(*)::int as n, (extract(epoch from max(d.published_at)) * 1000)::float8 as latest
        from documents d
        where d.column_id = any(${uuidArray(columnIds)}) and d.status in ('published','scheduled') and d.published_at <= now()
        group by d.column_id`,
  );
  const latest = Math.max(0, ...list.map((r) => r.latest ?? 0));
  return { counts: new Map(list.map((r) => [r.columnId, r.n])), lastModified: latest ? new Date(latest) : null };
}

/** Sum of a column's own count and its descendants'. */
export function rollUp(columns: { id: string; parentId: string | null }[], counts: Map<string, number>): Map<string, number> {
  const total = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const c of columns) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const sum = (id: string, guard = 0): number => {
    if (total.has(id)) return total.get(id)!;
    const n = (counts.get(id) ?? 0) + (guard < 20 ? (children.get(id) ?? []).reduce((a, k) => a + sum(k, guard + 1), 0) : 0);
    total.set(id, n);
    return n;
  };
  for (const c of columns) sum(c.id);
  return total;
}
