/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (193 questions, 150-entry bench bank):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.424;
export const SCORE_WEIGHTS: number[] = [0.674, 3.174, 1.947, 1.547, 1.266, -0.867, -2.523, 1.979, 0, 0];
