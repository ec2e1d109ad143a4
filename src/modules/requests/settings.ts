import type { Config } from '../../config.ts';
import type { ClockSettings } from './clock/compute-due.ts';

/** The module's CONFIGURABLE rules (ogi-rules §2), read from the environment (src/config.ts). */
export interface RequestSettings extends ClockSettings {
  /** Working days the applicant has to send the 补正 (default 15). */
  correctionDays: number;
  /** Working days before the due date that a case counts as due soon (default 5). */
  remindDays: number;
}

export const requestSettings = (config: Pick<Config, 'REQUEST_CORRECTION_DAYS' | 'REQUEST_FEE_PAUSES_CLOCK' | 'REQUEST_REMIND_DAYS'>): RequestSettings => ({
  correctionDays: config.REQUEST_CORRECTION_DAYS,
  feePausesClock: config.REQUEST_FEE_PAUSES_CLOCK,
  remindDays: config.REQUEST_REMIND_DAYS,
});
