import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { documents } from './catalog.ts';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * 政策咨询问答库: one entry per question, one answer per entry. Who writes an entry: the 政策解读专员
 * (role `qa_specialist`) of its owner unit, and the district office.
 */
export const qaEntries = pgTable(
  'qa_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The id a bank gave the entry (import / CLI); unique when present. */
    externalId: text('external_id'),
    /** 标准问题 */
    question: text('question').notNull(),
    /** The answer, sanitised like a catalog document's body. */
    answerHtml: text('answer_html').notNull(),
    answerText: text('answer_text').notNull(),
    topic: text('topic'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    /** draft | published | retired */
    status: text('status').notNull().default('draft'),
    /** 复核日期: when the owner unit should look at the answer again. */
    reviewOn: day('review_on'),
    /** Set when a linked policy was repealed, expired or withdrawn: never answered automatically until reviewed. */
    needsReview: boolean('needs_review').notNull().default(false),
    reviewReason: text('review_reason'),
    version: integer('version').notNull().default(1),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('qa_entries_external_id_uq').on(t.externalId),
    index('qa_entries_status_idx').on(t.status),
    index('qa_entries_owner_idx').on(t.ownerUnitId),
  ],
);

/** 相似问法: other ways of asking an entry's question. */
export const qaVariants = pgTable(
  'qa_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => qaEntries.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** Position in the entry's list, as the editor wrote them. */
    seq: integer('seq').notNull().default(0),
    /** manual | import | consultation (an answered logged question folded back) */
    source: text('source').notNull().default('manual'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('qa_variants_entry_text_uq').on(t.entryId, t.text)],
);

/** Every saved state of an entry (question, answer, variants, policies, status). */
export const qaEntryVersions = pgTable(
  'qa_entry_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => qaEntries.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('qa_entry_versions_uq').on(t.entryId, t.version)],
);

/** The policy documents of the catalog an answer rests on. */
export const qaEntryPolicies = pgTable(
  'qa_entry_policies',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => qaEntries.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.documentId] }), index('qa_entry_policies_document_idx').on(t.documentId)],
);

/** 同义词: one group per row, the first term canonical (缓交 = 延期缴纳). The office edits them. */
export const qaSynonyms = pgTable('qa_synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  terms: text('terms').array().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One row: the library's change counter. Every change to entries, variants or synonyms bumps it in the
 * same transaction; each process reads it (at most once a second) before matching and reloads when it moved.
 */
export const qaLibraryVersion = pgTable('qa_library_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * 咨询登记台账: every consultation from every channel. A question not answered at once is registered
 * (query code, suggested policy-making unit, reply due 5 working days after receipt) and followed to
 * its reply. Asker's name and contact are personal information: never on a public page.
 */
export const qaConsultations = pgTable(
  'qa_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** phone 电话 | window 窗口 | mailbox 信箱 | web 网站 */
    channel: text('channel').notNull(),
    question: text('question').notNull(),
    askerName: text('asker_name'),
    /** Phone number or e-mail address for the reply. */
    askerContact: text('asker_contact'),
    askerEmail: text('asker_email'),
    receivedAt: ts('received_at').notNull().defaultNow(),
    /** Answered on the spot (by the library, or by the staff member on the line). */
    answeredOnSpot: boolean('answered_on_spot').notNull().default(false),
    /** The entry that answered, or the one that was closest. */
    matchedEntryId: uuid('matched_entry_id').references(() => qaEntries.id),
    /** The ranked candidates at the time ({entryId, score}[]), for the proposal and the suggested unit. */
    candidates: jsonb('candidates').notNull().default(sql`'[]'::jsonb`),
    score: integer('score'),
    /** useful 有用 | not_useful 没用 */
    feedback: text('feedback'),
    /** answered 当场解答 | open 未解答、未登记 | registered 已登记待答复 | replied 已答复 */
    status: text('status').notNull(),
    /** 查询码, for questions registered for a reply. */
    queryCode: text('query_code'),
    /** The unit the office routes the question to (suggested first). */
    suggestedUnitId: uuid('suggested_unit_id').references(() => units.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** 签收 by the unit. */
    acceptedAt: ts('accepted_at'),
    receivedOn: day('received_on'),
    dueOn: day('due_on'),
    replyHtml: text('reply_html'),
    replyText: text('reply_text'),
    repliedAt: ts('replied_at'),
    repliedBy: uuid('replied_by').references(() => users.id),
    /** Every dispatch, return and reassignment with its reason. */
    history: jsonb('history').notNull().default(sql`'[]'::jsonb`),
    /** before | due | overdue: the last reminder sent, so each is sent once. */
    lastReminder: text('last_reminder'),
    /** none | pending | accepted | declined: the answered question proposed to the library. */
    proposalStatus: text('proposal_status').notNull().default('none'),
    /** new 新条目 | variant 新问法 of proposalEntryId */
    proposalKind: text('proposal_kind'),
    proposalEntryId: uuid('proposal_entry_id').references(() => qaEntries.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** Address of a public asker, for the per-address limit; never shown. */
    ip: text('ip'),
    isSample: boolean('is_sample').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('qa_consultations_code_uq').on(t.queryCode),
    index('qa_consultations_received_idx').on(t.receivedAt),
    index('qa_consultations_status_due_idx').on(t.status, t.dueOn),
    index('qa_consultations_unit_idx').on(t.unitId),
  ],
);

export const QA_ENTRY_STATUSES = ['draft', 'published', 'retired'] as const;
export const QA_CHANNELS = ['phone', 'window', 'mailbox', 'web'] as const;
export const QA_CONSULTATION_STATUSES = ['answered', 'open', 'registered', 'replied'] as const;
