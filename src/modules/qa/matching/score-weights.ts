/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.22;
export const SCORE_WEIGHTS: number[] = [0.51, 1.016, 2.874, 0.699, 2.763, -0.883, 0, 0, 0, 0, -1.192, 0.062, 2.177, 3.609, -0.347, -1.022, -0.774];
