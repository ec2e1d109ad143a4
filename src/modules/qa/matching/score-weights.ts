/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.19;
export const SCORE_WEIGHTS: number[] = [0.521, 1.012, 2.873, 0.68, 2.762, -0.877, 0, 0, 0, 0, -1.207, 0.066, 2.167, 3.589, -0.347, -1.015, -0.813, -0.734];
