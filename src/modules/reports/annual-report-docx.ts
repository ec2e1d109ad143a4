import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { AnnualFigures } from './compute-annual-report.ts';
import type { ReportTexts } from './load-report-texts.ts';
import { section2Rows, section3Rows, section4Rows, type Cell } from './report-layout.ts';

/**
 * The report as a Word file in the national layout (国办公开办函〔2021〕30号): the six sections, the
 * tables of 二, 三 and 四 with the same row labels, merged cells and order as published reports.
 * Opens in WPS and Word (checked by converting to PDF with LibreOffice).
 */
const BODY = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 };
const HEAD = { font: { eastAsia: '黑体', ascii: 'Times New Roman' }, size: 32 };
const TITLE = { font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' }, size: 44 };
const CELL = { font: { eastAsia: '宋体', ascii: 'Times New Roman' }, size: 20 };

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(c: Cell) {
  return new TableCell({
    borders,
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: c.text.split('\n').map((line) => new Paragraph({ alignment: c.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text: line, ...CELL, bold: c.bold })] })),
  });
}

/** The text width of an A4 page with the margins below, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

/** Column widths: the label columns as wide as the national layout makes them, the figures sharing the rest. */
function table(rows: Cell[][], labelWidths: number[], figures: number) {
  const rest = TEXT_WIDTH - labelWidths.reduce((a, b) => a + b, 0);
  const columnWidths = [...labelWidths, ...Array(figures).fill(Math.floor(rest / figures))];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) => new TableRow({ cantSplit: true, children: r.map(cell) })),
  });
}

function para(text: string, run = BODY, indent = true) {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: indent ? { firstLine: 640 } : undefined, spacing: { line: 560 }, children: [new TextRun({ text, ...run })] });
}

export async function annualReportDocx(f: AnnualFigures, texts: ReportTexts): Promise<Buffer> {
  const title = `${f.agency}${f.year}年政府信息公开工作年度报告`;
  const paras = (s: string | undefined, fallback: string) => (s?.trim() ? s : fallback).split('\n').filter((l) => l.trim()).map((l) => para(l.trim()));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 700 }, children: [new TextRun({ text: title, ...TITLE })] }),
    para('一、总体情况', HEAD),
    ...paras(texts.overview, '（待填写）'),
    para('二、主动公开政府信息情况', HEAD),
    table(section2Rows(f), [2600], 3),
    new Paragraph({ children: [] }),
    para('三、收到和处理政府信息公开申请情况', HEAD),
    table(section3Rows(f), [700, 1000, 2300], 7),
    new Paragraph({ children: [] }),
    para('四、政府信息公开行政复议、行政诉讼情况', HEAD),
    table(section4Rows(f), [], 15),
    new Paragraph({ children: [] }),
    para('五、存在的主要问题及改进情况', HEAD),
    ...paras(texts.problems, '（待填写）'),
    para('六、其他需要报告的事项', HEAD),
    ...paras(texts.other, '无。'),
  ];
  const doc = new Document({
    creator: 'Gongkai 政务公开工作平台',
    title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

