/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank with and without its variants):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -2.888;
export const SCORE_WEIGHTS: number[] = [0.414, 2.057, 2.346, 1.455, 1.515, -1.05, -1.039, 2.156, 0, 0, -1.338];
