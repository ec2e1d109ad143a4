import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * 公开信箱 messages (src/modules/mailbox).
 * type: 咨询 | 建议 | 投诉 | 求助 | 其他
 * status: received (待审看) | accepted (已受理, with the office) | assigned (已转办, at a unit: ledger item
 *   `mailbox_message`) | replied (已答复) | closed (已办结: rated, or closed by the office) | rejected (不予受理)
 * rejectKind: spam | abuse | out_of_scope | duplicate
 * triage: immediate (即办) | transfer (转办) | leader (呈办)
 * rating: 满意 | 基本满意 | 不满意 — the writer's rating of the current reply
 * earlierRatings: the ratings the writer gave earlier replies, oldest first (the 不满意 that reopened it);
 *   what the public said is never overwritten, and the statistics count every rating given
 */
export const mailboxMessages = pgTable(
  'mailbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    /** The unit the writer addressed (optional). */
    addressedUnitId: uuid('addressed_unit_id').references(() => units.id),
    /** The unit handling it now (转办); null while with the office. */
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    consent: boolean('consent').notNull().default(false),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    /** 信访-type matter: recorded, and the writer told where such matters go. */
    petition: boolean('petition').notNull().default(false),
    status: text('status').notNull(),
    rejectKind: text('reject_kind'),
    rejectReason: text('reject_reason'),
    triage: text('triage'),
    leaderInstruction: text('leader_instruction'),
    receivedAt: ts('received_at').notNull(),
    receivedOn: day('received_on').notNull(),
    acceptedOn: day('accepted_on'),
    workingDays: integer('working_days').notNull(),
    extendedDays: integer('extended_days').notNull().default(0),
    dueDate: day('due_date').notNull(),
    replyHtml: text('reply_html'),
    replyText: text('reply_text'),
    replyUnitId: uuid('reply_unit_id').references(() => units.id),
    repliedOn: day('replied_on'),
    repliedBy: uuid('replied_by').references(() => users.id),
    rating: text('rating'),
    ratedAt: ts('rated_at'),
    earlierRatings: text('earlier_ratings').array().notNull().default([]),
    reopenCount: integer('reopen_count').notNull().default(0),
    publishedAt: ts('published_at'),
    publishedSummary: text('published_summary'),
    publishedReply: text('published_reply'),
    /** A 咨询's row in the qa module's 咨询登记台账 (channel mailbox), written when it is replied: no FK, the qa tables are the qa module's. */
    qaConsultationId: uuid('qa_consultation_id'),
    sample: boolean('sample').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mailbox_messages_code_uq').on(t.code),
    index('mailbox_messages_unit_status_idx').on(t.unitId, t.status, t.receivedAt),
    index('mailbox_messages_status_idx').on(t.status, t.receivedAt),
    index('mailbox_messages_received_on_idx').on(t.receivedOn),
    index('mailbox_messages_published_idx').on(t.publishedAt),
    // The unfiltered and due-filtered lists read newest first and stop at a page; the open messages'
    // due dates serve the overdue / due-soon lists and the workbench counts (office-wide and per unit).
    index('mailbox_messages_received_idx').on(t.receivedAt, t.id),
    index('mailbox_messages_open_due_idx').on(t.dueDate).where(sql`status in ('received', 'accepted', 'assigned')`),
    index('mailbox_messages_unit_open_due_idx').on(t.unitId, t.dueDate).where(sql`status in ('received', 'accepted', 'assigned')`),
  ],
);

/** The timeline of a message's own steps (receipt, review, triage, reply, rating, publication). */
export const mailboxEvents = pgTable(
  'mailbox_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => mailboxMessages.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    note: text('note'),
  },
  (t) => [index('mailbox_events_message_idx').on(t.messageId, t.at)],
);

/** A unit's published phone numbers (机关简介 > 联系我们), as entered or taken from the catalog. */
export const unitPhones = pgTable(
  'unit_phones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    phone: text('phone').notNull(),
    label: text('label').notNull(),
    hours: text('hours').notNull().default('工作日 9:00-12:00，14:00-17:30'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('unit_phones_uq').on(t.unitId, t.phone)],
);

/**
 * 来电台账: every call a unit logs. answeredOnSpot false → a callback due in 5 working days (ledger
 * item `call_callback`); callbackOn set when it is done.
 */
export const mailboxCalls = pgTable(
  'mailbox_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    calledAt: ts('called_at').notNull(),
    numberCalled: text('number_called').notNull(),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredOnSpot: boolean('answered_on_spot').notNull(),
    callbackDue: day('callback_due'),
    callbackOn: day('callback_on'),
    callbackNote: text('callback_note'),
    createdBy: uuid('created_by').references(() => users.id),
    sample: boolean('sample').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mailbox_calls_code_uq').on(t.code), index('mailbox_calls_unit_idx').on(t.unitId, t.calledAt)],
);

/** 抽查: the office dials a unit's published number and records what happened. */
export const phoneSpotChecks = pgTable(
  'phone_spot_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    checkedAt: ts('checked_at').notNull(),
    numberDialled: text('number_dialled').notNull(),
    answered: boolean('answered').notNull(),
    withinHours: boolean('within_hours').notNull(),
    result: text('result').notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
    sample: boolean('sample').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('phone_spot_checks_unit_idx').on(t.unitId, t.checkedAt)],
);
