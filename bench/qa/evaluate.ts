/**
 * Scores the matching engine on the labelled questions (bench/qa/data/eval.tsv) against the bench bank,
 * and on the second bench (eval2.tsv against bank2.tsv, split dev2),
 * at the default thresholds: top-1, MRR@10, answered precision, coverage (answered automatically),
 * false-answer rate on out-of-bank and near-miss questions, per split and kind.
 * The held-out split (bench/qa/data/heldout.tsv) is printed too: look at it rarely, never tune on it.
 * HOME_PLACES=渝中区,重庆市: the places the server passes as "here" (CITY_NAME, DISTRICT_NAME; library-index.ts setLibraryHome).
 * Run: npx tsx bench/qa/evaluate.ts [--verbose] [--dev] [--no-variants] (--dev: the development split only, for tuning;
 * --no-variants: the bank without its similar questions; --long-answers: each answer padded with four others)
 */
import { createMatcher } from '../../src/modules/qa/matching/create-matcher.js';
import { DEFAULT_THRESHOLDS } from '../../src/modules/qa/matching/default-thresholds.js';
import type { MatchEntry } from '../../src/modules/qa/matching/types.js';
import { fmt, loadBank, loadEval, loadOffTopic, loadSecondBench, metrics, type Scored } from './eval-data.js';

const verbose = process.argv.includes('--verbose');
const noVariants = process.argv.includes('--no-variants');
const devOnly = process.argv.includes('--dev');
// --no-variants: the bank's standard questions and answers only (a real bank may come without similar questions).
const shape = (list: MatchEntry[]) => (noVariants ? list.map((e) => ({ ...e, variants: [] })) : list);
let bank = shape(loadBank());
// --long-answers: each answer followed by the answers of the next four entries (real answers run to
// hundreds of characters and mention much besides their subject; the bench bank's are ~50).
if (process.argv.includes('--long-answers')) {
  bank = bank.map((e, i, all) => ({ ...e, answer: [e, ...[1, 2, 3, 4].map((k) => all[(i + k * 37) % all.length])].map((x) => x.answer).join('') }));
}
const items = devOnly ? loadEval().filter((i) => i.split === 'dev') : [...loadEval(), ...loadEval('heldout.tsv')];
const home = process.env.HOME_PLACES ? { homePlaces: process.env.HOME_PLACES.split(',') } : {};
const matcher = createMatcher(bank, home);
const scored: Scored[] = items.map((item) => ({ item, result: matcher.match(item.question) }));
// The second bank, answered by its own questions (split dev2).
const second = loadSecondBench();
const matcher2 = createMatcher(shape(second.bank), home);
scored.push(...second.items.map((item) => ({ item, result: matcher2.match(item.question) })));

console.log(`bank ${bank.length} entries, ${matcher.size.variants} texts; second bank ${second.bank.length} entries, ${matcher2.size.variants} texts; ${scored.length} labelled questions`);
console.log('thresholds', DEFAULT_THRESHOLDS);
console.log('split   kind        n   top1  mrr10  ansPrec  cover  sugTop3 falseAns sugOut wrong');
for (const split of devOnly ? (['dev', 'dev2'] as const) : (['dev', 'dev2', 'test', 'heldout'] as const)) {
  for (const kind of ['paraphrase', 'colloquial', 'typo', 'in-bank', 'oob', 'nearmiss', 'out-of-bank', 'all'] as const) {
    const rows = scored.filter(
      (s) =>
        s.item.split === split &&
        (kind === 'all' ||
          s.item.kind === kind ||
          (kind === 'in-bank' && !!s.item.expected) ||
          (kind === 'out-of-bank' && !s.item.expected)),
    );
    if (!rows.length) continue;
    const m = metrics(rows);
    console.log(
      `${split.padEnd(7)} ${kind.padEnd(11)} ${String(m.n).padStart(3)} ${fmt(m.top1)} ${fmt(m.mrr10)} ${fmt(m.answeredPrecision)}  ${fmt(m.coverage)} ${fmt(m.suggestedInTop3)}  ${fmt(m.falseAnswerRate)} ${fmt(m.suggestedOut)} ${String(m.wrongAnswers).padStart(4)}`,
    );
  }
}
// Everyday questions no policy bank answers (bench/qa/data/offtopic.tsv: weather, food, repairs, shopping):
// none may be answered; the share shown 您是否想问 candidates says how much noise a citizen sees
// (the portal offers the registration form beside them).
const offTopic = loadOffTopic();
for (const [name, m] of [['bench bank', matcher], ['second bank', matcher2]] as const) {
  const decisions = offTopic.map((q) => m.match(q).decision);
  const share = (d: string) => fmt(decisions.filter((x) => x === d).length / decisions.length);
  console.log(`off-topic (${offTopic.length}) on the ${name}: answered ${share('answer')}, suggested ${share('suggest')}`);
}
if (verbose) {
  // Only the development split is listed: the test split is looked at as figures, never tuned on.
  for (const s of scored.filter((x) => x.item.split === 'dev' || x.item.split === 'dev2')) {
    const top = s.result.ranked[0];
    const ok = s.item.expected ? top?.entryId === s.item.expected : s.result.decision !== 'answer';
    if (ok && !(s.item.expected && s.result.decision !== 'answer')) continue;
    console.log(
      `${ok ? 'MISS-ANS' : 'WRONG   '} ${s.item.split} ${s.item.kind} exp=${s.item.expected ?? '-'} got=${top?.entryId ?? '-'} ${s.result.decision} s=${s.result.score} m=${s.result.margin} ev=${s.result.evidence} cov=${top?.coverage} ${s.item.question} | ${top?.matchedText ?? ''} ${top?.conflicts.map((c) => `${c.slot}:${c.question}`).join(',') ?? ''}`,
    );
  }
}
