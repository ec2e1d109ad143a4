import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 单位: the region (区), its agencies and other units, as one tree. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** region 区 | department 部门 | committee 管委会 | street 街道 | town 镇 | center 中心 | school 学校 | other */
    kind: text('kind').notNull(),
    /** 行政机关: may hold disclosure duties of its own. */
    isAgency: boolean('is_agency').notNull().default(true),
    /** Short code used in index numbers (索引号). */
    code: text('code'),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name), index('units_parent_idx').on(t.parentId)],
);

/** Other written forms of a unit's name (区发改委 = 区发展改革委). */
export const unitAliases = pgTable(
  'unit_aliases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [uniqueIndex('unit_aliases_alias_uq').on(t.alias), index('unit_aliases_unit_idx').on(t.unitId)],
);

/**
 * 单位组: names notices use for many units at once. Membership is by unit kind (区政府各部门 = every
 * department), by an explicit list, or chosen per use (区政府有关部门: the office picks per measure).
 */
export const unitGroups = pgTable(
  'unit_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** kinds | list | per_use */
    membership: text('membership').notNull(),
    memberKinds: text('member_kinds').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('unit_groups_name_uq').on(t.name)],
);

export const unitGroupAliases = pgTable(
  'unit_group_aliases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => unitGroups.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [uniqueIndex('unit_group_aliases_alias_uq').on(t.alias)],
);

export const unitGroupMembers = pgTable(
  'unit_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => unitGroups.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    phone: text('phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_unit_idx').on(t.unitId)],
);

/** Server-side sessions; the cookie holds a random token, the table holds its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Login attempts by address, for the per-IP rate limit (works across processes). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ip: text('ip').notNull(),
    username: text('username').notNull(),
    ok: boolean('ok').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

/** Append-only, hash-chained record of every state change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** Years whose State Council holiday notice is entered; a date in any other year is unknown. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  note: text('note'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Exceptions to the Monday–Friday rule: holidays (off) and make-up working days (work). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Scheduled work, taken by any process with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    /** Makes a scheduled run unique, e.g. daily-reminders:2026-11-25. */
    runKey: text('run_key').notNull(),
    payload: jsonb('payload'),
    runAt: ts('run_at').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [uniqueIndex('jobs_run_key_uq').on(t.runKey), index('jobs_status_run_at_idx').on(t.status, t.runAt)],
);

export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  storageKey: text('storage_key').notNull(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  /** The unit that uploaded the file: it (and the district office) reads it until it is attached somewhere. */
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  /**
   * The object the file is attached to — `document` (its id) or `plan_assignment` (progress-report
   * evidence of that assignment) — set when first attached; reading then follows that object's scope
   * (src/platform/files/file-access.ts), and no other object may take the file.
   */
  attachedKind: text('attached_kind'),
  attachedId: uuid('attached_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
