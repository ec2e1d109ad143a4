import { invalid } from '../../platform/errors.ts';
import { OfficeFileError } from '../../platform/office/safe-zip.ts';
import { ImportError } from '../plans/import/errors.ts';
import { isZip } from '../plans/import/open-zip.ts';
import { readXlsxTable } from '../plans/import/read-xlsx-table.ts';

/** One row of a bank file, with the row number the office worker sees (the header is row 1). */
export interface BankRow {
  row: number;
  id: string;
  question: string;
  answer: string;
  variants: string[];
  topic: string | null;
}

export const MAX_BANK_ROWS = 200_000;

/** Header names recognised (lower case); any other column is ignored. */
const COLUMNS: Record<string, keyof Omit<BankRow, 'row'>> = {
  id: 'id', 编号: 'id', 序号: 'id',
  question: 'question', 问题: 'question', 标准问题: 'question',
  answer: 'answer', 答案: 'answer', 答复: 'answer',
  variants: 'variants', variant: 'variants', similar: 'variants', similar_questions: 'variants', paraphrases: 'variants', 相似问法: 'variants', 相似问题: 'variants',
  topic: 'topic', 主题: 'topic', 分类: 'topic',
};

/**
 * Reads a bank from .xlsx (first sheet with data) or TSV (UTF-8, a BOM allowed, fields may be quoted
 * as Excel writes them, so a quoted cell can hold line breaks). Variants are one cell, one per line.
 */
export async function readBankFile(data: Uint8Array): Promise<{ rows: string[][]; kind: 'xlsx' | 'tsv' }> {
  if (data.length === 0) throw invalid('qa_import_empty', '文件为空');
  if (isZip(data)) {
    try {
      return { rows: (await readXlsxTable(data)).rows, kind: 'xlsx' };
    } catch (err) {
      if (err instanceof ImportError || err instanceof OfficeFileError) throw invalid('qa_import_unreadable', err.code === 'empty_sheet' ? 'Excel 工作表为空，没有可导入的问答' : err.message);
      throw err;
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw invalid('qa_import_unreadable', '文件不是 .xlsx 或 UTF-8 编码的 TSV 文本');
  return { rows: parseTsv(text), kind: 'tsv' };
}

/** Tab-separated values; a field starting with a quote runs to the closing quote ("" is a quote). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      // Anything between the closing quote and the next separator belongs to the field.
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      const start = i;
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') i++;
      field = text.slice(start, i);
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    rows.push(row);
    row = [];
    if (rows.length > MAX_BANK_ROWS + 1) throw invalid('qa_import_too_many', `一次最多导入 ${MAX_BANK_ROWS} 条`);
  }
  // Rows keep their line numbers (blank ones are skipped by the reader of the rows, not here).
  return rows;
}

/** The header's columns, or the error naming what is missing. */
export function bankColumns(header: string[]): Partial<Record<keyof Omit<BankRow, 'row'>, number>> {
  const cols: Partial<Record<keyof Omit<BankRow, 'row'>, number>> = {};
  header.forEach((h, i) => {
    const key = COLUMNS[h.trim().toLowerCase()];
    if (key && cols[key] === undefined) cols[key] = i;
  });
  const missing = (['id', 'question', 'answer'] as const).filter((k) => cols[k] === undefined);
  if (missing.length) throw invalid('qa_import_header', `第 1 行应为表头，至少包含 id、question、answer 列（缺少 ${missing.join('、')}）`);
  return cols;
}

/** Splits a variants cell: one per line (a TSV without quotes may write the two characters \n). */
export function splitVariants(cell: string): string[] {
  return cell
    .split(/\r?\n|\\n/u)
    .map((v) => v.trim())
    .filter(Boolean);
}
