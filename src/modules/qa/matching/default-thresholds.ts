import type { MatchThresholds } from './types.js';

/**
 * Default decision thresholds, written by bench/qa/calibrate.ts on the dev split (193 questions, 150-entry bench bank):
 * the answer score, margin and key-term coverage answering the most dev in-bank questions with answered precision ≥ 0.98
 * and ≤ 2% of dev out-of-bank and near-miss questions answered (dev: coverage 0.560,
 * precision 1.000, false answers 0.010); the suggestion score below which 5% of
 * the dev questions whose entry is in the top 3 fall. Do not edit by hand; rerun the calibration.
 *
 * The margin is now read in log-odds (decide.ts `evidenceMargin`). The calibrated score margin 0.04 at
 * the chosen answer score 0.91 was converted, not refitted: logit(0.91) − logit(0.91 − 0.04) = 0.41
 * (the same decision at the threshold score; above it the score margin no longer shrinks to nothing).
 * The bench's labelled set (bench/qa/data) was never committed (`.gitignore` had `data/`) and is
 * lost; rerun calibrate.ts when a labelled set is back.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = {
  answerScore: 0.91,
  answerMargin: 0.41,
  suggestScore: 0.41,
  answerCoverage: 0.25,
};
