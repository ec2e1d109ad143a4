import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files, units, users } from './platform.ts';
import { planMeasures } from './plans.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface ReviewStep {
  name: string;
  /** Role within the owning unit that may decide this step. */
  role: 'reviewer' | 'approver' | 'liaison' | 'office_admin';
}

/** 栏目: one tree per site — the district portal (its region unit) or a unit's own sub-site (部门网页). */
export const catalogColumns = pgTable(
  'catalog_columns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteUnitId: uuid('site_unit_id').notNull().references(() => units.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** URL segment, unique over all sites: /xxgk/{slug}. */
    slug: text('slug').notNull(),
    /** standard (国办 template) | plan (from a plan's disclosure paths) | custom */
    kind: text('kind').notNull().default('custom'),
    /** news | notice | policy | other: sets the default update interval of the website inspection rules. */
    category: text('category').notNull().default('other'),
    updateIntervalDays: integer('update_interval_days'),
    /** 备注说明 of a column that is legitimately empty; such a column is not counted as blank. */
    note: text('note'),
    reviewSteps: jsonb('review_steps').$type<ReviewStep[]>().notNull(),
    /**
     * 三审 means different people: one person decides at most one step of a round. A very small unit
     * may turn this off; each decision that relies on it is then recorded in the audit log.
     */
    reviewDistinctPeople: boolean('review_distinct_people').notNull().default(true),
    ownerUnitIds: uuid('owner_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_columns_slug_uq').on(t.slug),
    uniqueIndex('catalog_columns_name_uq').on(t.siteUnitId, t.parentId, t.name),
    index('catalog_columns_parent_idx').on(t.parentId),
  ],
);

/** A column keeps the measures whose disclosure paths point at it. */
export const catalogColumnMeasures = pgTable(
  'catalog_column_measures',
  {
    columnId: uuid('column_id').notNull().references(() => catalogColumns.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').notNull().references(() => planMeasures.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.columnId, t.measureId] }), index('catalog_column_measures_measure_idx').on(t.measureId)],
);

/** How the notice's inconsistent path prefixes land on one tree; the office reviews and edits these. */
export const catalogPathMappings = pgTable('catalog_path_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromPrefix: text('from_prefix').array().notNull(),
  toPrefix: text('to_prefix').array().notNull(),
  note: text('note'),
});

/** 政府信息: a document of the catalog, with the metadata government sites show. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    columnId: uuid('column_id').notNull().references(() => catalogColumns.id),
    siteUnitId: uuid('site_unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    /** 索引号: agency code / year - serial (index-number.ts); null until the agency has its code (never published so). */
    indexNo: text('index_no'),
    publisher: text('publisher').notNull(),
    writtenOn: day('written_on'),
    docNumber: text('doc_number'),
    topic: text('topic'),
    /** valid 现行有效 | amended 已修改 | repealed 已废止 | expired 已失效 */
    validity: text('validity').notNull().default('valid'),
    replacedById: uuid('replaced_by_id'),
    /** 规章 | 行政规范性文件 | null: what the annual report's section 二 counts (第二十条第（一）项). */
    normativeKind: text('normative_kind'),
    /** The day a repealed or expired document stopped being in force (废止 / 失效日期). */
    validityOn: day('validity_on'),
    /** draft | in_review | returned | rejected | scheduled | published | withdrawn */
    status: text('status').notNull().default('draft'),
    /** Index into the column's review steps of the step now waiting. */
    reviewStep: integer('review_step').notNull().default(0),
    version: integer('version').notNull().default(1),
    /** An edit of a published document, under review while the published version stays up. */
    workingCopy: jsonb('working_copy'),
    publishAt: ts('publish_at'),
    publishedAt: ts('published_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    /** jieba tokens of title, body and attachment text, for Chinese full-text search. */
    searchVector: tsvector('search_vector'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_index_no_uq').on(t.indexNo),
    index('documents_column_published_idx').on(t.columnId, t.status, t.publishedAt),
    index('documents_search_idx').using('gin', t.searchVector),
    index('documents_published_idx').on(t.status, t.publishedAt),
    // The admin list (list-documents.ts): newest-updated first over everything, per column, and the
    // few documents under review (the predicate is review-rule.ts's UNDER_REVIEW_SQL).
    // (Ascending: read backwards they give `updated_at desc, id desc`, nulls first as the query asks.)
    index('documents_updated_idx').on(t.updatedAt, t.id),
    index('documents_column_updated_idx').on(t.columnId, t.updatedAt),
    index('documents_review_queue_idx').on(t.columnId).where(sql`status = 'in_review' or (working_copy is not null and review_step > 0)`),
  ],
);

export const documentAttachments = pgTable(
  'document_attachments',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull().references(() => files.id),
    text: text('text'),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.fileId] })],
);

/** Every saved version of a document, so any two can be compared. */
export const documentRevisions = pgTable(
  'document_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    meta: jsonb('meta').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_revisions_uq').on(t.documentId, t.version)],
);

/** Each decision of the review chain (三审). */
export const documentReviews = pgTable(
  'document_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    step: integer('step').notNull(),
    stepName: text('step_name').notNull(),
    /** submit | approve | return | reject | publish | withdraw */
    decision: text('decision').notNull(),
    comment: text('comment'),
    secrecyConfirmed: boolean('secrecy_confirmed').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('document_reviews_doc_idx').on(t.documentId, t.createdAt)],
);

/** A reviewer's decision on one personal-information finding: masked, or kept with a recorded reason. */
export const documentPiiDecisions = pgTable(
  'document_pii_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    value: text('value').notNull(),
    /** keep: 惩戒公示 / 强制性信息披露 */
    decision: text('decision').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('document_pii_decisions_doc_idx').on(t.documentId)],
);

/** Serials of index numbers per site and year, taken under a row lock. */
export const catalogCounters = pgTable(
  'catalog_counters',
  {
    siteUnitId: uuid('site_unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteUnitId, t.year] })],
);

/** Policy interpretations (政策解读) linked both ways to the policy they explain. */
export const documentInterpretations = pgTable(
  'document_interpretations',
  {
    policyId: uuid('policy_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    interpretationId: uuid('interpretation_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    /** text | image | video */
    form: text('form').notNull().default('text'),
  },
  // The primary key serves lookups by policy; a policy's page found from its interpretation needs its own index.
  (t) => [primaryKey({ columns: [t.policyId, t.interpretationId] }), index('document_interpretations_interpretation_idx').on(t.interpretationId)],
);
