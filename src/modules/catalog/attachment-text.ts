import { inArray } from 'drizzle-orm';
import { buffer } from 'node:stream/consumers';
import { files } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertMayAttach, attachedTo } from '../../platform/files/file-access.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { scanFile } from './pii/index.ts';

const TEXT_TYPES = new Set(['text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
/** A file that would take the server too much to read is refused, not quietly left unscanned. */
const REFUSED = new Set(['zip_bomb', 'file_too_complex', 'office_busy']);

/**
 * The text of a .txt or .docx attachment, for search and the PII scan; other kinds have none we can
 * read, nor has a damaged file. A Word file is read in the office worker, under its limits.
 */
export async function attachmentText(store: FileStore, file: { storageKey: string; mime: string; originalName: string }): Promise<string | null> {
  if (!TEXT_TYPES.has(file.mime)) return null;
  const data = await buffer(await store.open(file.storageKey));
  try {
    return (await scanFile(data, file.originalName)).text;
  } catch (err) {
    if (err instanceof AppError && REFUSED.has(err.code)) throw err;
    return null;
  }
}

/**
 * The texts of the files newly attached to a document (null: a new one), by file id, read before the saving transaction opens:
 * reading a Word file can take seconds, and no transaction or lock should wait on it.
 */
export async function attachmentTexts(ctx: OpContext, store: FileStore | undefined, ids: string[], documentId: string | null): Promise<Map<string, string | null>> {
  const texts = new Map<string, string | null>();
  if (!store || ids.length === 0) return texts;
  const target = documentId ? ({ kind: 'document', id: documentId } as const) : null;
  const rows = await ctx.db.select().from(files).where(inArray(files.id, ids));
  for (const f of rows) {
    // Files this document already has keep their text; a file the caller may not attach is refused
    // before anything is read (claimFiles checks again, under lock, in the transaction).
    if (attachedTo(f, target)) continue;
    assertMayAttach(ctx.actor!, f, target);
    texts.set(f.id, await attachmentText(store, f));
  }
  return texts;
}
