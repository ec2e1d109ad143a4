import { APPLICANT_KINDS, OUTCOMES, type OutcomeCode } from '../requests/outcomes.ts';

/**
 * The national format's tables (国办公开办函〔2021〕30号; shared/domain/ogi-rules.md §4), as data: the
 * computation, the page, the Word file and the JSON of `gongkai report annual` all read these.
 */
export const SECTION3_COLUMNS = [...APPLICANT_KINDS, '总计'] as const;
export const SECTION3_KEYS = ['new', 'carried', ...OUTCOMES.map((o) => o.code), 'total', 'forward'] as const;
export type Section3Key = (typeof SECTION3_KEYS)[number];

/** One row of section 三 as printed: its label, its indent level, and the key of its figures (none for a heading). */
export interface Section3Line {
  label: string;
  key: Section3Key | null;
  level: 0 | 1 | 2;
}

const groupHeads: Record<string, string> = {
  '（三）不予公开': '（三）不予公开',
  '（四）无法提供': '（四）无法提供',
  '（五）不予处理': '（五）不予处理',
  '（六）其他处理': '（六）其他处理',
};

export const SECTION3_LINES: Section3Line[] = (() => {
  const lines: Section3Line[] = [
    { label: '一、本年新收政府信息公开申请数量', key: 'new', level: 0 },
    { label: '二、上年结转政府信息公开申请数量', key: 'carried', level: 0 },
    { label: '三、本年度办理结果', key: null, level: 0 },
  ];
  let group = '';
  for (const o of OUTCOMES) {
    if (o.group === '（一）' || o.group === '（二）') {
      lines.push({ label: `${o.group}${o.label}${o.code === '2' ? '（区分处理的，只计这一情形，不计其他情形）' : ''}`, key: o.code, level: 1 });
      continue;
    }
    if (o.group !== group) {
      group = o.group;
      lines.push({ label: groupHeads[o.group], key: null, level: 1 });
    }
    const n = o.code.split('.')[1];
    lines.push({ label: `${n}.${o.label}`, key: o.code as OutcomeCode, level: 2 });
  }
  lines.push({ label: '（七）总计', key: 'total', level: 1 });
  lines.push({ label: '四、结转下年度继续办理', key: 'forward', level: 0 });
  return lines;
})();

export const SECTION4_COLUMNS = ['维持', '纠正', '其他', '尚未审结', '总计'] as const;
export const SECTION4_ROWS = [
  { key: 'review', kind: '行政复议', label: '行政复议' },
  { key: 'litigationDirect', kind: '直接起诉', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigationAfterReview', kind: '复议后起诉', label: '行政诉讼（复议后起诉）' },
] as const;
export type Section4Key = (typeof SECTION4_ROWS)[number]['key'];
