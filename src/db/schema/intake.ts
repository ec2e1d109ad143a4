import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * Every query code handed to the public (咨询 ZX, 信箱 XX, 依申请 YS …), unique across modules.
 * A code is taken by inserting it here (ON CONFLICT DO NOTHING, retried on a collision); the module
 * keeps the code on its own row as well (src/platform/public-intake/query-code.ts).
 */
export const queryCodes = pgTable('query_codes', {
  code: text('code').primaryKey(),
  prefix: text('prefix').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Per-address counters of the public endpoints' fixed windows; one row per bucket, address and window. */
export const publicRateCounters = pgTable(
  'public_rate_counters',
  {
    bucket: text('bucket').notNull(),
    address: text('address').notNull(),
    windowStart: ts('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.address, t.windowStart] }), index('public_rate_counters_window_idx').on(t.windowStart)],
);

/** Solved challenges (proof-of-work or question), each usable once until it expires. */
export const publicChallengeUses = pgTable(
  'public_challenge_uses',
  {
    id: text('id').primaryKey(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('public_challenge_uses_expires_idx').on(t.expiresAt)],
);

/**
 * One row per public submission key (the form's token, an Idempotency-Key, or a hash of address and
 * body): a second submission with the key gets the first one's result instead of a second record.
 */
export const publicSubmissions = pgTable(
  'public_submissions',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    result: jsonb('result'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('public_submissions_created_idx').on(t.createdAt)],
);

/** The key signing challenges when PUBLIC_FORM_SECRET is not set: one row, shared by every process. */
export const intakeSecrets = pgTable('intake_secrets', {
  id: integer('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * The dispatch-and-reply ledger (src/platform/ledger): one item per subject (a Q&A question, a
 * mailbox message, a call's callback, a request's transfer) assigned to a unit with a due date in
 * working days. status: pending (待签收) | accepted (已签收) | returned (退回, back to the dispatcher) |
 * replied (已答复) | closed (办结 without reply, e.g. withdrawn).
 * extension: none | requested | approved | refused.
 */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status').notNull(),
    receivedOn: day('received_on').notNull(),
    workingDays: integer('working_days').notNull(),
    extendedDays: integer('extended_days').notNull().default(0),
    dueDate: day('due_date').notNull(),
    extension: text('extension').notNull().default('none'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    returnReason: text('return_reason'),
    repliedOn: day('replied_on'),
    lastReminder: text('last_reminder'),
    dispatchedBy: uuid('dispatched_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_items_subject_uq').on(t.subjectType, t.subjectId),
    index('ledger_items_unit_status_due_idx').on(t.unitId, t.status, t.dueDate),
    index('ledger_items_status_due_idx').on(t.status, t.dueDate),
  ],
);

/** The timeline of a ledger item: every step, who took it, and the note the next person reads. */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    note: text('note'),
    fromUnitId: uuid('from_unit_id'),
    toUnitId: uuid('to_unit_id'),
    data: jsonb('data'),
  },
  (t) => [index('ledger_events_item_idx').on(t.itemId, t.id)],
);
