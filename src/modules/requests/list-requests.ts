import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestCases, SEARCH_SEPARATORS, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { assertCan, unitScope } from '../../platform/policy.ts';
import { BY_DUE_DATE, dueSoonUntil, LIST_VIEWS, viewSql } from './case-views.ts';
import { day } from './inputs.ts';
import { APPLICANT_KINDS, OUTCOME_CODES, type OutcomeCode } from './outcomes.ts';
import type { RequestSettings } from './settings.ts';
import { REQUEST_STATUSES } from './statuses.ts';

export { LIST_VIEWS };

/** The list counts at most this many matches; past it the total is "more than". */
export const COUNT_CAP = 10_000;

export const listInput = z.object({
  view: z.enum(LIST_VIEWS).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  agencyUnitId: z.uuid().optional(),
  applicantKind: z.enum(APPLICANT_KINDS).optional(),
  outcome: z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Cases due on this day (the workbench's deadlines link here). */
  dueOn: day.optional(),
  /** Code, applicant, 文号 or words of the request; several words separated by spaces must all appear. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInput = z.input<typeof listInput>;

const CODE = /^YSQ[0-9A-Z]{6,16}$/;
const SEPARATOR = new RegExp(`[${SEARCH_SEPARATORS.replace(/[\\\]\[^-]/g, (c) => `\\${c}`)}]+`, 'u');
const quote = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The words of a search (cut where the search terms are cut), lower-cased, at most 8 of 40 characters. */
export const searchWords = (q: string) =>
  q
    .toLowerCase()
    .split(SEPARATOR)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => [...w].slice(0, 40).join(''));

/**
 * The tsquery of the words: each word's character pairs (a one-character word: any pair starting
 * with it). Empty when nothing is left.
 */
export function searchQuery(words: string[]): string {
  const terms = words.flatMap((w) => {
    const chars = [...w];
    if (chars.length === 1) return [`${quote(chars[0])}:*`];
    return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))].map(quote);
  });
  return terms.join(' & ');
}

const SEARCHED_TEXT = sql`(${requestCases.code} || ' ' || ${requestCases.applicantName} || ' ' || coalesce(${requestCases.docNumber}, '') || ' ' || ${requestCases.description})`;
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Text search: each word typed appears in the code, the applicant's name, the 文号 or the
 * description. The GIN index of `search_terms` (see the schema) finds the cases holding all of a
 * word's character pairs — for a Chinese word as good as the word itself, and read from the index
 * alone. A word with digits or latin letters (a number, a 文号), whose pairs recur in other numbers,
 * is then checked as written. A whole case code is looked up directly.
 */
export function textSearchSql(q: string, agencyUnitId?: string): SQL | undefined {
  const upper = q.trim().toUpperCase();
  if (CODE.test(upper)) return eq(requestCases.code, upper);
  const words = searchWords(q);
  let query = searchQuery(words);
  if (!query) return undefined;
  // within one agency: its lexeme too (the agency's condition itself stays in the caller's scope)
  if (agencyUnitId) query += ` & ${quote(`@${agencyUnitId}`)}`;
  const exact = words.filter((w) => [...w].length > 2 && /[0-9a-z]/.test(w)).map((w) => sql`${SEARCHED_TEXT} ilike ${`%${likeEscape(w)}%`}`);
  return and(sql`${requestCases.searchTerms} @@ ${query}::tsquery`, ...exact);
}

/** The filters of the list as one condition, scoped to the actor's unit (the office sees all). */
async function listCondition(ctx: OpContext, actor: Actor, settings: RequestSettings, input: z.output<typeof listInput>, today: string): Promise<SQL | undefined> {
  const scope = unitScope(actor);
  const where: (SQL | undefined)[] = [];
  if (scope !== 'all') where.push(scope.length === 1 ? eq(requestCases.agencyUnitId, scope[0]) : inArray(requestCases.agencyUnitId, scope));
  if (input.agencyUnitId) where.push(eq(requestCases.agencyUnitId, input.agencyUnitId));
  if (input.status) where.push(eq(requestCases.status, input.status));
  if (input.applicantKind) where.push(eq(requestCases.applicantKind, input.applicantKind));
  if (input.outcome) where.push(eq(requestCases.outcome, input.outcome));
  if (input.year) where.push(gte(requestCases.receivedOn, `${input.year}-01-01`), lte(requestCases.receivedOn, `${input.year}-12-31`));
  if (input.dueOn) where.push(eq(requestCases.dueOn, input.dueOn));
  if (input.q) where.push(textSearchSql(input.q, input.agencyUnitId ?? (scope !== 'all' && scope.length === 1 ? scope[0] : undefined)));
  if (input.view) {
    const until = input.view === 'due_soon' ? dueSoonUntil(await loadCalendar(ctx.db), today, settings.remindDays) : today;
    where.push(viewSql(input.view, today, until));
  }
  return and(...where);
}

/**
 * The case list with filters, newest received first (due date first in the due-soon and overdue
 * views), one page at a time. The total is counted up to COUNT_CAP (`totalExact` false past it),
 * so a broad filter over a hundred thousand cases costs no more than a narrow one.
 */
export async function listRequests(ctx: OpContext, settings: RequestSettings, raw: ListInput) {
  assertCan(ctx.actor, 'requests.read');
  const input = listInput.parse(raw);
  const today = todayInShanghai();
  const cond = await listCondition(ctx, ctx.actor, settings, input, today);
  // Newest received first, cases not yet received at the top (they wait for a handler); the indexes
  // of the schema end in (received_on, id) so that a page is read off one of them.
  const order = input.view && BY_DUE_DATE.includes(input.view) ? [requestCases.dueOn, requestCases.id] : [sql`${requestCases.receivedOn} desc nulls first`, desc(requestCases.id)];
  // One after another: on PGlite (one connection) side-by-side queries only queue.
  const rows = await ctx.db
    .select({
      id: requestCases.id,
      code: requestCases.code,
      agencyUnitId: requestCases.agencyUnitId,
      agencyName: units.name,
      applicantKind: requestCases.applicantKind,
      applicantName: requestCases.applicantName,
      channel: requestCases.channel,
      status: requestCases.status,
      receivedOn: requestCases.receivedOn,
      dueOn: requestCases.dueOn,
      applicantDueOn: requestCases.applicantDueOn,
      closedOn: requestCases.closedOn,
      outcome: requestCases.outcome,
      extendedDays: requestCases.extendedDays,
      demo: requestCases.demo,
      summary: sql<string>`left(${requestCases.description}, 80)`,
    })
    .from(requestCases)
    .innerJoin(units, eq(units.id, requestCases.agencyUnitId))
    .where(cond)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const counted = rows.length < input.pageSize && (input.page === 1 || rows.length > 0) ? { n: (input.page - 1) * input.pageSize + rows.length } : await countCapped(ctx, cond);
  const total = Math.min(counted.n, COUNT_CAP);
  return { items: rows, total, totalExact: counted.n <= COUNT_CAP, page: input.page, pageSize: input.pageSize, asOf: today };
}

/** Cases matching `cond`, counted up to COUNT_CAP + 1. */
async function countCapped(ctx: OpContext, cond: SQL | undefined): Promise<{ n: number }> {
  const sub = ctx.db.select({ one: sql`1` }).from(requestCases).where(cond).limit(COUNT_CAP + 1).as('m');
  const [{ n }] = await ctx.db.select({ n: count() }).from(sub);
  return { n: Number(n) };
}
