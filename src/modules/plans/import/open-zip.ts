import JSZip from 'jszip';
import { ImportError, MAX_UNZIPPED_BYTES } from './errors.ts';

/** .docx and .xlsx are both zip packages; which one is told by the entries, not the file name. */
export type PackageKind = 'docx' | 'xlsx' | 'other';

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Old binary Office files (.doc / .xls) start with the OLE compound-file signature. */
export function isOleCompound(buf: Uint8Array): boolean {
  return buf.length >= 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
}

export interface OpenedPackage {
  zip: JSZip;
  kind: PackageKind;
}

/** Returns null when the bytes are not a readable zip; refuses packages that would inflate too far. */
export async function openPackage(buf: Uint8Array): Promise<OpenedPackage | null> {
  if (!isZip(buf)) return null;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return null;
  }
  let total = 0;
  zip.forEach((_path, file) => {
    // jszip keeps the central directory's declared size here and checks it while inflating.
    total += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (total > MAX_UNZIPPED_BYTES)
    throw new ImportError('too_large', '文件解压后内容过大，请确认是否选错文件');
  const kind: PackageKind = zip.file('word/document.xml') ? 'docx' : zip.file('xl/workbook.xml') ? 'xlsx' : 'other';
  return { zip, kind };
}
