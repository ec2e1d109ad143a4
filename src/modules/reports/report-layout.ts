import type { AnnualFigures } from './compute-annual-report.ts';

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
