import type { MatchThresholds } from './types.js';

/**
 * Default decision thresholds. Hand-set starting values; bench/qa/calibrate.ts chooses them on the
 * development split of bench/qa/data/eval.tsv and rewrites this file.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = {
  answerScore: 0.8,
  answerMargin: 0.15,
  suggestScore: 0.35,
};
