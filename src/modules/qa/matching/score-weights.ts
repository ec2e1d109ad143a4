/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank with and without its variants):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -3.041;
export const SCORE_WEIGHTS: number[] = [0.371, 2.108, 2.413, 1.471, 1.557, -1.03, -1.008, 2.178, 0, 0, -1.211];
