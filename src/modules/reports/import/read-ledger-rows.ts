import { parse } from 'csv-parse/sync';
import { invalid } from '../../../platform/errors.ts';
import { ImportError } from '../../plans/import/errors.ts';
import { readXlsxTable } from '../../plans/import/read-xlsx-table.ts';

/** A ledger file's size limit: a year's ledger of 100k rows is ~8 MB as CSV, ~5 MB as .xlsx. */
export const LEDGER_MAX_BYTES = 30 * 1024 * 1024;
/** Rows read at most (a district's years of cases are far fewer). */
export const LEDGER_MAX_ROWS = 200_000;

export interface LedgerRow {
  /** The row's number in the file as the office sees it (the header is row 1). */
  line: number;
  cells: Record<string, string>;
}

/**
 * Reads an .xlsx workbook (its first sheet) or a CSV file (UTF-8, or GBK as Excel on Chinese Windows
 * saves it) into rows keyed by the header's names. The header must hold every one of `required`.
 */
export async function readLedgerRows(data: Uint8Array, required: readonly string[]): Promise<LedgerRow[]> {
  if (data.length > LEDGER_MAX_BYTES) throw invalid('file_too_large', `文件过大（${(data.length / 1048576).toFixed(1)} MB），台账文件不能超过 ${LEDGER_MAX_BYTES / 1048576} MB，请分年度导入`);
  if (data.length === 0) throw invalid('file_empty', '文件是空的');
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  let table: string[][];
  if (isZip) {
    try {
      table = (await readXlsxTable(data)).rows;
    } catch (e) {
      if (e instanceof ImportError) throw invalid(e.code, e.message);
      throw e;
    }
  }
  else {
    const text = decodeText(data);
    try {
      table = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 100_000, to_line: LEDGER_MAX_ROWS + 2 }) as string[][];
    } catch (e) {
      throw invalid('csv_malformed', `CSV 文件格式不正确：${(e as Error).message}`);
    }
  }
  const headerAt = table.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt < 0) throw invalid('file_empty', '文件中没有数据');
  const header = table[headerAt].map((c) => c.trim());
  const missing = required.filter((h) => !header.includes(h));
  if (missing.length) throw invalid('header_missing', `表头缺少：${missing.join('、')}（应为 ${required.join(',')}）`);
  const rows: LedgerRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const r = table[i];
    if (!r.some((c) => String(c ?? '').trim())) continue;
    if (rows.length >= LEDGER_MAX_ROWS) throw invalid('too_many_rows', `行数超过 ${LEDGER_MAX_ROWS} 行，请分年度导入`);
    const cells: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h) cells[h] = String(r[c] ?? '').trim();
    });
    rows.push({ line: i + 1, cells });
  }
  return rows;
}

function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}
