/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Hand-set starting weights; bench/qa/calibrate.ts fits a logistic regression on the
 * development split and rewrites this file.
 */
export const SCORE_BIAS = -6;
export const SCORE_WEIGHTS: number[] = [4, 3, 1, 2.5, 1.5, -1, -2.4, 1];
