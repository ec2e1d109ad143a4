import type { AnnualFigures } from './compute-annual-report.ts';
import { SECTION3_LINES } from './report-rows.ts';

/** One cell of a report table as both the Word file and the web page draw it. `head`: a header cell. */
export interface Cell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  left?: boolean;
  head?: boolean;
}

/** Section 二 as the national format prints it: four sub-tables under headings, in one grid of four columns. */
export type Section2Line = { kind: 'heading'; text: string } | { kind: 'header'; cells: string[] } | { kind: 'row'; cells: string[] };

const fmt = (v: number | null, digits = 0) => (v === null ? '' : digits ? v.toFixed(digits) : String(v));

export function section2Lines(f: AnnualFigures): Section2Line[] {
  const s = f.section2;
  return [
    { kind: 'heading', text: '第二十条第（一）项' },
    { kind: 'header', cells: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'] },
    { kind: 'row', cells: ['规章', ...s.normative.规章.map(String)] },
    { kind: 'row', cells: ['行政规范性文件', ...s.normative.行政规范性文件.map(String)] },
    { kind: 'heading', text: '第二十条第（五）项' },
    { kind: 'header', cells: ['信息内容', '本年处理决定数量'] },
    { kind: 'row', cells: ['行政许可', fmt(s.permits)] },
    { kind: 'heading', text: '第二十条第（六）项' },
    { kind: 'header', cells: ['信息内容', '本年处理决定数量'] },
    { kind: 'row', cells: ['行政处罚', fmt(s.penalties)] },
    { kind: 'row', cells: ['行政强制', fmt(s.enforcement)] },
    { kind: 'heading', text: '第二十条第（八）项' },
    { kind: 'header', cells: ['信息内容', '本年收费金额（单位：万元）'] },
    { kind: 'row', cells: ['行政事业性收费', fmt(s.feesWan, 2)] },
  ];
}

export function section4Header() {
  return {
    review: '行政复议',
    litigation: '行政诉讼',
    direct: '未经复议直接起诉',
    afterReview: '复议后起诉',
    results: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  };
}

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

