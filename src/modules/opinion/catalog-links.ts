import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns, documents } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { invalid } from '../../platform/errors.ts';

export interface DocLink {
  id: string;
  title: string;
  status: string;
  /** The portal address once published; null before. */
  url: string | null;
  columnName: string;
}

/** Titles, states and portal addresses of linked catalog documents (a draft shows no address). */
export async function docLinks(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, DocLink>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: documents.id, title: documents.title, status: documents.status, columnName: catalogColumns.name })
    .from(documents)
    .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
    .where(inArray(documents.id, wanted));
  return new Map(rows.map((r) => [r.id, { ...r, url: r.status === 'published' ? `/doc/${r.id}` : null }]));
}

/** Refuses links to documents that do not exist. */
export async function assertDocumentsExist(db: Db, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return;
  const found = await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, wanted));
  if (found.length !== wanted.length) throw invalid('unknown_document', '关联的目录文件不存在');
}
