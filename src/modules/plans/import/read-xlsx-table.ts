import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { OfficeFileError, type SafeZip } from '../../../platform/office/safe-zip.ts';
import { ImportError, checkSize } from './errors.ts';
import { isOleCompound, openPackage } from './open-zip.ts';
import { findHeaderRow } from './recognise-columns.ts';
import type { RawTable } from './types.ts';

/**
 * Reads the task-division sheet of an Excel file. A merged range keeps its text in its top-left
 * cell and leaves the rest empty, as Word's text export does, so the one interpreter treats both
 * alike. Rows keep their sheet numbers (title rows above the header stay in), so warnings name
 * the row the office worker sees.
 */

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return text((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return text(value.text as ExcelJS.CellValue);
  }
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return text(cell.value)
    .replace(/\r\n?/gu, '\n')
    .replace(/\u00a0/gu, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** Cells walked per sheet: a single cell written at XFD1048576 would otherwise mean 17 billion. */
const MAX_SHEET_CELLS = 2_000_000;

function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  if (ws.rowCount * ws.columnCount > MAX_SHEET_CELLS)
    throw new OfficeFileError('file_too_complex', `工作表“${ws.name}”的范围过大（${ws.rowCount} 行 × ${ws.columnCount} 列），请删除多余的行列后再导入`);
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  }
  // Formatting often reaches far past the data: drop columns that hold nothing.
  let width = 0;
  for (const r of rows) for (let c = r.length - 1; c >= width; c--) if (r[c]) width = c + 1;
  return rows.map((r) => r.slice(0, width));
}

/**
 * ExcelJS unzips the workbook itself and would believe its headers. It gets instead a copy holding
 * exactly the entries the safe reader inflated, stored uncompressed: their real size is proven within
 * the limits, and no entry can read differently in the two readers.
 */
async function repack(zip: SafeZip): Promise<Buffer> {
  const copy = new JSZip();
  for (const [name, data] of zip.readAll()) if (!name.endsWith('/')) copy.file(name, data);
  return copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

export async function readXlsxTable(buf: Uint8Array): Promise<RawTable> {
  checkSize(buf.length);
  if (isOleCompound(buf))
    throw new ImportError('not_xlsx', '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入');
  const pkg = openPackage(buf);
  if (!pkg || pkg.kind !== 'xlsx')
    throw new ImportError(
      'not_xlsx',
      pkg?.kind === 'docx' ? '这是 Word 文件，不是 Excel 文件，请按 Word 导入' : '文件不是有效的 Excel（.xlsx）工作簿',
    );
  const workbook = new ExcelJS.Workbook();
  let proven: Buffer;
  try {
    proven = await repack(pkg.zip);
  } catch (err) {
    if (err instanceof OfficeFileError && err.code === 'broken_zip') throw new ImportError('not_xlsx', 'Excel 工作簿内容已损坏，无法读取');
    throw err;
  }
  try {
    await workbook.xlsx.load(proven as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportError('not_xlsx', 'Excel 工作簿内容已损坏，无法读取');
  }
  const sheets = workbook.worksheets
    .filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
    .map((ws) => sheetRows(ws))
    .filter((rows) => rows.some((r) => r.some((c) => c)));
  if (sheets.length === 0) throw new ImportError('empty_sheet', 'Excel 工作表为空，没有可导入的任务分工');
  const rows = sheets.find((s) => findHeaderRow(s) >= 0) ?? sheets[0];
  return { rows, coverText: '' };
}
