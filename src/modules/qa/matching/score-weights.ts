/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.229;
export const SCORE_WEIGHTS: number[] = [0.693, 2.903, 2.143, 1.748, 2.194, -0.593, -1.177, 2.07, 0, 0];
