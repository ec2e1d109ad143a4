import { OUTCOMES, type OutcomeCode } from '../../requests/outcomes.ts';

const byText = new Map<string, OutcomeCode>();
for (const o of OUTCOMES) {
  byText.set(o.code, o.code);
  byText.set(o.label, o.code);
  byText.set(`${o.group}${o.label}`, o.code);
  const n = o.code.split('.')[1];
  if (n) byText.set(`${n}.${o.label}`, o.code);
}
byText.set('部分公开（区分处理的，只计这一情形，不计其他情形）', '2');

/** A 办理结果 cell: the row code of report section 三 (`1`, `3.2`, `6.1` …) or that row's text. */
export function resolveOutcome(cell: string): OutcomeCode | null {
  const s = cell.replace(/\s+/gu, '').replace(/[“”"]/gu, (q) => (q === '"' ? '“' : q));
  return byText.get(s) ?? byText.get(s.replace(/^（[一二三四五六]）/u, '')) ?? byText.get(s.replace(/^\d+[.．、]/u, '')) ?? null;
}
