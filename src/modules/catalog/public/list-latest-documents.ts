import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { columnSubtree } from './columns.ts';
import { LISTED, toListed, type ListedDocument } from './list-column-documents.ts';
import { newestInColumns, newestVisible, rows } from './sql.ts';

/** The newest visible documents of every site, for the home page. */
export async function listLatestDocuments(db: Db, limit = 10): Promise<ListedDocument[]> {
  return (await rows<Parameters<typeof toListed>[0]>(db, newestVisible(LISTED, sql`true`, limit))).map(toListed);
}

/** The newest visible documents of a column (by slug) and the columns below it; empty when there is no such column. */
export async function listColumnLatest(db: Db, slug: string, limit = 6): Promise<ListedDocument[]> {
  const [col] = await rows<{ id: string }>(db, sql`select id from catalog_columns where slug = ${slug}`);
  if (!col) return [];
  const ids = (await columnSubtree(db, col.id)).map((c) => c.id);
  return (await rows<Parameters<typeof toListed>[0]>(db, newestInColumns(LISTED, ids, limit))).map(toListed);
}
