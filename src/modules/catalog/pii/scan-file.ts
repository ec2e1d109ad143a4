import { SafeZip } from '../../../platform/office/safe-zip.ts';
import { PiiScanError } from './errors.ts';
import { docxTextFromZip, isDocxZip, openDocxZip } from './extract-docx-text.ts';
import { MSG } from './messages.ts';
import { type ScanOptions, scanText } from './scan-text.ts';
import { runOfficeJob } from '../../../platform/office/run-office-job.ts';
import type { PiiFinding } from './types.ts';

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
 * The readable text of an attachment. The kind is decided by content: a zip holding
 * word/document.xml is a Word document whatever its name (read through the shared safe zip
 * reader, so a zip bomb is refused with `zip_bomb`); otherwise only .txt files are read as text.
 */
export function fileText(buf: Buffer, filename: string): string {
  const ext = extensionOf(filename);
  let text: string;
  if (SafeZip.looksLikeZip(buf)) {
    const zip = openDocxZip(buf, filename);
    if (!isDocxZip(zip)) throw new PiiScanError('unsupported_file', MSG.unsupportedType(filename));
    text = docxTextFromZip(zip, filename);
  } else if (ext === 'txt') {
    text = decodeTextFile(buf, filename);
  } else if (ext === 'doc') {
    throw new PiiScanError('unsupported_file', MSG.legacyDoc(filename));
  } else if (ext === 'docx') {
    throw new PiiScanError('unsupported_file', MSG.notDocx(filename));
  } else {
    throw new PiiScanError('unsupported_file', MSG.unsupportedType(filename));
  }
  return text;
}

/** Scans an attachment (see fileText); a Word file is read off the main thread, under a time limit. */
export async function scanFile(
  buf: Buffer,
  filename: string,
  opts: ScanOptions = {},
): Promise<{ text: string; findings: PiiFinding[] }> {
  const text = SafeZip.looksLikeZip(buf) ? await runOfficeJob('file-text', { data: buf, name: filename }) : fileText(buf, filename);
  return { text, findings: scanText(text, opts) };
}
