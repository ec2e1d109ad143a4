import { z } from 'zod';
import { stored, textEnum, timestamp } from '../../platform/output-schemas.ts';

/** What the qa routes answer (routes.ts); the admin app's types are generated from these. */

const day = z.string().describe('日期 YYYY-MM-DD');
const id = z.string();

export const entryStatus = textEnum(['draft', 'published', 'retired']);
export const channel = textEnum(['phone', 'window', 'mailbox', 'web']);
export const consultationStatus = textEnum(['answered', 'open', 'registered', 'replied']);

export const qaEntry = z
  .object({
    id,
    externalId: z.string().nullable(),
    question: z.string(),
    answerHtml: z.string(),
    answerText: z.string(),
    topic: z.string().nullable(),
    tags: z.array(z.string()),
    ownerUnitId: z.string().nullable(),
    status: entryStatus,
    reviewOn: day.nullable(),
    needsReview: z.boolean(),
    reviewReason: z.string().nullable(),
    version: z.number().int(),
    isSample: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'QaEntry' });

export const qaPolicy = z.object({ id, title: z.string(), docNumber: z.string().nullable(), validity: z.string(), status: z.string(), publisher: z.string() });

export const qaEntryDetail = qaEntry.extend({
  variants: z.array(z.string()),
  policies: z.array(qaPolicy),
  versions: z.array(z.object({ version: z.number().int(), snapshot: stored(z.record(z.string(), z.unknown())), createdAt: timestamp })),
});

export const qaEntryListItem = z.object({
  id,
  externalId: z.string().nullable(),
  question: z.string(),
  topic: z.string().nullable(),
  status: entryStatus,
  ownerUnitId: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
  needsReview: z.boolean(),
  reviewReason: z.string().nullable(),
  reviewOn: day.nullable(),
  version: z.number().int(),
  isSample: z.boolean(),
  updatedAt: timestamp,
  variantCount: z.number().int(),
});

export const importReport = z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int(), retired: z.number().int(), kind: textEnum(['xlsx', 'tsv']) });

export const rankedEntry = z.object({
  entryId: id,
  externalId: z.string().nullable(),
  question: z.string(),
  answerText: z.string(),
  answerHtml: z.string(),
  ownerUnitId: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
  score: z.number(),
  matchedText: z.string(),
  conflicts: z.array(z.object({ slot: z.string(), question: z.string().nullable(), candidate: z.string().nullable() })),
});

export const staffSearch = z.object({ decision: textEnum(['answer', 'suggest', 'register']), answerId: z.string().nullable(), score: z.number(), margin: z.number(), ranked: z.array(rankedEntry) });

const history = z.array(z.object({ at: z.string(), action: z.string(), unitId: z.string().nullish(), reason: z.string().nullish(), by: z.string() }));

export const consultation = z
  .object({
    id,
    channel,
    question: z.string(),
    askerName: z.string().nullable(),
    askerContact: z.string().nullable(),
    askerEmail: z.string().nullable(),
    receivedAt: timestamp,
    answeredOnSpot: z.boolean(),
    status: consultationStatus,
    queryCode: z.string().nullable(),
    unitId: z.string().nullable(),
    suggestedUnitId: z.string().nullable(),
    acceptedAt: timestamp.nullable(),
    dueOn: day.nullable(),
    repliedAt: timestamp.nullable(),
    replyText: z.string().nullable(),
    feedback: z.string().nullable(),
    matchedEntryId: z.string().nullable(),
    proposalStatus: z.string(),
    proposalKind: z.string().nullable(),
    proposalEntryId: z.string().nullable(),
    history: stored(history),
  })
  .meta({ id: 'QaConsultation' });

export const ledgerItem = consultation.extend({
  unitName: z.string().nullable(),
  suggestedUnitName: z.string().nullable(),
  matchedQuestion: z.string().nullable(),
  isSample: z.boolean(),
  overdue: z.boolean(),
});

const channelRow = z.object({
  channel: z.string(),
  total: z.number().int(),
  answeredAtOnce: z.number().int(),
  registered: z.number().int(),
  repliedOnTime: z.number().int(),
  repliedLate: z.number().int(),
  overdue: z.number().int(),
  useful: z.number().int(),
  notUseful: z.number().int(),
});

export const qaStatsBody = z.object({
  from: day,
  to: day,
  totals: channelRow.omit({ channel: true }),
  byChannel: z.array(channelRow),
  byUnit: z.array(z.object({ unitId: z.string().nullable(), unitName: z.string().nullable(), registered: z.number().int(), replied: z.number().int(), repliedOnTime: z.number().int(), overdue: z.number().int() })),
  unanswered: z.array(z.object({ question: z.string(), times: z.number().int() })),
});

export const publicPolicy = z.object({ id, title: z.string(), docNumber: z.string().nullable(), validity: z.string() });
export const askResult = z.object({
  consultationId: id,
  decision: textEnum(['answer', 'suggest', 'register']),
  answer: z.object({ entryId: id, question: z.string(), answerHtml: z.string(), policies: z.array(publicPolicy) }).nullable(),
  suggestions: z.array(z.object({ entryId: id, question: z.string() })),
  elsewhere: z.string().nullable().describe('未自动答复是因为问题提到的地方与问答库所答地区不同时，为该地名（如“江北”）'),
});
export const registerResult = z.object({ queryCode: z.string(), dueOn: day, receivedOn: day, duplicate: z.boolean().describe('true：重复提交，返回的是第一次登记的查询码') });
export const publicLookup = z.object({
  queryCode: z.string().nullable(),
  question: z.string(),
  status: consultationStatus,
  receivedOn: day.nullable(),
  dueOn: day.nullable(),
  replyHtml: z.string().nullable(),
  repliedAt: timestamp.nullable(),
  unitName: z.string().nullable(),
});
export const proposalResult = z.object({ decision: z.string(), kind: z.string(), entryId: z.string().nullable() });
