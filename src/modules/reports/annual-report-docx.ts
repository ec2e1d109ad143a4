import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { AnnualFigures } from './compute-annual-report.ts';
import type { ReportTexts } from './load-report-texts.ts';
import { SECTION3_LINES } from './report-rows.ts';
import { section2Lines, section4Header } from './report-layout.ts';

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

interface Cell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  left?: boolean;
}

function cell(c: Cell) {
  return new TableCell({
    borders,
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: c.text.split('\n').map((line) => new Paragraph({ alignment: c.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text: line, ...CELL, bold: c.bold })] })),
  });
}

function table(rows: Cell[][]) {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r) => new TableRow({ cantSplit: true, children: r.map(cell) })) });
}

function para(text: string, run = BODY, indent = true) {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: indent ? { firstLine: 640 } : undefined, spacing: { line: 560 }, children: [new TextRun({ text, ...run })] });
}

const n = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '' : digits ? v.toFixed(digits) : String(v));

export function section3Rows(f: AnnualFigures): Cell[][] {
  const rows: Cell[][] = [
    [{ text: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', colSpan: 3, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
    [{ text: '商业企业' }, { text: '科研机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
  ];
  const figures = (key: string) => (f.section3.rows[key as keyof typeof f.section3.rows] ?? []).map((v) => ({ text: String(v) }));
  const resultLines = SECTION3_LINES.filter((l) => l.level > 0);
  const groups = new Map<string, number>();
  let head = '';
  for (const l of resultLines) {
    if (l.level === 1 && !l.key) head = l.label;
    else if (l.level === 2) groups.set(head, (groups.get(head) ?? 0) + 1);
    else head = '';
  }
  const resultRowCount = resultLines.filter((l) => l.key).length;
  let first = true;
  let openGroup = '';
  for (const l of SECTION3_LINES) {
    if (l.level === 0 && l.key) {
      rows.push([{ text: l.label, colSpan: 3, left: true }, ...figures(l.key)]);
      continue;
    }
    if (l.level === 0) continue; // 三、本年度办理结果 is the first cell of its first result row
    const lead: Cell[] = first ? [{ text: '三、本年度办理结果', rowSpan: resultRowCount }] : [];
    if (l.level === 1 && !l.key) {
      openGroup = l.label;
      continue;
    }
    if (l.level === 1) {
      openGroup = '';
      rows.push([...lead, { text: l.label, colSpan: 2, left: true }, ...figures(l.key!)]);
    } else {
      const groupCell: Cell[] = openGroup ? [{ text: openGroup, rowSpan: groups.get(openGroup) }] : [];
      openGroup = '';
      rows.push([...lead, ...groupCell, { text: l.label, left: true }, ...figures(l.key!)]);
    }
    first = false;
  }
  return rows;
}

export function section2Rows(f: AnnualFigures): Cell[][] {
  return section2Lines(f).map((line) =>
    line.kind === 'heading' ? [{ text: line.text, colSpan: 4, bold: true }] : line.kind === 'header' ? line.cells.map((text, i) => ({ text, colSpan: i === line.cells.length - 1 ? 4 - (line.cells.length - 1) : 1 })) : line.cells.map((text, i) => ({ text, colSpan: i === line.cells.length - 1 ? 4 - (line.cells.length - 1) : 1 })),
  );
}

export function section4Rows(f: AnnualFigures): Cell[][] {
  const h = section4Header();
  return [
    [{ text: h.review, colSpan: 5 }, { text: h.litigation, colSpan: 10 }],
    [...h.results.map((t) => ({ text: t, rowSpan: 2 })), { text: h.direct, colSpan: 5 }, { text: h.afterReview, colSpan: 5 }],
    [...h.results, ...h.results].map((t) => ({ text: t })),
    [...f.section4.review, ...f.section4.litigationDirect, ...f.section4.litigationAfterReview].map((v) => ({ text: String(v) })),
  ];
}

export async function annualReportDocx(f: AnnualFigures, texts: ReportTexts): Promise<Buffer> {
  const title = `${f.agency}${f.year}年政府信息公开工作年度报告`;
  const paras = (s: string | undefined, fallback: string) => (s?.trim() ? s : fallback).split('\n').filter((l) => l.trim()).map((l) => para(l.trim()));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 700 }, children: [new TextRun({ text: title, ...TITLE })] }),
    para('一、总体情况', HEAD),
    ...paras(texts.overview, '（待填写）'),
    para('二、主动公开政府信息情况', HEAD),
    table(section2Rows(f)),
    new Paragraph({ children: [] }),
    para('三、收到和处理政府信息公开申请情况', HEAD),
    table(section3Rows(f)),
    new Paragraph({ children: [] }),
    para('四、政府信息公开行政复议、行政诉讼情况', HEAD),
    table(section4Rows(f)),
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

export { n as formatFigure };
