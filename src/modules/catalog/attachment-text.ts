import { buffer } from 'node:stream/consumers';
import type { FileStore } from '../../platform/files/file-store.ts';
import { scanFile } from './pii/index.ts';

const TEXT_TYPES = new Set(['text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

/** The text of a .txt or .docx attachment, for search and the PII scan; other kinds have none we can read. */
export async function attachmentText(store: FileStore, file: { storageKey: string; mime: string; originalName: string }): Promise<string | null> {
  if (!TEXT_TYPES.has(file.mime)) return null;
  const data = await buffer(await store.open(file.storageKey));
  try {
    return (await scanFile(data, file.originalName)).text;
  } catch {
    return null;
  }
}

