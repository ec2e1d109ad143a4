import { OfficeJobFailure, runOfficeJob } from '../../../platform/office/run-office-job.ts';
import { ImportError, checkSize, type ImportErrorCode } from './errors.ts';
import { interpretTable } from './interpret-table.ts';
import { isOleCompound, isZip, openPackage } from './open-zip.ts';
import { readDocxTable } from './read-docx-table.ts';
import { readTextTable } from './read-text-table.ts';
import { readXlsxTable } from './read-xlsx-table.ts';
import type { ParsedPlan, ParseOptions } from './types.ts';

/**
 * Imports a district's yearly task-division notice (任务分工) into a structured plan. Pure: no
 * database, no files; units are looked up through the caller's resolver.
 */

export { ImportError, MAX_INPUT_BYTES } from './errors.ts';
export type { ImportErrorCode } from './errors.ts';
export { listWrittenUnitNames } from './list-written-unit-names.ts';
export type * from './types.ts';

export function parseNoticeText(text: string, opts: ParseOptions): ParsedPlan {
  checkSize(Buffer.byteLength(text, 'utf8'));
  return interpretTable(readTextTable(text), opts);
}

export async function parseNoticeDocx(buf: Buffer, opts: ParseOptions): Promise<ParsedPlan> {
  return interpretTable(await readDocxTable(buf), opts);
}

export async function parseNoticeXlsx(buf: Buffer, opts: ParseOptions): Promise<ParsedPlan> {
  return interpretTable(await readXlsxTable(buf), opts);
}

/**
 * Word saves "plain text" from Chinese Windows as GB2312 (read as GB18030) or as "Unicode"
 * (UTF-16 with a byte-order mark); everything else is UTF-8.
 */
function decodeText(buf: Buffer): string | null {
  const bom = buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
  for (const encoding of bom ? [bom] : ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(buf);
      // Control characters other than tab and line breaks mean a binary file, not text.
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u.test(text)) return null;
      return text;
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** The table of a Word or Excel file, read in the office worker (its time and memory are bounded there). */
async function readTableOffThread(job: 'docx-table' | 'xlsx-table', buf: Buffer) {
  try {
    return await runOfficeJob(job, { data: buf });
  } catch (err) {
    if (err instanceof OfficeJobFailure && err.remoteName === 'ImportError') throw new ImportError(err.code as ImportErrorCode, err.message);
    throw err;
  }
}

/**
 * Decides the format by content (the file name may lie): a zip is docx or xlsx by its entries, else
 * text. A Word or Excel file is read off the main thread; the table is interpreted here, with the
 * caller's resolver.
 */
export async function parseNotice(buf: Buffer, opts: ParseOptions & { filename?: string }): Promise<ParsedPlan> {
  checkSize(buf.length);
  if (isZip(buf)) {
    const pkg = openPackage(buf, opts.filename);
    if (pkg?.kind === 'docx') return interpretTable(await readTableOffThread('docx-table', buf), opts);
    if (pkg?.kind === 'xlsx') return interpretTable(await readTableOffThread('xlsx-table', buf), opts);
    throw new ImportError('unsupported_format', '压缩包不是 Word（.docx）或 Excel（.xlsx）文件，无法导入');
  }
  if (isOleCompound(buf))
    throw new ImportError('unsupported_format', '这是旧版 Word/Excel（.doc/.xls）文件，请另存为 .docx 或 .xlsx 后再导入');
  const text = decodeText(buf);
  if (text === null) {
    const named = opts.filename ? `“${opts.filename}”` : '该文件';
    throw new ImportError('unsupported_format', `${named}不是 Word、Excel 或文本文件，无法导入`);
  }
  return parseNoticeText(text, opts);
}
