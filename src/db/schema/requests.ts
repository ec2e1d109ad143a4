import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * 依申请公开 cases. The columns the annual report reads (agency, applicant kind, received, closed,
 * outcome, imported) are the stable core; the requests module adds the handling state beside them.
 * Outcome codes and applicant kinds: src/modules/requests/outcomes.ts.
 */
export const requestCases = pgTable(
  'request_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 受理机关: the agency the request is addressed to and counted under in its annual report. */
    agencyUnitId: uuid('agency_unit_id')
      .notNull()
      .references(() => units.id),
    /** 编号 / query code, unique per deployment. */
    code: text('code').notNull(),
    /** 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 */
    applicantKind: text('applicant_kind').notNull(),
    /** Receipt date under 第31条; null until staff confirm receipt. */
    receivedOn: day('received_on'),
    /** The day the case closed (delivery of the decision); null while open. */
    closedOn: day('closed_on'),
    /** Report section 三 row code ('1', '2', '3.1' … '6.3'); null while open. */
    outcome: text('outcome'),
    /** Imported history (earlier years' ledgers): read-only. */
    imported: boolean('imported').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('request_cases_code_uq').on(t.code),
    index('request_cases_agency_received_idx').on(t.agencyUnitId, t.receivedOn),
    index('request_cases_agency_closed_idx').on(t.agencyUnitId, t.closedOn),
  ],
);

/** 行政复议 / 行政诉讼 records, linked to a case when there is one (imported history may have none). */
export const requestReviews = pgTable(
  'request_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyUnitId: uuid('agency_unit_id')
      .notNull()
      .references(() => units.id),
    caseId: uuid('case_id').references(() => requestCases.id),
    /** 编号 as given (imports) or generated. */
    code: text('code').notNull(),
    /** 行政复议 | 直接起诉 | 复议后起诉 */
    kind: text('kind').notNull(),
    filedOn: day('filed_on').notNull(),
    organ: text('organ'),
    /** 维持 | 纠正 | 其他; null while 尚未审结 */
    result: text('result'),
    resultOn: day('result_on'),
    lessons: text('lessons'),
    imported: boolean('imported').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('request_reviews_code_uq').on(t.agencyUnitId, t.code), index('request_reviews_filed_idx').on(t.agencyUnitId, t.filedOn)],
);
