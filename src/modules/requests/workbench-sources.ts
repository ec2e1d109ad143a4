import { and, asc, between, inArray, sql, type SQL } from 'drizzle-orm';
import { requestCases } from '../../db/schema/index.ts';
import type { WorkbenchContext, WorkbenchDeadline, WorkbenchItem, WorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { dueSoonUntil, RUNNING_STATUSES, viewSql, type ListView } from './case-views.ts';

/** Working days before the due date that a case counts as due soon (REQUEST_REMIND_DAYS's default; the list's own view uses the setting). */
export const WORKBENCH_REMIND_DAYS = 5;

const countWhere = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;

/**
 * 依申请公开 on the workbench: cases awaiting receipt confirmation, due within 5 working days,
 * overdue, and waiting for the applicant (补正, payment) — the office over the district, a unit
 * over its own agency. Each count is the list's own view (case-views.ts), and its link opens that
 * list; the deadlines are the reply dates falling in the coming week.
 */
export function requestsSource(remindDays = WORKBENCH_REMIND_DAYS): WorkbenchSource {
  return {
    id: 'requests.cases',
    module: 'requests',
    title: '依申请公开',
    roles: ['sys_admin', 'office_admin', 'liaison', 'responder', 'approver'],
    order: 25,
    async load(ctx: WorkbenchContext) {
      const { db, today, weekEnd } = ctx;
      // Scope decided by the workbench: the office all agencies, anyone else their own unit.
      const scope = ctx.unitIds === 'all' ? undefined : inArray(requestCases.agencyUnitId, ctx.unitIds);
      const until = dueSoonUntil(await ctx.calendar(), today, remindDays);
      const v = (view: ListView) => viewSql(view, today, until);
      // One pass over the open cases (the views other than closed_late are all open states).
      const [counts] = await db
        .select({
          awaiting: countWhere(v('awaiting_receipt')),
          dueSoon: countWhere(v('due_soon')),
          overdue: countWhere(v('overdue')),
          waiting: countWhere(v('waiting')),
        })
        .from(requestCases)
        .where(and(scope, inArray(requestCases.status, ['待确认收到', ...RUNNING_STATUSES, '待补正', '待缴费'])));
      const due = await db
        .select({ date: requestCases.dueOn, n: sql<number>`count(*)::int` })
        .from(requestCases)
        .where(and(scope, v('running'), between(requestCases.dueOn, today, weekEnd)))
        .groupBy(requestCases.dueOn)
        .orderBy(asc(requestCases.dueOn))
        .limit(30);
      const list = (view: ListView) => `/requests?view=${view}`;
      const items: WorkbenchItem[] = [
        { key: 'awaiting_receipt', label: '待确认收到', count: counts.awaiting, href: list('awaiting_receipt'), tone: counts.awaiting ? 'warning' : 'default', hint: '收到日期按第三十一条确定' },
        { key: 'due_soon', label: `${remindDays}个工作日内到期`, count: counts.dueSoon, href: list('due_soon'), tone: counts.dueSoon ? 'warning' : 'default' },
        { key: 'overdue', label: '已超过答复期限', count: counts.overdue, href: list('overdue'), tone: counts.overdue ? 'danger' : 'default' },
        { key: 'waiting', label: '等待申请人（补正、缴费）', count: counts.waiting, href: list('waiting'), tone: 'info' },
      ];
      const deadlines: WorkbenchDeadline[] = due.map((d) => ({ date: d.date as string, label: `${d.n} 件依申请公开到期答复`, href: `/requests?view=running&dueOn=${d.date}` }));
      return { items, deadlines };
    },
  };
}

export const requestWorkbenchSources = (remindDays: number): WorkbenchSource[] => [requestsSource(remindDays)];
