import { eq } from 'drizzle-orm';
import { catalogColumns, documents } from '../../db/schema/index.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { isDistrictWide } from '../../platform/policy.ts';

export async function loadColumn(tx: OpContext, columnId: string) {
  const [column] = await tx.db.select().from(catalogColumns).where(eq(catalogColumns.id, columnId));
  if (!column) throw notFound('column_not_found', '栏目不存在');
  return column;
}

/** A document with its column, locked when a change follows. */
export async function loadDocument(tx: OpContext, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.db.select({ doc: documents, column: catalogColumns }).from(documents).innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId)).where(eq(documents.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: documents }) : await q;
  if (!row) throw notFound('document_not_found', '文件不存在');
  return row;
}

/** The units that own a column (its site's unit and any listed owners) work on its documents; the office on all. */
export function assertColumnOwner(actor: Actor, column: { siteUnitId: string; ownerUnitIds: string[] }) {
  if (isDistrictWide(actor)) return;
  if (column.siteUnitId !== actor.unitId && !column.ownerUnitIds.includes(actor.unitId)) throw outOfScope('只能处理本单位栏目中的文件');
}

/** The content under review: the working copy of an edited published document, else the document itself. */
export function contentOf(doc: typeof documents.$inferSelect): { title: string; bodyHtml: string; bodyText: string } {
  const copy = doc.workingCopy as { title: string; bodyHtml: string; bodyText: string } | null;
  return copy ?? { title: doc.title, bodyHtml: doc.bodyHtml, bodyText: doc.bodyText };
}
