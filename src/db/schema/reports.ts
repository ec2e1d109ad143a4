import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { documents } from './catalog.ts';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 政府信息公开工作年度报告: one row per agency, year and version. A draft's tables are computed on
 * every read; publishing freezes them (`figures`); a correction after publication is a new version
 * with a note, the earlier one staying as it was published.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyUnitId: uuid('agency_unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    /** draft | reviewed | published | superseded */
    status: text('status').notNull().default('draft'),
    /** Sections 一, 五, 六 as the agency writes them: { overview, problems, other } (plain text, paragraphs by line). */
    texts: jsonb('texts').notNull().default(sql`'{}'::jsonb`),
    /** Section 二's entered figures with their sources: { permits, penalties, enforcement, feesWan, sources }. */
    entered: jsonb('entered').notNull().default(sql`'{}'::jsonb`),
    /** The computed tables as published (null until then). */
    figures: jsonb('figures'),
    /** Why this version replaces the one before (corrections). */
    note: text('note'),
    documentId: uuid('document_id').references(() => documents.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_reports_version_uq').on(t.agencyUnitId, t.year, t.version)],
);
