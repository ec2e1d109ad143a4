import type { Config } from '../../config.ts';
import type { RateRule } from './rate-limit.ts';

/** The public-intake settings of src/config.ts, in the shape the kernel's functions take. */
export interface IntakeSettings {
  challenge: 'on' | 'off';
  /** Set: the signing key; unset: one kept in the database (intake-secret.ts). */
  secret?: string;
  powMax: number;
  submit: { limit: number; windowSeconds: number };
  lookup: { limit: number; windowSeconds: number };
  lookupMisses: { limit: number; windowSeconds: number };
}

export function intakeSettings(config: Config): IntakeSettings {
  return {
    challenge: config.PUBLIC_FORM_CHALLENGE,
    secret: config.PUBLIC_FORM_SECRET,
    powMax: config.PUBLIC_FORM_POW_MAX,
    submit: { limit: config.PUBLIC_SUBMIT_LIMIT, windowSeconds: config.PUBLIC_SUBMIT_WINDOW_MINUTES * 60 },
    lookup: { limit: config.PUBLIC_LOOKUP_LIMIT, windowSeconds: config.PUBLIC_LOOKUP_WINDOW_MINUTES * 60 },
    lookupMisses: { limit: config.PUBLIC_LOOKUP_MISS_LIMIT, windowSeconds: config.PUBLIC_LOOKUP_WINDOW_MINUTES * 60 },
  };
}

/** The submission rule of one scope (`mailbox`, `qa`, `requests`): counted per scope and address. */
export const submitRule = (s: IntakeSettings, scope: string): RateRule => ({ bucket: `${scope}.submit`, ...s.submit, verb: '提交' });
