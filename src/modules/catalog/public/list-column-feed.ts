import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { columnSubtree, findColumn, type PublicColumn, type PublicSite } from './columns.ts';
import { newestInColumns, rows } from './sql.ts';

export interface FeedItem {
  id: string;
  title: string;
  summary: string;
  publishedAt: Date;
  changedAt: Date;
  columnName: string;
}

/** A column's feed: its newest visible documents (and those of the columns below it) with a text summary. */
export async function listColumnFeed(db: Db, slug: string, limit = 20): Promise<{ column: PublicColumn; site: PublicSite; items: FeedItem[] } | null> {
  const found = await findColumn(db, slug);
  if (!found) return null;
  const ids = (await columnSubtree(db, found.column.id)).map((c) => c.id);
  const select = sql.raw(
    `d.id, d.title, left(d.body_text, 200) as summary, (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs",
     (extract(epoch from greatest(d.published_at, d.updated_at)) * 1000)::float8 as "changedMs",
     (select c.name from catalog_columns c where c.id = d.column_id) as "columnName"`,
  );
  const list = await rows<{ id: string; title: string; summary: string; publishedMs: number; changedMs: number; columnName: string }>(db, newestInColumns(select, ids, limit));
  return {
    ...found,
    items: list.map((r) => ({ id: r.id, title: r.title, summary: r.summary.replace(/\s+/g, ' ').trim(), publishedAt: new Date(r.publishedMs), changedAt: new Date(r.changedMs), columnName: r.columnName })),
  };
}
