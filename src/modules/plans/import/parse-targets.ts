import { itemNumberLength } from './numbering.ts';
import type { NumericTarget } from './types.ts';

/**
 * Numeric targets a measure sets: `不少于4次`, `每年至少开展1次`, `分值权重不低于4%`. The period
 * (每年 …) may sit earlier in the sentence (`全区每年通过新闻发布形式开展政策解读不少于4次，其中…不少于2次`:
 * both are per year), so it is looked up in the whole sentence.
 */

const PERIODS = { 年: 'year', 半年: 'halfyear', 季度: 'quarter', 季: 'quarter', 月: 'month', 周: 'week' } as const;
type PeriodWord = keyof typeof PERIODS;

const VERB = '(?:开展|举办|组织|召开|发布|更新|报送|公开|达到|为)?';
const UNIT = '(人次|%|％|次|个|篇|条|场|期|家|项|天|小时|名|人)';
const TARGET = new RegExp(
  `(?:每(半年|年|季度|季|月|周))?(?:(不少于|不低于|不得少于|不得低于|不小于|至少)|(不超过|不多于|不高于|不得超过|最多))${VERB}\\s*(\\d+(?:\\.\\d+)?)\\s*${UNIT}` +
    `|(\\d+(?:\\.\\d+)?)${UNIT}(?:及)?以上`,
  'gu',
);

function around(text: string, start: number, end: number, stops: RegExp): string {
  let s = start;
  while (s > 0 && !stops.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !stops.test(text[e])) e++;
  return text.slice(s, e);
}

const withoutNumber = (s: string) => s.slice(itemNumberLength(s));

export function parseTargets(text: string): NumericTarget[] {
  const out: NumericTarget[] = [];
  TARGET.lastIndex = 0;
  for (let m = TARGET.exec(text); m !== null; m = TARGET.exec(text)) {
    const end = m.index + m[0].length;
    const sentence = around(text, m.index, end, /[。；;\n]/u);
    const periodWord = (m[1] ?? /每(半年|年|季度|季|月|周)/u.exec(sentence)?.[1]) as PeriodWord | undefined;
    const isMax = m[3] !== undefined;
    const value = Number(m[4] ?? m[6]);
    const unit = (m[5] ?? m[7]).replace('％', '%');
    const target: NumericTarget = {
      text: m[0],
      ...(isMax ? { max: value } : { min: value }),
      unit,
      context: withoutNumber(around(text, m.index, end, /[，,。；;\n]/u)),
    };
    if (periodWord) target.period = PERIODS[periodWord];
    out.push(target);
  }
  return out;
}
