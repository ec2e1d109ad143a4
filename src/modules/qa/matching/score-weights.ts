/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.214;
export const SCORE_WEIGHTS: number[] = [0.519, 1.013, 2.888, 0.686, 2.771, -0.88, 0, 0, 0, 0, -1.2, 0.067, 2.164, 3.599, -0.347, -1.014, -0.826];
