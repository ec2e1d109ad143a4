import { ImportError } from './errors.ts';
import { looksLikeHeader } from './recognise-columns.ts';
import type { RawTable } from './types.ts';

/**
 * Reads a notice given as text. Two shapes occur:
 * - Word's text export (the seed): every cell starts a line with a tab, a cell's further paragraphs
 *   follow without one, and a blank line ends a row. Row ends are not fully reliable (an empty
 *   paragraph inside a cell looks the same), so rows are rebuilt to the table's usual width.
 * - Tab-separated rows (pasted from Excel or WPS), quoted cells holding line breaks.
 */
export function readTextTable(input: string): RawTable {
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').replace(/\u00a0/gu, ' ');
  const lines = text.split('\n');
  // Tab-separated text has its header on one line; Word's export puts each header cell on its own.
  if (lines.some((l) => /[^\t]\t/u.test(l) && looksLikeHeader(l.split('\t')))) return readTabSeparated(text);
  if (lines.some((l) => l.startsWith('\t'))) return readWordExport(lines);
  if (lines.some((l) => /[^\t]\t/u.test(l))) return readTabSeparated(text);
  throw new ImportError('no_table', '文本中未找到表格：请从 Word 中复制整张任务分工表，或直接上传 .docx / .xlsx 文件');
}

function readWordExport(lines: string[]): RawTable {
  const first = lines.findIndex((l) => l.startsWith('\t'));
  const last = lines.findLastIndex((l) => l.startsWith('\t'));
  // The last cell runs to the first blank line after it; text further down is not in the table.
  let end = last + 1;
  while (end < lines.length && lines[end].trim() !== '' && !lines[end].startsWith('\t')) end++;

  const blocks: string[][][] = [];
  let block: string[][] = [];
  let cell: string[] | null = null;
  let blank = false;
  for (const line of lines.slice(first, end)) {
    if (line.startsWith('\t')) {
      if (blank && block.length > 0) {
        blocks.push(block);
        block = [];
      }
      blank = false;
      // Word writes every cell on its own line, empty ones too; a tab further on is inside the cell.
      cell = [line.slice(1).replace(/\t/gu, ' ')];
      block.push(cell);
    } else if (line.trim() === '') {
      blank = true;
    } else if (cell) {
      // A blank line followed by text is an empty paragraph inside the cell, not a new row.
      cell.push(line);
      blank = false;
    }
  }
  if (block.length > 0) blocks.push(block);

  const cellText = (c: string[]) => c.map((p) => p.trim()).join('\n').trim();
  const rows = rebuildRows(blocks.map((b) => b.map(cellText)));
  return { rows, coverText: lines.slice(0, first).join('\n') };
}

/**
 * Rows are blocks of cells; a block shorter than the table's usual width is joined with the next
 * short blocks until it fills a row (a page break or an empty paragraph split it). The header row
 * keeps its own width: 工作任务 spans two columns there.
 */
function rebuildRows(blocks: string[][]): string[][] {
  const counts = new Map<number, number>();
  for (const b of blocks) counts.set(b.length, (counts.get(b.length) ?? 0) + 1);
  const width = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;

  const rows: string[][] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) rows.push(pending);
    pending = [];
  };
  for (const b of blocks) {
    if (looksLikeHeader(b)) {
      flush();
      rows.push(b);
      continue;
    }
    if (pending.length + b.length > width) flush();
    pending = [...pending, ...b];
    if (pending.length >= width) flush();
  }
  flush();
  return rows;
}

function readTabSeparated(text: string): RawTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === '\t') {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  record.push(field);
  records.push(record);

  // Single-cell lines before the first real row are the cover and the caption.
  const firstRow = records.findIndex((r) => r.length > 1);
  const cover = records.slice(0, Math.max(firstRow, 0)).map((r) => r.join(''));
  const cell = (c: string) => c.split('\n').map((p) => p.trim()).join('\n').trim();
  const rows = records.slice(Math.max(firstRow, 0)).map((r) => r.map(cell));
  return { rows, coverText: cover.join('\n') };
}
