import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTsv, readBankRows } from '../../src/modules/qa/matching/read-bank.js';
import type { MatchEntry, MatchResult } from '../../src/modules/qa/matching/types.js';

/** The bench bank and labelled questions (bench/qa/data), shared by evaluate, calibrate and scale. */
export interface EvalItem {
  /** heldout: bench/qa/data/heldout.tsv, written later by another author from the entries' meaning (never tuned on). */
  split: 'dev' | 'test' | 'heldout';
  kind: 'paraphrase' | 'colloquial' | 'typo' | 'oob' | 'nearmiss';
  question: string;
  expected: string | null;
}

const dir = fileURLToPath(new URL('./data/', import.meta.url));

export function loadBank(): MatchEntry[] {
  return readBankRows(parseTsv(readFileSync(dir + 'bank.tsv', 'utf8')));
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
  const suggested = inBank.filter((r) => r.result.decision === 'suggest' && rank(r) >= 0 && rank(r) < 3).length;
  return {
    n: rows.length,
    top1: inBank.length ? top1 / inBank.length : NaN,
    mrr10: inBank.length ? mrr / inBank.length : NaN,
    answeredPrecision: answered.length ? correct / answered.length : NaN,
    coverage: inBank.length ? answered.length / inBank.length : NaN,
    suggestedInTop3: inBank.length ? suggested / inBank.length : NaN,
    falseAnswerRate: outBank.length ? falseOut / outBank.length : NaN,
    wrongAnswers: answered.length - correct,
  };
}

export function fmt(x: number): string {
  return Number.isNaN(x) ? '   –  ' : x.toFixed(3).padStart(6);
}
