/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.142;
export const SCORE_WEIGHTS: number[] = [0.519, 1.033, 2.866, 0.668, 2.764, -0.869, 0, 0, 0, 0, -1.177, 0.072, 2.136, 3.571, -0.371, -1.039, -1.228, -0.732];
