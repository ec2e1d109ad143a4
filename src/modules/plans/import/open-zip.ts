import { OfficeFileError, SafeZip } from '../../../platform/office/safe-zip.ts';

/** .docx and .xlsx are both zip packages; which one is told by the entries, not the file name. */
export type PackageKind = 'docx' | 'xlsx' | 'other';

export function isZip(buf: Uint8Array): boolean {
  return SafeZip.looksLikeZip(buf);
}

/** Old binary Office files (.doc / .xls) start with the OLE compound-file signature. */
export function isOleCompound(buf: Uint8Array): boolean {
  return buf.length >= 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
}

export interface OpenedPackage {
  zip: SafeZip;
  kind: PackageKind;
}

/**
 * Returns null when the bytes are not a readable zip. The package is read with the shared safe
 * reader (src/platform/office/safe-zip.ts): entries are inflated with a cap on their real bytes,
 * whatever the headers claim, so a zip bomb is refused (`zip_bomb`) while it inflates.
 */
export function openPackage(buf: Uint8Array, name = '导入文件'): OpenedPackage | null {
  if (!isZip(buf)) return null;
  let zip: SafeZip;
  try {
    zip = SafeZip.open(buf, name);
  } catch (err) {
    if (err instanceof OfficeFileError && err.code === 'broken_zip') return null;
    throw err;
  }
  const kind: PackageKind = zip.has('word/document.xml') ? 'docx' : zip.has('xl/workbook.xml') ? 'xlsx' : 'other';
  return { zip, kind };
}
