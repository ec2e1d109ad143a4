import type { MatchThresholds } from './types.js';

/**
 * Default decision thresholds, written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * the answer score, margin (log-odds: decide.ts evidenceMargin) and key-term coverage answering the most dev in-bank questions with answered precision ≥ 0.98
 * and ≤ 2% of dev out-of-bank and near-miss questions answered (dev: coverage 0.233,
 * precision 0.987, false answers 0.017); the suggestion score below which 5% of
 * the dev questions whose entry is in the top 3 fall. Do not edit by hand; rerun the calibration.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = {
  answerScore: 0.9895,
  answerMargin: 2.9,
  suggestScore: 0.61,
  answerCoverage: 0.25,
};
