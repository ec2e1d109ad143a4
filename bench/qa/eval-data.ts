import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTsv, readBankRows } from '../../src/modules/qa/matching/read-bank.js';
import type { MatchEntry, MatchResult } from '../../src/modules/qa/matching/types.js';

/** The bench bank and labelled questions (bench/qa/data), shared by evaluate, calibrate and scale. */
export interface EvalItem {
  /**
   * heldout: bench/qa/data/heldout.tsv, written later by another author from the entries' meaning (never tuned on).
   * dev2: bench/qa/data/eval2.tsv, questions on the second bank (bank2.tsv), development only.
   */
  split: 'dev' | 'test' | 'heldout' | 'dev2';
  kind: 'paraphrase' | 'colloquial' | 'typo' | 'oob' | 'nearmiss';
  question: string;
  expected: string | null;
}

const dir = fileURLToPath(new URL('./data/', import.meta.url));

/** The bench bank (bank.tsv), or with 'bank2.tsv' the second bank. */
export function loadBank(file = 'bank.tsv'): MatchEntry[] {
  return readBankRows(parseTsv(readFileSync(dir + file, 'utf8')));
}

/**
 * The second development bank and its questions (bank2.tsv, eval2.tsv): 350 entries written by two
 * other authors in the shape of a real district bank — most entries without similar questions, answers
 * of 80–500 characters, clusters of near neighbours — with a paraphrase and a colloquial question per
 * entry, out-of-bank and near-miss questions. Development data: the calibration fits on it too.
 */
export function loadSecondBench(): { bank: MatchEntry[]; items: EvalItem[] } {
  return { bank: loadBank('bank2.tsv'), items: loadEval('eval2.tsv') };
}

/** The labelled set: eval.tsv (dev and test), and with `heldout` also heldout.tsv. */
export function loadEval(file = 'eval.tsv'): EvalItem[] {
  const [, ...rows] = parseTsv(readFileSync(dir + file, 'utf8'));
  return rows.map(([split, kind, question, expected]) => ({
    split: split as EvalItem['split'],
    kind: kind as EvalItem['kind'],
    question,
    expected: expected?.trim() || null,
  }));
}

/** Everyday questions outside any policy bank (offtopic.tsv, one column `question`), written for the bench. */
export function loadOffTopic(): string[] {
  const [, ...rows] = parseTsv(readFileSync(dir + 'offtopic.tsv', 'utf8'));
  return rows.map(([q]) => q).filter(Boolean);
}

export interface Scored {
  item: EvalItem;
  result: MatchResult;
}

/** Metrics of one group of scored items at the thresholds the results were decided with. */
export function metrics(rows: Scored[]) {
  const inBank = rows.filter((r) => r.item.expected);
  const outBank = rows.filter((r) => !r.item.expected);
  const rank = (r: Scored) => r.result.ranked.findIndex((c) => c.entryId === r.item.expected);
  const top1 = inBank.filter((r) => rank(r) === 0).length;
  const mrr = inBank.reduce((s, r) => s + (rank(r) >= 0 && rank(r) < 10 ? 1 / (rank(r) + 1) : 0), 0);
  const answered = inBank.filter((r) => r.result.decision === 'answer');
  const correct = answered.filter((r) => r.result.answerId === r.item.expected).length;
  const falseOut = outBank.filter((r) => r.result.decision === 'answer').length;
  const suggestedOut = outBank.filter((r) => r.result.decision === 'suggest').length;
  const suggested = inBank.filter((r) => r.result.decision === 'suggest' && rank(r) >= 0 && rank(r) < 3).length;
  return {
    n: rows.length,
    top1: inBank.length ? top1 / inBank.length : NaN,
    mrr10: inBank.length ? mrr / inBank.length : NaN,
    answeredPrecision: answered.length ? correct / answered.length : NaN,
    coverage: inBank.length ? answered.length / inBank.length : NaN,
    suggestedInTop3: inBank.length ? suggested / inBank.length : NaN,
    falseAnswerRate: outBank.length ? falseOut / outBank.length : NaN,
    /** Out-of-bank and near-miss questions shown 您是否想问 candidates (none of them is the answer). */
    suggestedOut: outBank.length ? suggestedOut / outBank.length : NaN,
    wrongAnswers: answered.length - correct,
  };
}

export function fmt(x: number): string {
  return Number.isNaN(x) ? '   –  ' : x.toFixed(3).padStart(6);
}
