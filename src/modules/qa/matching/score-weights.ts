/**
 * Weights of the linear score over FEATURE_NAMES (features.ts), squashed by the logistic function into a
 * score in [0, 1]. Written by bench/qa/calibrate.ts on the dev split (193 questions, 150-entry bench bank):
 * a logistic regression, classes balanced, L2 0.003. Do not edit by hand; rerun the calibration.
 */
export const SCORE_BIAS = -4.415;
export const SCORE_WEIGHTS: number[] = [0.679, 3.224, 1.944, 1.586, 1.129, -0.874, -2.524, 1.976, 0, 0];
