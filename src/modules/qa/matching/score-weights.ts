/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (192 questions, 150-entry bench bank with and without its variants):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -2.884;
export const SCORE_WEIGHTS: number[] = [0.351, 2.065, 2.38, 1.462, 1.545, -1.034, -1.023, 2.121, 0, 0, -1.343];
