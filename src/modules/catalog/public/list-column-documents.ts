import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { columnPath, columnStats, columnSubtree, findColumn, rollUp, type PublicColumn, type PublicSite } from './columns.ts';
import { newestInColumns, newestVisible, rows, uuidArray } from './sql.ts';

export const COLUMN_PAGE_SIZE = 20;

/** One column as an equality (an ordered index scan for one column), several as `any`. */
export const inColumns = (ids: string[]) => (ids.length === 1 ? sql`d.column_id = ${ids[0]}` : sql`d.column_id = any(${uuidArray(ids)})`);

export interface ListedDocument {
  id: string;
  title: string;
  publishedAt: Date;
  docNumber: string | null;
  validity: string;
  columnName: string;
  columnSlug: string;
  /** Publication or last edit, whichever is later. */
  changedAt: Date;
}

/** Columns of a list row; every query of the listing selects these. */
export const LISTED = sql.raw(
  `d.id, d.title, (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs", d.doc_number as "docNumber", d.validity,
   (extract(epoch from greatest(d.published_at, d.updated_at)) * 1000)::float8 as "changedMs",
   (select c.name from catalog_columns c where c.id = d.column_id) as "columnName",
   (select c.slug from catalog_columns c where c.id = d.column_id) as "columnSlug"`,
);

type ListedRow = Omit<ListedDocument, 'publishedAt' | 'changedAt'> & { publishedMs: number; changedMs: number };
export const toListed = ({ publishedMs, changedMs, ...r }: ListedRow): ListedDocument => ({ ...r, publishedAt: new Date(publishedMs), changedAt: new Date(changedMs) });

/**
 * A policy column is a library of normative documents (规范性文件库): the notice asks for those in
 * force (现行有效, including 已修改 — in force as amended) and those no longer (失效/废止) to be
 * shown apart.
 */
export const VALIDITY_GROUPS = { current: ['valid', 'amended'], void: ['repealed', 'expired'] } as const;
export type ValidityGroup = keyof typeof VALIDITY_GROUPS;
export const isValidityGroup = (v: unknown): v is ValidityGroup => v === 'current' || v === 'void';
export const isLibrary = (column: PublicColumn) => column.category === 'policy';
const validityIn = (group: ValidityGroup) => sql`d.validity in (${sql.join(VALIDITY_GROUPS[group].map((v) => sql`${v}`), sql`, `)})`;

export interface ColumnListing {
  column: PublicColumn;
  site: PublicSite;
  /** Root down to the column itself. */
  path: PublicColumn[];
  children: (PublicColumn & { count: number })[];
  /** Visible documents in the column and the columns below it. */
  total: number;
  page: number;
  pages: number;
  items: ListedDocument[];
  lastModified: Date | null;
  /** For a library column: the group shown (null: all) and how many documents each group holds. */
  library: { group: ValidityGroup | null; counts: Record<ValidityGroup, number> } | null;
}

/**
 * A column page: the column's place in its site, its child columns with their counts, and the
 * visible documents of the column and everything below it, newest first, one page of them.
 * Null when no column has that slug.
 */
export async function listColumnDocuments(db: Db, slug: string, page = 1, pageSize = COLUMN_PAGE_SIZE, group: ValidityGroup | null = null): Promise<ColumnListing | null> {
  const found = await findColumn(db, slug);
  if (!found) return null;
  const { column, site } = found;
  const [path, subtree] = await Promise.all([columnPath(db, column.id), columnSubtree(db, column.id)]);
  const ids = subtree.map((c) => c.id);
  const stats = await columnStats(db, ids);
  const totals = rollUp(subtree, stats.counts);
  const library = isLibrary(column) ? { group, counts: await groupCounts(db, ids) } : null;
  const shown = library?.group ?? null;
  const total = shown ? library!.counts[shown] : (totals.get(column.id) ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const offset = (page - 1) * pageSize;
  const query = shown
    ? newestVisible(LISTED, sql`d.column_id = any(${uuidArray(ids)}) and ${validityIn(shown)}`, pageSize, offset)
    : newestInColumns(LISTED, ids, pageSize, offset);
  const items = total && page <= pages ? (await rows<ListedRow>(db, query)).map(toListed) : [];
  const children = subtree.filter((c) => c.parentId === column.id).map(({ depth: _d, ...c }) => ({ ...c, count: totals.get(c.id) ?? 0 }));
  // The newest publication of the column, or a later edit of a document on this page.
  const changed = Math.max(stats.lastModified?.getTime() ?? 0, ...items.map((d) => d.changedAt.getTime()));
  return { column, site, path, children, total, page, pages, items, lastModified: changed ? new Date(changed) : null, library };
}

/** Visible documents of the columns in force and no longer in force. */
async function groupCounts(db: Db, columnIds: string[]): Promise<Record<ValidityGroup, number>> {
  const [r] = await rows<{ current: number; void: number }>(
    db,
    sql`select count(*) filter (where ${validityIn('current')})::int as current, count(*) filter (where ${validityIn('void')})::int as void
        from documents d where d.column_id = any(${uuidArray(columnIds)}) and d.status in ('published','scheduled') and d.published_at <= now()`,
  );
  return { current: r?.current ?? 0, void: r?.void ?? 0 };
}
