import { z } from 'zod';
import { textEnum, timestamp } from '../../platform/output-schemas.ts';
import { ledgerDetailSchema } from '../../platform/ledger/schemas.ts';
import { MESSAGE_STATUSES } from './strings.ts';

export const submitResult = z.object({ code: z.string(), dueDate: z.string() }).meta({ id: 'MessageReceipt' });

export const publicStatus = z
  .object({
    code: z.string(),
    status: textEnum(MESSAGE_STATUSES),
    receivedAt: timestamp,
    dueDate: z.string(),
    reply: z.object({ text: z.string(), html: z.string().nullable(), unit: z.string().nullable(), repliedOn: z.string().nullable(), rating: z.string().nullable(), canRate: z.boolean() }).nullable(),
  })
  .meta({ id: 'MessageStatus' });

export const publishedItem = z.object({ summary: z.string(), acceptedOn: z.string(), repliedOn: z.string(), replyUnit: z.string(), reply: z.string() }).meta({ id: 'PublishedMessage' });

export const messageSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    type: z.string(),
    title: z.string(),
    status: textEnum(MESSAGE_STATUSES),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    triage: z.string().nullable(),
    receivedAt: timestamp,
    receivedOn: z.string(),
    dueDate: z.string(),
    repliedOn: z.string().nullable(),
    rating: z.string().nullable(),
    petition: z.boolean(),
    published: z.boolean(),
    sample: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: 'MessageSummary' });

export const messageDetail = messageSummary
  .extend({
    body: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    consent: z.boolean(),
    rejectKind: z.string().nullable(),
    rejectReason: z.string().nullable(),
    leaderInstruction: z.string().nullable(),
    acceptedOn: z.string().nullable(),
    replyHtml: z.string().nullable(),
    reopenCount: z.number(),
    /** The writer's ratings of earlier replies, oldest first (the 不满意 that reopened it); `rating` is the current reply's. */
    earlierRatings: z.array(z.string()),
    publishedSummary: z.string().nullable(),
    publishedReply: z.string().nullable(),
    attachments: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
    events: z.array(z.object({ at: timestamp, actorName: z.string(), action: z.string(), note: z.string().nullable() })),
    ledger: ledgerDetailSchema.nullable(),
  })
  .meta({ id: 'MessageDetail' });

export const messageRow = z.object({ id: z.string(), code: z.string(), status: textEnum(MESSAGE_STATUSES), dueDate: z.string() });

export const monthlyStatsSchema = z
  .object({
    month: z.string(),
    received: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    /** Received and not yet reviewed (待审看): received = accepted + rejected + pending. */
    pending: z.number(),
    replied: z.number(),
    repliedOnTime: z.number(),
    averageDays: z.number(),
    ratings: z.object({ satisfied: z.number(), basicallySatisfied: z.number(), dissatisfied: z.number() }),
    satisfaction: z.number().nullable(),
  })
  .meta({ id: 'MailboxMonthlyStats' });

export const callRow = z
  .object({
    id: z.string(),
    code: z.string(),
    unitId: z.string(),
    unitName: z.string().optional(),
    calledAt: timestamp,
    numberCalled: z.string(),
    callerName: z.string().nullable(),
    callerPhone: z.string().nullable(),
    question: z.string(),
    answer: z.string().nullable(),
    answeredOnSpot: z.boolean(),
    callbackDue: z.string().nullable(),
    callbackOn: z.string().nullable(),
    callbackNote: z.string().nullable(),
    sample: z.boolean(),
    overdue: z.boolean().optional(),
  })
  .meta({ id: 'CallRecord' });

export const phoneRow = z.object({ id: z.string(), unitId: z.string(), unitName: z.string().optional(), phone: z.string(), label: z.string(), hours: z.string() });
export const spotCheckRow = z.object({ id: z.string(), unitId: z.string(), checkedAt: timestamp, numberDialled: z.string(), answered: z.boolean(), withinHours: z.boolean(), result: z.string() });
export const spotSummaryRow = z.object({ unitId: z.string(), unitName: z.string(), checks: z.number(), answered: z.number(), unansweredInHours: z.number() });

export const libraryMatchSchema = z
  .object({
    decision: z.enum(['answer', 'suggest', 'register']),
    answerId: z.string().nullable(),
    items: z.array(z.object({ entryId: z.string(), question: z.string(), matchedText: z.string(), answerText: z.string(), answerHtml: z.string(), ownerUnitName: z.string().nullable(), score: z.number() })),
  })
  .meta({ id: 'MailboxLibraryMatch' });

export const publicationPreview = z
  .object({ consent: z.boolean(), fields: publishedItem, original: z.object({ summary: z.string(), reply: z.string() }), masked: z.boolean() })
  .meta({ id: 'PublicationPreview' });
