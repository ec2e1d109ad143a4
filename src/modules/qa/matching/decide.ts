import type { MatchCandidate, MatchDecision, MatchThresholds } from './types.js';

export interface Decision {
  decision: MatchDecision;
  answerId: string | null;
  score: number;
  /** Best score minus the best score with a different answer (the contract's `margin`, in score units). */
  margin: number;
  /** The margin the decision reads: log-odds over the best plausible rival (below). */
  evidence: number;
}

/** Log-odds of a score, bounded so that 0 and 1 stay finite (±9.2). */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
}

/**
 * How far the best candidate stands above its best rival with a different answer, in log-odds: the
 * difference of their linear evidence before the logistic squashes it. The margin threshold is read
 * on this scale, not on the scores' difference: the logistic flattens near 1, so two strong
 * candidates — a question typed exactly as an entry's (0.9986) and a neighbour sharing most of its
 * words (0.96) — differ by only 0.04 in score however clear the evidence (log-odds 6.6 against 3.2).
 * Read on scores, the surer the engine was, the less it answered.
 */
export function evidenceMargin(score: number, rivalScore: number): number {
  return logit(score) - logit(rivalScore);
}

/**
 * Answer iff the best candidate's score passes `answerScore`, its evidence margin (above) over the
 * best candidate with a different answer and no slot conflict passes `answerMargin` (in a large bank
 * many entries differ only in a place, group or year: 渝中区… against 江北区… score alike, but the one
 * the question contradicts is not a reading of it — were it counted, no such question could be answered), the question's key terms are covered
 * enough, it has no slot conflict and may be answered automatically; suggest (您是否想问) at or above
 * the suggestion score; else register the question.
 *
 * `exactIds`: the entries one of whose texts IS the question, as normalised (punctuation, spaces,
 * full-width and traditional characters aside). When the best candidate is one and no entry with
 * another answer holds the same text, the margin is not asked for: the similarity features cannot tell
 * a text from its one-character neighbour (…按件怎么计算 / …按量怎么计算 both score ≈ 1), but identity
 * can, and a question typed as the library has it is not ambiguous. Every other condition still holds.
 */
export function decide(
  ranked: MatchCandidate[],
  answerKey: (entryId: string) => string,
  autoAnswer: (entryId: string) => boolean,
  t: MatchThresholds,
  exactIds: readonly string[] = [],
): Decision {
  const top = ranked[0];
  if (!top) return { decision: 'register', answerId: null, score: 0, margin: 0, evidence: 0 };
  const key = answerKey(top.entryId);
  const rival = ranked.find((c) => c !== top && answerKey(c.entryId) !== key);
  // The rival the margin is read against: the best other answer the question does not contradict (a
  // candidate with a slot conflict — another place, group, thing — is not what the asker may have meant).
  // When the best candidate is no narrower than the question, a rival that is (it names a group, place
  // or year the question does not: 老年人临时救助… for 临时救助…) is not a reading of it either.
  const broad = !top.extras?.length;
  const plausible = ranked.find((c) => c !== top && answerKey(c.entryId) !== key && !c.conflicts.length && !(broad && c.extras?.length));
  const margin = round(top.score - (rival?.score ?? 0));
  const score = round(top.score);
  const covered = (top.coverage ?? 1) >= (t.answerCoverage ?? 0);
  const exact = exactIds.includes(top.entryId) && exactIds.every((id) => answerKey(id) === key);
  const evidence = round(evidenceMargin(top.score, plausible?.score ?? 0));
  const clear = exact || evidence >= t.answerMargin;
  if (score >= t.answerScore && clear && covered && !top.conflicts.length && autoAnswer(top.entryId)) {
    return { decision: 'answer', answerId: top.entryId, score, margin, evidence };
  }
  return { decision: score >= t.suggestScore ? 'suggest' : 'register', answerId: null, score, margin, evidence };
}

export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
