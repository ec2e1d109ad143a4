import { z } from 'zod';
import { CONSULTATION_KINDS } from './consult-party.ts';
import { LETTER_KINDS, LETTER_NAMES } from './letters/generate-letter.ts';
import { APPLICANT_KINDS, OUTCOMES } from './outcomes.ts';
import { CHANNELS, DELIVERY_METHODS, FILE_KINDS, ID_KINDS, PREFERRED_FORMS, RECEIPT_RULE, REQUEST_STATUSES, SERVICE_METHODS } from './statuses.ts';

/**
 * The module's fixed lists for the admin pages — outcomes exactly as the rows of the annual report's
 * section 三 with their legal basis, the states, channels and their 第三十一条 receipt rules, the
 * applicant's choices, the letters — so that the pages never keep a second copy of the law's tables.
 */
export function requestOptions() {
  return {
    outcomes: OUTCOMES.map((o) => ({ code: o.code, group: o.group, label: o.label, basis: o.basis })),
    applicantKinds: [...APPLICANT_KINDS],
    statuses: [...REQUEST_STATUSES],
    channels: CHANNELS.map((c) => ({ value: c, receiptRule: RECEIPT_RULE[c] })),
    idKinds: [...ID_KINDS],
    preferredForms: [...PREFERRED_FORMS],
    deliveryMethods: [...DELIVERY_METHODS],
    serviceMethods: [...SERVICE_METHODS],
    consultationKinds: [...CONSULTATION_KINDS],
    fileKinds: [...FILE_KINDS],
    letters: LETTER_KINDS.map((k) => ({ kind: k, name: LETTER_NAMES[k] })),
  };
}

export const requestOptionsAnswer = z
  .object({
    outcomes: z.array(z.object({ code: z.string(), group: z.string(), label: z.string(), basis: z.string() })),
    applicantKinds: z.array(z.string()),
    statuses: z.array(z.string()),
    channels: z.array(z.object({ value: z.string(), receiptRule: z.string() })),
    idKinds: z.array(z.string()),
    preferredForms: z.array(z.string()),
    deliveryMethods: z.array(z.string()),
    serviceMethods: z.array(z.string()),
    consultationKinds: z.array(z.string()),
    fileKinds: z.array(z.string()),
    letters: z.array(z.object({ kind: z.enum(LETTER_KINDS), name: z.string() })),
  })
  .meta({ id: 'RequestOptions' });
