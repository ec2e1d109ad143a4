import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files, units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Where text is cut into words for the search terms: whitespace and punctuation, ASCII and Chinese.
 * The list's query (list-requests.ts) cuts the words typed at the same characters.
 */
export const SEARCH_SEPARATORS = ' \t\n\r\u3000\u00a0!"#$%&\'()*+,./:;<=>?@[\\]^_`{|}~“”‘’（），。、；：？！《》〔〕【】…·「」—-';

/** A PostgreSQL bracket expression matching one separator (`]` first, `-` last, `\` escaped). */
const separatorClass = () => {
  const chars = [...SEARCH_SEPARATORS].filter((c) => c !== ']' && c !== '-');
  const esc = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === "'" ? "''" : c);
  return `[]${chars.map(esc).join('')}-]`;
};

/**
 * The tsvector of the pairs of adjacent characters of each word of `text` (an SQL expression), in
 * one immutable expression (a generated column allows no subquery): the words' pairs from their
 * first character, then from their second; a word's odd last character is kept alone.
 */
export function characterPairsSql(text: string, tag?: string): string {
  const words = `regexp_replace(${text}, '${separatorClass()}+', ' ', 'g')`;
  const pairs = (s: string) => `regexp_replace(${s}, '([^ ][^ ])', '\\1 ', 'g')`;
  const fromSecond = `regexp_replace(${words}, '(^| )[^ ]', '\\1', 'g')`;
  const lexemes = `array_remove(regexp_split_to_array(${pairs(words)} || ' ' || ${pairs(fromSecond)}, ' +'), '')`;
  return `array_to_tsvector(${tag ? `array_append(${lexemes}, ${tag})` : lexemes})`;
}

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
    // ── handling state (requests module; the report reads only the columns above) ──
    /** 待确认收到 | 办理中 | 待补正 | 征求意见 | 待缴费 | 已决定 | 已办结 | 已转办 — REQUEST_STATUSES in modules/requests/statuses.ts */
    status: text('status').notNull().default('待确认收到'),
    /** 网上 | 信函 | 传真 | 当面 | 电子邮件 */
    channel: text('channel').notNull().default('网上'),
    applicantName: text('applicant_name').notNull().default(''),
    /** 身份证 | 护照 | 统一社会信用代码 | 其他证件 */
    applicantIdKind: text('applicant_id_kind'),
    /** ID number or organisation code: shown only to the handling unit and the office, every view audited. */
    applicantIdNumber: text('applicant_id_number'),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    /** Normalised identity used to find the same applicant (ID number, else name + phone). */
    applicantKey: text('applicant_key').notNull().default(''),
    description: text('description').notNull().default(''),
    docNumber: text('doc_number'),
    purpose: text('purpose'),
    /** 纸质 | 电子邮件 | 光盘 | 当场阅读 */
    preferredForm: text('preferred_form'),
    /** 邮寄 | 电子 | 自取 */
    deliveryMethod: text('delivery_method'),
    /** 申请 | 信访投诉 (第三十九条: routed as a complaint, not a request) */
    route: text('route').notNull().default('申请'),
    /** The clock (modules/requests/clock/compute-due.ts), recomputed on every event and calendar change. */
    dueOn: day('due_on'),
    countFrom: day('count_from'),
    pausedDays: integer('paused_days').notNull().default(0),
    extendedDays: integer('extended_days').notNull().default(0),
    correctionWindowEnds: day('correction_window_ends'),
    /** Why the due date could not be computed (the period runs into a year whose holidays are not yet entered): 'calendar_not_published:2027'. */
    clockNote: text('clock_note'),
    /** The applicant's last day to send the 补正 / pay the fee, while waiting for them. */
    applicantDueOn: day('applicant_due_on'),
    /** 按件 | 按量 when a fee is charged (never both); amount in yuan. */
    feeBasis: text('fee_basis'),
    feeYuan: integer('fee_yuan'),
    feePaidOn: day('fee_paid_on'),
    /** Last reminder state sent (due_soon / overdue / correction_window), so each is sent once. */
    lastReminder: text('last_reminder'),
    /** Marked 示例 in the demo. */
    demo: boolean('demo').notNull().default(false),
    /**
     * The case list's text search (list-requests.ts): every pair of adjacent characters of the code,
     * the applicant's name, the 文号 and the description (cut at spaces and punctuation) as a lexeme,
     * without positions; a query asks for the pairs of each word typed (Chinese has no spaces, and
     * most words and names are two characters). Literal lexemes (array_to_tsvector), so neither back
     * end's parser or locale is involved; computed by the database whoever writes the row. One more
     * lexeme, '@' and the agency's id, lets a unit's search be answered by the index alone.
     */
    /**
     * 逾期办结: closed after the due date. Kept by the database (its own column, so the planner counts
     * it from the statistics instead of guessing at a comparison of two columns); the list's view.
     */
    closedLate: boolean('closed_late').generatedAlwaysAs(sql.raw(`coalesce(status = '已办结' and closed_on > due_on, false)`)),
    searchTerms: tsvector('search_terms').generatedAlwaysAs(
      sql.raw(characterPairsSql(`lower(code || ' ' || applicant_name || ' ' || coalesce(doc_number, '') || ' ' || description)`, `'@' || agency_unit_id::text`)),
    ),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('request_cases_code_uq').on(t.code),
    index('request_cases_agency_received_idx').on(t.agencyUnitId, t.receivedOn, t.id),
    index('request_cases_agency_closed_idx').on(t.agencyUnitId, t.closedOn),
    index('request_cases_agency_status_due_idx').on(t.agencyUnitId, t.status, t.dueOn),
    index('request_cases_status_due_idx').on(t.status, t.dueOn),
    index('request_cases_applicant_idx').on(t.applicantKey, t.receivedOn),
    index('request_cases_created_idx').on(t.createdAt),
    // The case list (list-requests.ts), newest received first (received_on desc nulls first, id desc):
    // one index per filter that leads to a long list, each ending in the list's order, so a page is
    // read off an index; closed-late cases (a partial index); text search (GIN).
    index('request_cases_received_idx').on(t.receivedOn, t.id),
    index('request_cases_status_received_idx').on(t.status, t.receivedOn, t.id),
    index('request_cases_outcome_received_idx').on(t.outcome, t.receivedOn, t.id),
    index('request_cases_kind_received_idx').on(t.applicantKind, t.receivedOn, t.id),
    index('request_cases_closed_late_idx').on(t.receivedOn, t.id).where(sql`closed_late`),
    index('request_cases_search_idx').using('gin', t.searchTerms),
  ],
);

/** The information asked for, one row per item, each with its own decision (outcome code of outcomes.ts). */
export const requestItems = pgTable(
  'request_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => requestCases.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    outcome: text('outcome'),
    /** Facts and reasons of the decision; for published information, where to find it. */
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [uniqueIndex('request_items_case_seq_uq').on(t.caseId, t.seq)],
);

/**
 * The case timeline: every step, in order. Clock events (received, correction_sent, … see
 * CLOCK_EVENT_TYPES) carry the date the clock reads; the others (decided, delivered, reopened,
 * transferred, letter, id_viewed, recomputed …) are the record.
 */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => requestCases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The day the step took effect (Asia/Shanghai), for clock events the day the clock reads. */
    on: day('on').notNull(),
    /** Extension days, consultation party, fee amount, reason … */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    /** Set when a later step voids this one (reopen keeps history; a voided event no longer counts). */
    voided: boolean('voided').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('request_events_case_idx').on(t.caseId, t.id)],
);

/** Files of a case: ID documents and proof (never public), envelope scans, delivery proof, letters. */
export const requestFiles = pgTable(
  'request_files',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => requestCases.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** 身份证明 | 信封扫描件 | 送达回证 | 文书 | 其他 */
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('request_files_uq').on(t.caseId, t.fileId)],
);

/** Per-agency letter number sequence (文号), one row per agency and year; taken atomically. */
export const requestLetterSeq = pgTable(
  'request_letter_seq',
  {
    agencyUnitId: uuid('agency_unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [uniqueIndex('request_letter_seq_uq').on(t.agencyUnitId, t.year)],
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
