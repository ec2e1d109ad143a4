/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the development data (bench bank with variants: 150 entries, 192 questions; bench bank without variants: 150 entries, 192 questions; second bank: 350 entries, 860 questions):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.106;
export const SCORE_WEIGHTS: number[] = [0, 0.767, 0.912, 0.131, 0.76, -0.611, -0.25, 0.068, 0, 0, -0.944, 1.153, 2.235, 3.045];
