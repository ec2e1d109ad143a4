import type { AnnualFigures } from './compute-annual-report.ts';
import type { ReportTexts } from './load-report-texts.ts';
import { section2Rows, section3Rows, section4Rows, type Cell } from './report-layout.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isFigure = (s: string) => s === '' || /^\d+(\.\d+)?$/.test(s);

/**
 * One report table as accessible HTML: a caption, header rows in <thead> with column headers, row
 * labels as row headers, merged cells as in the national layout. The catalog's sanitiser keeps it.
 */
function table(caption: string, rows: Cell[][], headerRows: number): string {
  const cell = (c: Cell, inHead: boolean) => {
    const span = `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
    if (inHead) return `<th scope="${c.colSpan && c.colSpan > 1 ? 'colgroup' : 'col'}"${span}>${esc(c.text)}</th>`;
    if (c.bold) return `<th scope="colgroup"${span}>${esc(c.text)}</th>`;
    if (!isFigure(c.text)) return `<th scope="${c.rowSpan && c.rowSpan > 1 ? 'rowgroup' : 'row'}"${span}>${esc(c.text)}</th>`;
    return `<td${span}>${esc(c.text)}</td>`;
  };
  const head = rows.slice(0, headerRows).map((r) => `<tr>${r.map((c) => cell(c, true)).join('')}</tr>`).join('');
  const body = rows.slice(headerRows).map((r) => `<tr>${r.map((c) => cell(c, false)).join('')}</tr>`).join('');
  return `<table><caption>${esc(caption)}</caption>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

const paragraphs = (s: string | undefined, fallback: string) =>
  (s?.trim() ? s : fallback)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l.trim())}</p>`)
    .join('');

/** The report as the web page (the catalog document's body) shows it. */
export function annualReportHtml(f: AnnualFigures, texts: ReportTexts, note?: string | null): string {
  return [
    note ? `<p><strong>更正说明：</strong>${esc(note)}</p>` : '',
    '<h2>一、总体情况</h2>',
    paragraphs(texts.overview, '（无）'),
    '<h2>二、主动公开政府信息情况</h2>',
    table('主动公开政府信息情况', section2Rows(f), 0),
    '<h2>三、收到和处理政府信息公开申请情况</h2>',
    table('收到和处理政府信息公开申请情况', section3Rows(f), 3),
    '<h2>四、政府信息公开行政复议、行政诉讼情况</h2>',
    table('政府信息公开行政复议、行政诉讼情况', section4Rows(f), 3),
    '<h2>五、存在的主要问题及改进情况</h2>',
    paragraphs(texts.problems, '（无）'),
    '<h2>六、其他需要报告的事项</h2>',
    paragraphs(texts.other, '无。'),
  ].join('\n');
}
