import { SCORE_BIAS, SCORE_WEIGHTS } from './score-weights.js';
import type { FeatureVector } from './features.js';

/** The candidate's score: logistic of the weighted features (weights fitted by bench/qa/calibrate.ts). */
export function linearScore(f: FeatureVector, weights = SCORE_WEIGHTS, bias = SCORE_BIAS): number {
  let z = bias;
  for (let i = 0; i < f.length; i++) z += (weights[i] ?? 0) * f[i];
  return 1 / (1 + Math.exp(-z));
}
