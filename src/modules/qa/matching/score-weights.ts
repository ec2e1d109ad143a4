/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank with and without its variants):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.011;
export const SCORE_WEIGHTS: number[] = [0.41, 2.091, 2.651, 1.714, 1.639, -0.975, -1.167, 2.458, 0, 0];
