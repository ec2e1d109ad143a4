import type { Config } from '../../config.ts';
import type { MessageType } from './strings.ts';

/** Working days to reply, by type (settings MAILBOX_DAYS_CONSULT / MAILBOX_DAYS_OTHER: 咨询 5, others 15). */
export function replyDaysFor(type: MessageType, config: Pick<Config, 'MAILBOX_DAYS_CONSULT' | 'MAILBOX_DAYS_OTHER'>): number {
  return type === '咨询' ? config.MAILBOX_DAYS_CONSULT : config.MAILBOX_DAYS_OTHER;
}

export const SUBJECT_MESSAGE = 'mailbox_message';
export const SUBJECT_CALLBACK = 'call_callback';
