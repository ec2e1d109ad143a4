import type { Analysed } from './analyse.js';
import type { Slots } from './slots.js';

/**
 * Matching features of a question against one candidate text (question or variant) of an entry, all in
 * [0, 1] (flags 0/1). Word weights are IDF over the bank's texts, so the asker's key terms count most.
 */
export const FEATURE_NAMES = [
  'covQ', // share of the question's word weight found in the candidate text
  'covV', // share of the candidate text's word weight found in the question
  'covQA', // share of the question's word weight found in the candidate text or its answer
  'dice', // character-bigram Dice coefficient
  'edit', // 1 − edit distance / longer length
  'qtype', // 1 when both ask for a kind of answer (材料, 条件, 时限 …) and the kinds differ
  'conflicts', // slot values the entry's questions contradict (slot-conflicts.ts), and `term` conflicts (create-matcher.ts), 0, 0.5 (one) or 1 (two or more)
  'fused', // retrieval: reciprocal-rank fusion of the two BM25 lists, scaled to [0, 1]
  'qtypeMatch', // 1 when both ask for a kind of answer and share it
  'unknown', // share of the question's word weight in words the bank never uses (out-of-bank sign)
  'nounMiss', // share of the question's noun weight (what it is about, generic nouns out) in neither the candidate text nor its answer
  'bm25Words', // the entry's best word BM25 score over the best hit's (retrieval), 0 when not retrieved that way
  'bm25Bigrams', // the same for character bigrams
  'bm25Answer', // the same for the answers' words
  'lacking', // nouns of the question the entry's texts and answer lack (create-matcher.ts), 0, 0.5 or 1
  'extras', // slot values the entry's questions name and the question does not (slotExtras: it is narrower), 0, 0.5 or 1
  'absent', // slot values of the question the entry neither names nor contradicts (slot-conflicts.ts), 0, 0.5 or 1
  'action', // 1 when both name a procedure (补办, 变更, 注销, 转移 … slots.ts ACTIONS) and the procedures differ
] as const;
export type FeatureVector = number[];

/** A candidate text as stored: distinct words and bigrams (interned by the index), compact form. */
export interface CandidateText {
  compact: string;
  words: string[];
  bigrams: string[];
}

const MAX_EDIT = 64;

/** 1 when both name values of a slot (kinds of answer, procedures) and share none. */
const differ = (a: string[] | undefined, b: string[] | undefined) => (a && b && !a.some((t) => b.includes(t)) ? 1 : 0);

/** A count as a feature: none 0, one 0.5, two or more 1. */
const half = (n: number) => (n >= 2 ? 1 : n / 2);

export function editSimilarity(a: string, b: string): number {
  a = a.slice(0, MAX_EDIT);
  b = b.slice(0, MAX_EDIT);
  if (!a.length && !b.length) return 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[b.length] / Math.max(a.length, b.length);
}

export interface QuestionView {
  analysed: Analysed;
  /** Distinct words → IDF weight. */
  weight: Map<string, number>;
  total: number;
  bigramSet: Set<string>;
  /** Share of the word weight in words absent from the bank. */
  unknown: number;
}

export function features(
  q: QuestionView,
  cand: CandidateText,
  answerWords: Set<string>,
  idf: (w: string) => number,
  titleSlots: Slots,
  counts: { conflicts: number; absent: number; lacking: number; extras: number },
  fused: number,
  bm25: number[],
): FeatureVector {
  let inV = 0;
  let vTotal = 0;
  const matched = new Set<string>();
  for (const w of cand.words) {
    const x = idf(w);
    vTotal += x;
    const qw = q.weight.get(w);
    if (qw !== undefined) {
      inV += qw;
      matched.add(w);
    }
  }
  let inVA = inV;
  for (const [w, x] of q.weight) if (!matched.has(w) && answerWords.has(w)) inVA += x;
  let vInQ = 0;
  for (const w of matched) vInQ += idf(w);
  let common = 0;
  for (const g of cand.bigrams) if (q.bigramSet.has(g)) common++;
  const dice = q.bigramSet.size + cand.bigrams.length ? (2 * common) / (q.bigramSet.size + cand.bigrams.length) : 0;
  const qt = q.analysed.slots.qtype;
  const ct = titleSlots.qtype;
  const qtypeMismatch = differ(qt, ct);
  const qtypeMatch = qt && ct && qt.some((t) => ct.includes(t)) ? 1 : 0;
  const actionMismatch = differ(q.analysed.slots.action, titleSlots.action);
  let nounTotal = 0;
  let nounMiss = 0;
  for (const n of q.analysed.nouns) {
    const x = idf(n);
    nounTotal += x;
    if (!answerWords.has(n) && !cand.words.includes(n)) nounMiss += x;
  }
  return [
    q.total ? inV / q.total : 0,
    vTotal ? vInQ / vTotal : 0,
    q.total ? inVA / q.total : 0,
    dice,
    editSimilarity(q.analysed.compact, cand.compact),
    qtypeMismatch,
    half(counts.conflicts),
    fused,
    qtypeMatch,
    q.unknown,
    nounTotal ? nounMiss / nounTotal : 0,
    ...bm25,
    half(counts.lacking),
    half(counts.extras),
    half(counts.absent),
    actionMismatch,
  ];
}
