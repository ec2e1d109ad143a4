import { z } from 'zod';
import { QA_CHANNELS } from '../../db/schema/qa.ts';
import { optionalPublicText, publicEmail, publicPhone } from '../../platform/public-intake/public-text.ts';

export const CHANNEL_NAMES: Record<(typeof QA_CHANNELS)[number], string> = { phone: '电话', window: '窗口', mailbox: '信箱', web: '网站' };

/** The admin app sends null for an empty field; the public kernel's fields take undefined. */
const orNull = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === null ? undefined : v), t);

/**
 * Contact for the reply, checked as every public form checks it (public-intake/public-text.ts): a
 * mobile (stored as 11 digits) or landline number, an e-mail address, an optional name.
 */
export const contactFields = {
  askerName: orNull(optionalPublicText('称呼', { max: 50 })),
  askerContact: orNull(publicPhone),
  askerEmail: orNull(publicEmail),
};
