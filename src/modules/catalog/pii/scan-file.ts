import JSZip from 'jszip';
import { PiiScanError } from './errors.ts';
import { docxTextFromZip, isDocxZip } from './extract-docx-text.ts';
import { MSG } from './messages.ts';
import { type ScanOptions, scanText } from './scan-text.ts';
import type { PiiFinding } from './types.ts';

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Text of a .txt file. UTF-8 is expected (a BOM is dropped); UTF-16 with a BOM, as Notepad
 * saves "Unicode", and GB18030/GBK, still common in government offices, are read as well
 * rather than turned into mojibake that no detector can see through.
 */
export function decodeTextFile(buf: Buffer, name: string): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (body.includes(0)) throw new PiiScanError('unsupported_file', MSG.binaryText(name));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/**
 * Scans an attachment. The kind is decided by content: a zip holding word/document.xml is a
 * Word document whatever its name; otherwise only .txt files are read as text.
 */
export async function scanFile(
  buf: Buffer,
  filename: string,
  opts: ScanOptions = {},
): Promise<{ text: string; findings: PiiFinding[] }> {
  const ext = extensionOf(filename);
  let text: string;
  if (isZip(buf)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(buf);
    } catch {
      throw new PiiScanError('unsupported_file', MSG.brokenZip(filename));
    }
    if (!isDocxZip(zip)) throw new PiiScanError('unsupported_file', MSG.unsupportedType(filename));
    text = await docxTextFromZip(zip, filename);
  } else if (ext === 'txt') {
    text = decodeTextFile(buf, filename);
  } else if (ext === 'doc') {
    throw new PiiScanError('unsupported_file', MSG.legacyDoc(filename));
  } else if (ext === 'docx') {
    throw new PiiScanError('unsupported_file', MSG.notDocx(filename));
  } else {
    throw new PiiScanError('unsupported_file', MSG.unsupportedType(filename));
  }
  return { text, findings: scanText(text, opts) };
}
