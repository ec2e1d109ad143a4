import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 任务分工: one yearly task-division notice, or the 整改台账 that carries unfinished work into a new year. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** notice | rectification */
    kind: text('kind').notNull().default('notice'),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    issuer: text('issuer'),
    issueDate: day('issue_date'),
    docNumber: text('doc_number'),
    /** draft | issued | closed */
    status: text('status').notNull().default('draft'),
    coverText: text('cover_text'),
    sourceName: text('source_name'),
    /** SHA-256 of the imported file, so importing the same notice twice is recognised. */
    sourceHash: text('source_hash'),
    /** For a rectification ledger: the plan whose unfinished measures it carries. */
    fromPlanId: uuid('from_plan_id'),
    /** Bumped on every edit after issue; measure edits are versioned in plan_measure_versions. */
    version: integer('version').notNull().default(1),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('plans_year_idx').on(t.year)],
);

export const planAreas = pgTable(
  'plan_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    label: text('label'),
    title: text('title').notNull(),
  },
  (t) => [uniqueIndex('plan_areas_seq_uq').on(t.planId, t.seq)],
);

export const planSubtasks = pgTable(
  'plan_subtasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').notNull().references(() => planAreas.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    label: text('label'),
    title: text('title').notNull(),
  },
  (t) => [uniqueIndex('plan_subtasks_seq_uq').on(t.areaId, t.seq)],
);

/** 贯彻举措: one row of the notice's table. */
export const planMeasures = pgTable(
  'plan_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    subtaskId: uuid('subtask_id').notNull().references(() => planSubtasks.id, { onDelete: 'cascade' }),
    /** Position over the whole plan (1…46 for the 2021 notice). */
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    items: jsonb('items').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    leadWritten: text('lead_written').array().notNull().default(sql`'{}'::text[]`),
    /** Each responsible name as written, with what it resolved to (unit, group or unknown). */
    responsible: jsonb('responsible').$type<ResponsibleEntry[]>().notNull().default(sql`'[]'::jsonb`),
    deadlines: jsonb('deadlines').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    disclosurePaths: jsonb('disclosure_paths').$type<string[][]>().notNull().default(sql`'[]'::jsonb`),
    otherChannels: jsonb('other_channels').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    columnInstructions: jsonb('column_instructions').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    targets: jsonb('targets').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** The date assignments are due by default: the earliest dated deadline, else the plan's year end. */
    dueDate: day('due_date').notNull(),
    /** open | closed (销号) */
    status: text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    /** A measure carried over by 回头看 points at the one it continues. */
    fromMeasureId: uuid('from_measure_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('plan_measures_seq_uq').on(t.planId, t.seq), index('plan_measures_subtask_idx').on(t.subtaskId)],
);

export interface ResponsibleEntry {
  written: string;
  kind: 'unit' | 'group' | 'unknown';
  unitIds: string[];
  groupName?: string;
  /** 区政府有关部门: members chosen by the office for this measure (in `unitIds` once issued). */
  perUse?: boolean;
  role?: 'responsible' | 'cooperate';
}

export const planMeasureLeads = pgTable(
  'plan_measure_leads',
  {
    measureId: uuid('measure_id').notNull().references(() => planMeasures.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.unitId] }), index('plan_measure_leads_unit_idx').on(t.unitId)],
);

/** Text of a measure before each edit made after the plan was issued. */
export const planMeasureVersions = pgTable('plan_measure_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  measureId: uuid('measure_id').notNull().references(() => planMeasures.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  changedBy: uuid('changed_by').references(() => users.id),
  changedAt: ts('changed_at').notNull().defaultNow(),
  reason: text('reason'),
});

/** One per measure and responsible unit, created when the plan is issued. */
export const planAssignments = pgTable(
  'plan_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').notNull().references(() => planMeasures.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    /** not_started | in_progress | done | cannot_complete */
    status: text('status').notNull().default('not_started'),
    /** pending | accepted | returned */
    checkStatus: text('check_status').notNull().default('pending'),
    dueDate: day('due_date').notNull(),
    completedOn: day('completed_on'),
    lastReportAt: ts('last_report_at'),
    returnedCount: integer('returned_count').notNull().default(0),
    acceptedAt: ts('accepted_at'),
    /** Last reminder sent (due_soon:DATE / overdue:DATE), so each is sent once. */
    lastReminder: text('last_reminder'),
  },
  (t) => [
    uniqueIndex('plan_assignments_measure_unit_uq').on(t.measureId, t.unitId),
    index('plan_assignments_unit_idx').on(t.unitId, t.planId),
    index('plan_assignments_plan_idx').on(t.planId, t.status),
    // The overdue list reads in due-date order and stops at its limit.
    index('plan_assignments_plan_due_idx').on(t.planId, t.dueDate),
    index('plan_assignments_plan_check_idx').on(t.planId, t.checkStatus),
  ],
);

/** Progress reports form a timeline; nothing is overwritten. */
export const planReports = pgTable(
  'plan_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull().references(() => planAssignments.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    summary: text('summary').notNull(),
    completedOn: day('completed_on'),
    reason: text('reason'),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('plan_reports_assignment_idx').on(t.assignmentId, t.createdAt)],
);

export type Evidence = { kind: 'link'; url: string; title: string } | { kind: 'file'; fileId: string; name: string };

/** 核查 by the lead unit: accept, or return with a comment and a new date. */
export const planChecks = pgTable(
  'plan_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull().references(() => planAssignments.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    comment: text('comment'),
    newDueDate: day('new_due_date'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('plan_checks_assignment_idx').on(t.assignmentId)],
);

/** The lead unit's own check summary per measure (cover requirement 四). */
export const planCheckSummaries = pgTable('plan_check_summaries', {
  id: uuid('id').primaryKey().defaultRandom(),
  measureId: uuid('measure_id').notNull().references(() => planMeasures.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  text: text('text').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Office actions on a measure or unit: 销号, reopen, 督促, 通报 marks. */
export const planEvents = pgTable(
  'plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').references(() => planMeasures.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    /** close | reopen | urge | commend | criticize */
    kind: text('kind').notNull(),
    message: text('message'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** A 通报 mark can be withdrawn; the row stays. */
    withdrawn: boolean('withdrawn').notNull().default(false),
  },
  (t) => [index('plan_events_plan_idx').on(t.planId, t.kind)],
);

/** 通报 drafts: generated from the data, edited, then issued. */
export const planCirculars = pgTable('plan_circulars', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  sections: jsonb('sections').$type<{ heading: string; body: string }[]>().notNull(),
  /** draft | issued */
  status: text('status').notNull().default('draft'),
  asOf: day('as_of').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  issuedAt: ts('issued_at'),
});
