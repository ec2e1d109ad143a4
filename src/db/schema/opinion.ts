import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { documents } from './catalog.ts';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * One row (id 'default'): the 网信办 unit that coordinates and sees every event, and the clocks in
 * hours (ogi-rules §9: authoritative information 5 h and press conference 24 h for 特别重大/重大,
 * other opinion answered 48 h; plus how long before a clock the reminder goes out).
 */
export const opinionSettings = pgTable('opinion_settings', {
  id: text('id').primaryKey().default('default'),
  coordinatorUnitId: uuid('coordinator_unit_id').references(() => units.id),
  authoritativeHours: integer('authoritative_hours').notNull().default(5),
  pressConferenceHours: integer('press_conference_hours').notNull().default(24),
  responseHours: integer('response_hours').notNull().default(48),
  remindBeforeHours: integer('remind_before_hours').notNull().default(2),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 舆情领域 and the units watching it (疫情防控和医疗 → 区卫生健康委 …): data the office edits. */
export const opinionDomains = pgTable(
  'opinion_domains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('opinion_domains_name_uq').on(t.name)],
);

/**
 * 政务舆情 events. source: 网络 | 媒体 | 12345 | 信箱 | 上级交办 | 其他; category: the notice's five key
 * kinds; level: 特别重大 | 重大 | 较大 | 一般; status: registered | consulted | assessed | responded | evaluated.
 */
export const opinionEvents = pgTable(
  'opinion_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    sourceText: text('source_text'),
    firstSeenAt: ts('first_seen_at').notNull(),
    summary: text('summary').notNull(),
    domainId: uuid('domain_id').references(() => opinionDomains.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    level: text('level').notNull(),
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('registered'),
    /** Clock reminders already sent (`authoritative:soon`, `response:overdue` …), each once. */
    remindersSent: text('reminders_sent').array().notNull().default(sql`'{}'::text[]`),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('opinion_events_unit_idx').on(t.responsibleUnitId, t.firstSeenAt), index('opinion_events_seen_idx').on(t.firstSeenAt), index('opinion_events_status_idx').on(t.status)],
);

/**
 * The chain: consult 会商 (participants, conclusion) → assess 研判 (assessment, chosen response) →
 * respond 回应 (kind, content, catalog document / link; several allowed) → evaluate 评估 (effect, follow-up).
 */
export const opinionEventSteps = pgTable(
  'opinion_event_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => opinionEvents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** When it happened (the clocks read the respond steps' times). */
    at: ts('at').notNull(),
    participants: text('participants'),
    content: text('content').notNull(),
    /** 研判: the chosen response; 回应: its kind (发布权威信息 / 新闻发布会 / 吹风会 / 接受采访 / 其他). */
    responseKind: text('response_kind'),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    url: text('url'),
    followUp: text('follow_up'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('opinion_event_steps_event_idx').on(t.eventId, t.at)],
);

/** 通报批评 (criticize) and 约谈 (interview) of a unit over opinion work; read by the plans module's 通报. */
export const opinionSupervisions = pgTable(
  'opinion_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    eventId: uuid('event_id').references(() => opinionEvents.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    heldOn: day('held_on').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('opinion_supervisions_held_idx').on(t.heldOn)],
);

/** 承诺台账: commitments made in responses, tracked until fulfilled and published. State is computed. */
export const opinionCommitments = pgTable(
  'opinion_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').references(() => opinionEvents.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    promisedOn: day('promised_on').notNull(),
    fulfilledOn: day('fulfilled_on'),
    evidence: text('evidence'),
    /** Where the fulfilment is published: a catalog document, or an address elsewhere. */
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    publicUrl: text('public_url'),
    lastReminder: text('last_reminder'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('opinion_commitments_owner_idx').on(t.ownerUnitId, t.promisedOn), index('opinion_commitments_promised_idx').on(t.promisedOn)],
);

/** 新闻发布会 / 通气会 / 专访 / 线上访谈 that interpret policies (二(二)): counted against the plan's targets. */
export const opinionPressEvents = pgTable(
  'opinion_press_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    heldOn: day('held_on').notNull(),
    topic: text('topic').notNull(),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    speakers: text('speakers').notNull(),
    /** 有关负责同志 spoke (带头开展政策解读). */
    leaderSpoke: boolean('leader_spoke').notNull().default(false),
    /** The interpretation result published in the 政策解读 column. */
    resultDocumentId: uuid('result_document_id').references(() => documents.id, { onDelete: 'set null' }),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('opinion_press_events_held_idx').on(t.heldOn)],
);

export const opinionPressPolicies = pgTable(
  'opinion_press_policies',
  {
    pressEventId: uuid('press_event_id')
      .notNull()
      .references(() => opinionPressEvents.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.pressEventId, t.documentId] })],
);
