import type { Config } from '../../config.ts';
import type { RateRule } from '../../platform/public-intake/rate-limit.ts';

/**
 * The per-address limit of asking on 一网答 (questions, taking a suggestion, 有用/没用), counted in
 * the database by the public-intake kernel (`hitRateLimit`), so every process shares it. Asking stores
 * no personal data and needs no challenge; registering a question does (register-question.ts).
 */
export const askRule = (config: Pick<Config, 'QA_ASK_LIMIT'>): RateRule => ({ bucket: 'qa.ask', limit: config.QA_ASK_LIMIT, windowSeconds: 60, verb: '提问' });
