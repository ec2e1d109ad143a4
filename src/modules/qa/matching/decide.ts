import type { MatchCandidate, MatchDecision, MatchThresholds } from './types.js';

export interface Decision {
  decision: MatchDecision;
  answerId: string | null;
  score: number;
  margin: number;
}

/**
 * Answer iff the best candidate's score and its margin over the best candidate with a different answer
 * pass the thresholds, it has no slot conflict and may be answered automatically; suggest (您是否想问)
 * at or above the suggestion score; else register the question.
 */
export function decide(
  ranked: MatchCandidate[],
  answerKey: (entryId: string) => string,
  autoAnswer: (entryId: string) => boolean,
  t: MatchThresholds,
): Decision {
  const top = ranked[0];
  if (!top) return { decision: 'register', answerId: null, score: 0, margin: 0 };
  const key = answerKey(top.entryId);
  const rival = ranked.find((c) => c !== top && answerKey(c.entryId) !== key);
  const margin = round(top.score - (rival?.score ?? 0));
  const score = round(top.score);
  if (score >= t.answerScore && margin >= t.answerMargin && !top.conflicts.length && autoAnswer(top.entryId)) {
    return { decision: 'answer', answerId: top.entryId, score, margin };
  }
  return { decision: score >= t.suggestScore ? 'suggest' : 'register', answerId: null, score, margin };
}

export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
