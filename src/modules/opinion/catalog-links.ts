import { alias } from 'drizzle-orm/pg-core';
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

/**
 * The interpretation result of a press event belongs in the 政策解读 column (二(二) 5): its column, or
 * the column above it (视频 / 图片 / 文字 under 政策解读), is named …解读.
 */
export async function assertInterpretationColumn(db: Db, documentId: string | null | undefined) {
  if (!documentId) return;
  const parent = alias(catalogColumns, 'parent');
  const [row] = await db
    .select({ name: catalogColumns.name, parentName: parent.name })
    .from(documents)
    .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
    .leftJoin(parent, eq(parent.id, catalogColumns.parentId))
    .where(eq(documents.id, documentId));
  if (!row) throw invalid('unknown_document', '关联的目录文件不存在');
  if (!/解读/.test(row.name) && !/解读/.test(row.parentName ?? '')) throw invalid('not_interpretation_column', '解读成果应发布在“政策解读”栏目，请先在该栏目发布');
}
