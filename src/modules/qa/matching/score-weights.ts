/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (193 questions, 150-entry bench bank):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.972;
export const SCORE_WEIGHTS: number[] = [0.876, 3.457, 1.87, 1.696, 1.353, -0.827, -2.452, 2.263, 0, 0];
