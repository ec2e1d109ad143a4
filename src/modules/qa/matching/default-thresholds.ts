import type { MatchThresholds } from './types.js';

/**
 * Default decision thresholds, written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank with and without its variants):
 * the answer score, margin (log-odds: decide.ts evidenceMargin) and key-term coverage answering the most dev in-bank questions with answered precision ≥ 0.98
 * and ≤ 2% of dev out-of-bank and near-miss questions answered (dev: coverage 0.447,
 * precision 0.993, false answers 0.018); the suggestion score below which 5% of
 * the dev questions whose entry is in the top 3 fall. Do not edit by hand; rerun the calibration.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = {
  answerScore: 0.88,
  answerMargin: 1.7,
  suggestScore: 0.41,
  answerCoverage: 0.25,
};
