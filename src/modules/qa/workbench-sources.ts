import { and, asc, between, eq, sql } from 'drizzle-orm';
import { qaConsultations } from '../../db/schema/index.ts';
import { can } from '../../platform/policy.ts';
import type { WorkbenchContext, WorkbenchItem, WorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { countFilter, ledgerFilterDay, ledgerFilterSql, type LedgerFilter } from './ledger-filters.ts';

const list = (filter: LedgerFilter) => `/qa/ledger?filter=${filter}`;

/**
 * 政策咨询台账 on the workbench: the questions waiting for an answer (the unit's own, or the whole
 * district's for the office), those due within two working days and those overdue, the office's questions not
 * yet routed to a unit, and the replied questions proposed for the library that the 专员 must review.
 * One aggregate query for the counts, one for the week's reply dates; every count links to the
 * ledger list with the same named filter (ledger-filters.ts).
 */
async function loadLedger(ctx: WorkbenchContext) {
  const { db, actor, today, weekEnd } = ctx;
  const office = ctx.unitIds === 'all';
  const scope = office ? undefined : eq(qaConsultations.unitId, actor.unitId);
  const day = ledgerFilterDay(await ctx.calendar(), today);
  const [[n], due] = await Promise.all([
    db
      .select({
        awaiting: countFilter('awaiting', day),
        dueSoon: countFilter('due_soon', day),
        overdue: countFilter('overdue', day),
        unrouted: countFilter('unrouted', day),
        proposal: countFilter('proposal', day),
      })
      .from(qaConsultations)
      .where(scope),
    db
      .select({ date: sql<string>`${qaConsultations.dueOn}`, n: sql<number>`count(*)::int` })
      .from(qaConsultations)
      .where(and(scope, ledgerFilterSql('awaiting', day), between(qaConsultations.dueOn, today, weekEnd)))
      .groupBy(qaConsultations.dueOn)
      .orderBy(asc(qaConsultations.dueOn))
      .limit(30),
  ]);
  const items: WorkbenchItem[] = [
    ...(office ? [{ key: 'unrouted', label: '待交办', count: n.unrouted, href: list('unrouted'), tone: n.unrouted ? 'warning' : 'default', hint: '未确定承办单位' } satisfies WorkbenchItem] : []),
    { key: 'awaiting', label: office ? '待答复咨询' : '本单位待答复', count: n.awaiting, href: list('awaiting'), tone: n.awaiting ? 'warning' : 'default', hint: '5 个工作日内答复' },
    { key: 'due_soon', label: '两个工作日内到期', count: n.dueSoon, href: list('due_soon'), tone: n.dueSoon ? 'warning' : 'default' },
    { key: 'overdue', label: '已逾期', count: n.overdue, href: list('overdue'), tone: n.overdue ? 'danger' : 'default' },
    ...(can(actor, 'qa.edit') ? [{ key: 'proposal', label: '待审核入库建议', count: n.proposal, href: list('proposal'), tone: 'info', hint: '答复转入问答库' } satisfies WorkbenchItem] : []),
  ];
  const deadlines = due.map((d) => ({ date: d.date, label: `${d.n} 个咨询问题答复到期`, href: `/qa/ledger?filter=awaiting&dueOn=${d.date}` }));
  return { items, deadlines };
}

export const qaWorkbenchSources: WorkbenchSource[] = [
  { id: 'qa.ledger', module: 'qa', title: '政策咨询台账', roles: ['sys_admin', 'office_admin', 'liaison', 'responder', 'qa_specialist'], order: 60, load: loadLedger },
];
