import { bodyFileIds, publicBodyHtml } from '../body-files.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { columnPath, type PublicColumn, type PublicSite } from './columns.ts';
import { isUuid, rows, VISIBLE } from './sql.ts';

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';

export interface PublicDocument {
  id: string;
  title: string;
  bodyHtml: string;
  indexNo: string;
  publisher: string;
  writtenOn: string | null;
  docNumber: string | null;
  topic: string | null;
  validity: Validity;
  /** 规章 | 行政规范性文件 | null (normative-kind.ts). */
  normativeKind: string | null;
  /** The day a repealed or expired document stopped being in force (废止 / 失效日期). */
  validityOn: string | null;
  publishedAt: Date;
  updatedAt: Date;
  /** Set when the document was withdrawn (撤稿): the page then shows why, and no body. */
  withdrawn: { at: Date | null; reason: string | null } | null;
}

export interface LinkedDocument {
  id: string;
  title: string;
  publishedAt: Date;
}

export interface PublicDocumentPage {
  doc: PublicDocument;
  column: PublicColumn;
  site: PublicSite;
  path: PublicColumn[];
  /** The document that replaces this one, when it is public. */
  replacedBy: LinkedDocument | null;
  attachments: { fileId: string; name: string; size: number; mime: string }[];
  /** Interpretations (政策解读) of this document, and the policies this document interprets. */
  interpretations: (LinkedDocument & { form: string })[];
  interprets: LinkedDocument[];
  lastModified: Date;
}

type Row = Omit<PublicDocument, 'publishedAt' | 'updatedAt' | 'withdrawn'> & {
  status: string;
  publishedMs: number;
  updatedMs: number;
  withdrawnMs: number | null;
  withdrawnReason: string | null;
  replacedById: string | null;
  columnId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
};
type LinkedRow = { id: string; title: string; publishedMs: number; changedMs: number; form?: string };
const linked = ({ id, title, publishedMs }: LinkedRow): LinkedDocument => ({ id, title, publishedAt: new Date(publishedMs) });
const LINKED = sql.raw(`d.id, d.title, (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs", (extract(epoch from greatest(d.published_at, d.updated_at)) * 1000)::float8 as "changedMs"`);

/**
 * A document as the public sees it: published (or scheduled and due), or withdrawn after it had been
 * public — the withdrawn page keeps its URL and says why. Null for anything else (drafts, documents
 * under review, unknown ids).
 */
export async function getPublicDocument(db: Db, id: string): Promise<PublicDocumentPage | null> {
  if (!isUuid(id)) return null;
  const [row] = await rows<Row>(
    db,
    sql`select d.id, d.title, d.body_html as "bodyHtml", d.index_no as "indexNo", d.publisher, d.written_on::text as "writtenOn",
               d.doc_number as "docNumber", d.topic, d.validity, d.normative_kind as "normativeKind", d.validity_on::text as "validityOn", d.status, d.replaced_by_id as "replacedById", d.column_id as "columnId",
               (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs",
               (extract(epoch from d.updated_at) * 1000)::float8 as "updatedMs",
               (extract(epoch from d.withdrawn_at) * 1000)::float8 as "withdrawnMs", d.withdrawn_reason as "withdrawnReason",
               u.id as "unitId", u.name as "unitName", u.kind as "unitKind"
        from documents d join units u on u.id = d.site_unit_id
        where d.id = ${id} and d.status in ('published','scheduled','withdrawn') and d.published_at <= now()`,
  );
  if (!row) return null;
  const withdrawn = row.status === 'withdrawn';
  const [path, replacement, attachments, interpretations, interprets] = await Promise.all([
    columnPath(db, row.columnId),
    row.replacedById && row.replacedById !== row.id ? rows<LinkedRow>(db, sql`select ${LINKED} from documents d where d.id = ${row.replacedById} and ${VISIBLE}`) : Promise.resolve([]),
    withdrawn
      ? Promise.resolve([])
      : rows<{ fileId: string; name: string; size: number; mime: string }>(
          db,
          sql`select f.id as "fileId", f.original_name as name, f.size::float8 as size, f.mime
              from document_attachments a join files f on f.id = a.file_id where a.document_id = ${id} order by f.created_at, f.original_name`,
        ),
    rows<LinkedRow>(db, sql`select ${LINKED}, i.form from document_interpretations i join documents d on d.id = i.interpretation_id where i.policy_id = ${id} and ${VISIBLE} order by d.published_at`),
    rows<LinkedRow>(db, sql`select ${LINKED} from document_interpretations i join documents d on d.id = i.policy_id where i.interpretation_id = ${id} and ${VISIBLE} order by d.published_at`),
  ]);
  const column = path.at(-1)!;
  // Images shown in the body are not listed again as attachments to download.
  const inline = new Set(withdrawn ? [] : bodyFileIds(row.bodyHtml).images);
  const changed = [row.publishedMs, row.updatedMs, row.withdrawnMs ?? 0, ...[...replacement, ...interpretations, ...interprets].map((r) => r.changedMs)];
  return {
    doc: {
      id: row.id,
      title: row.title,
      bodyHtml: withdrawn ? '' : publicBodyHtml(row.bodyHtml, row.id),
      indexNo: row.indexNo,
      publisher: row.publisher,
      writtenOn: row.writtenOn,
      docNumber: row.docNumber,
      topic: row.topic,
      validity: row.validity,
      normativeKind: row.normativeKind,
      validityOn: row.validityOn,
      publishedAt: new Date(row.publishedMs),
      updatedAt: new Date(row.updatedMs),
      withdrawn: withdrawn ? { at: row.withdrawnMs ? new Date(row.withdrawnMs) : null, reason: row.withdrawnReason } : null,
    },
    column,
    site: { unitId: row.unitId, name: row.unitName, isDistrict: row.unitKind === 'region' },
    path,
    replacedBy: replacement[0] ? linked(replacement[0]) : null,
    attachments: attachments.filter((a) => !inline.has(a.fileId)),
    interpretations: interpretations.map((r) => ({ ...linked(r), form: r.form ?? 'text' })),
    interprets: interprets.map(linked),
    lastModified: new Date(Math.max(...changed)),
  };
}

/** An attachment of a public, not withdrawn document; null otherwise. */
export async function getPublicAttachment(db: Db, documentId: string, fileId: string) {
  if (!isUuid(documentId) || !isUuid(fileId)) return null;
  const [row] = await rows<{ storageKey: string; name: string; mime: string; size: number }>(
    db,
    sql`select f.storage_key as "storageKey", f.original_name as name, f.mime, f.size::float8 as size
        from document_attachments a join files f on f.id = a.file_id join documents d on d.id = a.document_id
        where a.document_id = ${documentId} and a.file_id = ${fileId} and ${VISIBLE}`,
  );
  return row ?? null;
}
