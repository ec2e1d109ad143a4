/**
 * Exact and near-exact questions against the demo library (src/seed/qa-demo-entries.ts, 60+ entries
 * with variants): every standard question and every variant asked verbatim, and again with only
 * punctuation, whitespace, full-width or traditional-script differences, must be answered at once by
 * its own entry. As a guard against answering too much: every one of them asked of the library WITHOUT
 * its entry (ablated: any automatic answer is a false answer), and with another district or an old
 * year put in front (near-miss: a place or year the entry does not cover).
 * Run: npx tsx bench/qa/verbatim.ts [--verbose]
 */
import * as OpenCC from 'opencc-js/cn2t';
import { createMatcher } from '../../src/modules/qa/matching/create-matcher.ts';
import { DEFAULT_SYNONYMS } from '../../src/modules/qa/matching/default-synonyms.ts';
import type { MatchEntry } from '../../src/modules/qa/matching/types.ts';
import { DEMO_QA, DEMO_SYNONYMS } from '../../src/seed/qa-demo-entries.ts';

const verbose = process.argv.includes('--verbose');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const bank: MatchEntry[] = DEMO_QA.map((e, i) => ({ id: `D${i + 1}`, question: e.q, variants: e.v, answer: e.a, autoAnswer: true }));
const synonyms = [...DEFAULT_SYNONYMS, ...DEMO_SYNONYMS];
const full = createMatcher(bank, { synonyms, homePlaces: ['渝中区', '重庆市'] });

const texts = bank.flatMap((e) => [e.question, ...e.variants].map((text) => ({ id: e.id, text })));
const forms: [string, (s: string) => string][] = [
  ['verbatim', (s) => s],
  ['punctuation', (s) => `${s.replace(/[？?。！!]$/u, '')}？`],
  ['spaces', (s) => ` ${s.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, '$1 ')} `],
  ['full-width', (s) => `${s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}！！`],
  ['traditional', (s) => toTraditional(s)],
];

function report(label: string, rows: { ok: boolean; line: string }[]) {
  const ok = rows.filter((r) => r.ok).length;
  console.log(`${label.padEnd(34)} n=${String(rows.length).padStart(4)}  ${(ok / rows.length).toFixed(3)}`);
  if (verbose) for (const r of rows.filter((x) => !x.ok).slice(0, 40)) console.log(`    ${r.line}`);
}

for (const [name, form] of forms) {
  const rows = texts.map(({ id, text }) => {
    const r = full.match(form(text));
    return { ok: r.decision === 'answer' && r.answerId === id, line: `${id} ${form(text)} → ${r.decision} ${r.ranked[0]?.entryId} score ${r.score} margin ${r.margin} ${r.ranked[0]?.conflicts.map((c) => c.slot).join(',') ?? ''}` };
  });
  report(`answered at once (${name})`, rows);
}

// Ablated: each entry removed in turn, its own texts asked; an automatic answer is a false answer.
const ablated: { ok: boolean; line: string }[] = [];
for (const e of bank) {
  const m = createMatcher(bank.filter((x) => x.id !== e.id), { synonyms, homePlaces: ['渝中区', '重庆市'] });
  for (const text of [e.question, ...e.variants]) {
    const r = m.match(text);
    ablated.push({ ok: r.decision !== 'answer', line: `${e.id} ${text} → answered ${r.answerId} score ${r.score} margin ${r.margin}` });
  }
}
report('not answered without its entry', ablated);

const nearMiss = texts.flatMap(({ id, text }) =>
  ['江北区', '2019年'].map((p) => {
    const r = full.match(p + text);
    return { ok: r.decision !== 'answer', line: `${id} ${p}${text} → answered ${r.answerId} score ${r.score}` };
  }),
);
report('near-miss (江北区 / 2019年) not answered', nearMiss);
