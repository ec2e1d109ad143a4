import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { catalogColumns, documents } from '../../../db/schema/index.ts';
import { bodyText, sanitizeBody, searchVectorSql } from '../document-content.ts';

/** For tests: a document written straight into a column (by slug), indexed the way publishing indexes it. */
export async function insertTestDocument(
  db: Db,
  d: {
    column: string;
    title: string;
    body?: string;
    publishedAt?: Date;
    status?: string;
    validity?: string;
    replacedById?: string | null;
    docNumber?: string | null;
    writtenOn?: string | null;
    topic?: string | null;
    withdrawnReason?: string;
  },
): Promise<string> {
  const [col] = await db.select({ id: catalogColumns.id, siteUnitId: catalogColumns.siteUnitId }).from(catalogColumns).where(eq(catalogColumns.slug, d.column));
  if (!col) throw new Error(`no column ${d.column}`);
  const html = sanitizeBody(d.body ?? '<p>正文。</p>');
  const text = bodyText(html);
  const indexNo = `TEST${randomBytes(5).toString('hex').toUpperCase()}/2024-00001`;
  const [row] = await db
    .insert(documents)
    .values({
      columnId: col.id,
      siteUnitId: col.siteUnitId,
      title: d.title,
      bodyHtml: html,
      bodyText: text,
      indexNo,
      publisher: '重庆市渝中区人民政府办公室',
      writtenOn: d.writtenOn ?? null,
      docNumber: d.docNumber ?? null,
      topic: d.topic ?? null,
      validity: d.validity ?? 'valid',
      replacedById: d.replacedById ?? null,
      status: d.status ?? 'published',
      publishedAt: d.publishedAt ?? new Date(),
      withdrawnAt: d.status === 'withdrawn' ? new Date() : null,
      withdrawnReason: d.withdrawnReason ?? null,
      searchVector: searchVectorSql({ title: d.title, docNumber: d.docNumber, indexNo }, text),
    })
    .returning({ id: documents.id });
  return row.id;
}
