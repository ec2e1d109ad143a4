import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { readTextTable } from '../read-text-table.ts';

/**
 * Builds .docx and .xlsx files the way an office produces them (header cell spanning two columns,
 * real vertical merges where the text export shows empty cells), for tests and the benchmark.
 */

export const SEED_PATH = fileURLToPath(new URL('../fixtures/yuzhong-2021-notice.txt', import.meta.url));

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export interface OfficeTable {
  coverLines: string[];
  header: { text: string; span?: number }[];
  rows: string[][];
  /** Columns whose empty cells continue the cell above as a real merge. */
  mergeColumns: number[];
}

/** The seed notice as a table: 工作任务 spans area and sub-task; area, sub-task and lead cells merge. */
export function seedOfficeTable(text = readSeed()): OfficeTable {
  const raw = readTextTable(text);
  const [header, ...rows] = raw.rows;
  const width = Math.max(...rows.map((r) => r.length));
  return {
    coverLines: raw.coverText.split('\n').filter((l) => !/^\[bookmark:/u.test(l)),
    header: header.map((t, i) => (i === 0 ? { text: t, span: 1 + width - header.length } : { text: t })),
    rows,
    mergeColumns: [0, 1, 3],
  };
}

type Merge = 'restart' | 'continue' | null;

/** For each data cell: does it start a vertical merge, continue one, or stand alone? */
function merges(t: OfficeTable): Merge[][] {
  return t.rows.map((row, r) =>
    row.map((cell, c) => {
      if (!t.mergeColumns.includes(c)) return null;
      if (cell === '' && r > 0) return 'continue';
      const next = t.rows[r + 1]?.[c];
      return cell !== '' && next === '' ? 'restart' : null;
    }),
  );
}

function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ text: line }));
}

export async function buildDocx(t: OfficeTable): Promise<Buffer> {
  const m = merges(t);
  const headerRow = new TableRow({
    tableHeader: true,
    children: t.header.map((h) => new TableCell({ children: paragraphs(h.text), columnSpan: h.span })),
  });
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        children: row.map((cell, c) => {
          const merge = m[r][c];
          return new TableCell({
            children: paragraphs(merge === 'continue' ? '' : cell),
            ...(merge === 'restart' ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            ...(merge === 'continue' ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
          });
        }),
      }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          ...t.coverLines.map((l) => new Paragraph({ text: l })),
          new Table({ rows: [headerRow, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A sheet with the caption merged across row 1, the header in row 2 and the data below. */
export async function buildXlsx(t: OfficeTable, title: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  const width = Math.max(...t.rows.map((r) => r.length));
  let top = 1;
  if (title) {
    ws.getCell(1, 1).value = title;
    ws.mergeCells(1, 1, 1, width);
    top = 2;
  }
  let col = 1;
  for (const h of t.header) {
    ws.getCell(top, col).value = h.text;
    if ((h.span ?? 1) > 1) ws.mergeCells(top, col, top, col + (h.span ?? 1) - 1);
    col += h.span ?? 1;
  }
  const m = merges(t);
  t.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const xCell = ws.getCell(top + 1 + r, c + 1);
      if (cell !== '') xCell.value = cell;
      xCell.alignment = { wrapText: true, vertical: 'top' };
      if (m[r][c] === 'restart') {
        let end = r + 1;
        while (m[end]?.[c] === 'continue') end++;
        ws.mergeCells(top + 1 + r, c + 1, top + end, c + 1);
      }
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
