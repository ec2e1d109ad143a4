import { and, count, desc, eq, gt, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requestCases, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan, unitScope } from '../../platform/policy.ts';
import { APPLICANT_KINDS, OUTCOME_CODES, type OutcomeCode } from './outcomes.ts';
import type { RequestSettings } from './settings.ts';
import { OPEN_STATUSES, REQUEST_STATUSES, WAITING_STATUSES } from './statuses.ts';

/** The handler's views: due within the reminder window, overdue, closed after the due date, waiting for the applicant. */
export const LIST_VIEWS = ['due_soon', 'overdue', 'closed_late', 'waiting'] as const;
const RUNNING = OPEN_STATUSES.filter((s) => !WAITING_STATUSES.includes(s));

export const listInput = z.object({
  view: z.enum(LIST_VIEWS).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  agencyUnitId: z.uuid().optional(),
  applicantKind: z.enum(APPLICANT_KINDS).optional(),
  outcome: z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The case list with filters, scoped to the actor's unit (the office sees all). Keyset-free paging, newest first. */
export async function listRequests(ctx: OpContext, settings: RequestSettings, raw: z.input<typeof listInput>) {
  assertCan(ctx.actor, 'requests.read');
  const input = listInput.parse(raw);
  const scope = unitScope(ctx.actor);
  const today = todayInShanghai();
  const where: (SQL | undefined)[] = [];
  if (scope !== 'all') where.push(inArray(requestCases.agencyUnitId, scope));
  if (input.agencyUnitId) where.push(eq(requestCases.agencyUnitId, input.agencyUnitId));
  if (input.status) where.push(eq(requestCases.status, input.status));
  if (input.applicantKind) where.push(eq(requestCases.applicantKind, input.applicantKind));
  if (input.outcome) where.push(eq(requestCases.outcome, input.outcome));
  if (input.year) where.push(gte(requestCases.receivedOn, `${input.year}-01-01`), lte(requestCases.receivedOn, `${input.year}-12-31`));
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(eq(requestCases.code, input.q.toUpperCase()), ilike(requestCases.applicantName, like)));
  }
  if (input.view === 'due_soon') {
    const until = (await loadCalendar(ctx.db)).addWorkingDays(today, settings.remindDays);
    where.push(inArray(requestCases.status, RUNNING), gte(requestCases.dueOn, today), lte(requestCases.dueOn, until));
  } else if (input.view === 'overdue') where.push(inArray(requestCases.status, RUNNING), lt(requestCases.dueOn, today));
  else if (input.view === 'closed_late') where.push(eq(requestCases.status, '已办结'), gt(requestCases.closedOn, requestCases.dueOn));
  else if (input.view === 'waiting') where.push(inArray(requestCases.status, WAITING_STATUSES));
  const cond = and(...where);
  const order = input.view === 'due_soon' || input.view === 'overdue' ? [requestCases.dueOn, requestCases.id] : [desc(requestCases.createdAt), desc(requestCases.id)];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
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
        demo: requestCases.demo,
        summary: sql<string>`left(${requestCases.description}, 80)`,
      })
      .from(requestCases)
      .innerJoin(units, eq(units.id, requestCases.agencyUnitId))
      .where(cond)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: count() }).from(requestCases).where(cond),
  ]);
  return { items: rows, total: Number(total), page: input.page, pageSize: input.pageSize, asOf: today };
}
