import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { files } from '../../db/schema/index.ts';
import { AppError, invalid } from '../errors.ts';
import { ALLOWED_TYPES, detectFileType } from '../files/detect-file-type.ts';
import type { FileStore } from '../files/file-store.ts';

/** What the public may attach: documents and pictures, no archives or videos. */
export const PUBLIC_ATTACHMENT_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword', 'application/x-cfb', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain'];

/** Name endings each detected type may carry; a name claiming another type is refused as mislabelled. */
const EXT_OK: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx', 'wps'],
  'application/msword': ['doc', 'wps'],
  'application/x-cfb': ['doc', 'xls', 'wps', 'et'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx', 'et'],
  'application/vnd.ms-excel': ['xls', 'et'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'csv'],
};

export interface PublicUpload {
  data: Buffer;
  filename: string;
  /** The form field it came in (a form may have several file inputs). */
  field?: string;
}

/**
 * Checks and stores the attachments of one public submission: at most `maxFiles`, each at most
 * `maxBytes`, the type decided by the CONTENT (detect-file-type.ts) and limited to
 * PUBLIC_ATTACHMENT_TYPES; a file whose name claims another type (a program named 证明.pdf, a
 * picture named .docx) is refused with `attachment_mislabelled`. Every check runs before anything
 * is stored. The bytes go to the file store first; the `files` rows (no uploader, no owner unit,
 * attached to `target`) are written with `db` — pass the submission's transaction, and call
 * `removeStored` if it fails. Reading them follows the target's rule (register it with
 * `registerFileTarget`, src/platform/files/file-access.ts).
 */
export async function checkPublicAttachments(uploads: PublicUpload[], opts: { maxFiles: number; maxBytes: number }) {
  if (uploads.length > opts.maxFiles) throw invalid('too_many_attachments', `附件最多 ${opts.maxFiles} 个`);
  const checked = [];
  for (const u of uploads) {
    const label = path.basename(u.filename.replace(/\\/g, '/')).replace(/[\x00-\x1f\x7f]/g, '').slice(0, 200);
    if (u.data.length === 0) throw invalid('empty_file', `附件“${label}”是空文件`);
    if (u.data.length > opts.maxBytes)
      throw new AppError('too_large', 'file_too_large', `附件“${label}”超过 ${Math.floor(opts.maxBytes / 1048576)} MB 的上限`);
    const type = await detectFileType(u.data);
    if (!type || !PUBLIC_ATTACHMENT_TYPES.includes(type.mime))
      throw invalid('file_type_not_allowed', `附件“${label}”的类型不支持（按文件内容识别）；请上传 PDF、Word、Excel、图片或文本文件`);
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(label)?.[1]?.toLowerCase();
    if (ext && !(EXT_OK[type.mime] ?? [type.ext]).includes(ext))
      throw invalid('attachment_mislabelled', `附件“${label}”的内容是${ALLOWED_TYPES[type.mime]?.label ?? type.ext}，与文件名不符，请检查后重新上传`);
    checked.push({ ...u, label: label || `附件.${type.ext}`, mime: type.mime });
  }
  return checked;
}

export async function storePublicAttachments(
  db: Db,
  store: FileStore,
  checked: Awaited<ReturnType<typeof checkPublicAttachments>>,
  target: { kind: string; id: string },
): Promise<{ ids: string[]; storageKeys: string[] }> {
  const rows = checked.map((c) => {
    const id = randomUUID();
    return { id, storageKey: `${id.slice(0, 2)}/${id}`, originalName: c.label, mime: c.mime, size: c.data.length, sha256: createHash('sha256').update(c.data).digest('hex'), uploadedBy: null, ownerUnitId: null, attachedKind: target.kind, attachedId: target.id, data: c.data };
  });
  for (const r of rows) await store.put(r.storageKey, r.data);
  if (rows.length) await db.insert(files).values(rows.map(({ data: _d, ...r }) => r));
  return { ids: rows.map((r) => r.id), storageKeys: rows.map((r) => r.storageKey) };
}

/** Removes stored bytes of a submission whose transaction failed. */
export async function removeStored(store: FileStore, storageKeys: string[]) {
  for (const k of storageKeys) await store.remove(k).catch(() => undefined);
}

/** The attachments of a target, for its handling page. */
export async function listAttachments(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size }).from(files).where(inArray(files.id, ids));
}
