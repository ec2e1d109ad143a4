import { and, asc, between, eq, sql } from 'drizzle-orm';
import { planAssignments, planEvents, planMeasures, plans } from '../../db/schema/index.ts';
import { can } from '../../platform/policy.ts';
import type { WorkbenchContext, WorkbenchDeadline, WorkbenchItem, WorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { assignmentStateSql, inIssuedPlan, toCheckBy } from './assignment-states.ts';
import { MARK_KINDS, pendingMarkSql } from './list-circular-marks.ts';

const countWhere = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;

/** A short name for a plan on a card: the year and kind are enough when the title is long. */
const shortTitle = (p: { title: string }) => (p.title.length > 18 ? `${p.title.slice(0, 17)}…` : p.title);

/** The district office: per issued plan, overdue and returned assignments, reports waiting for checks, marks to decide. */
async function loadOffice(ctx: WorkbenchContext) {
  const { db, today, weekEnd } = ctx;
  const [perPlan, marks, due] = await Promise.all([
    db
      .select({
        planId: plans.id,
        title: plans.title,
        overdue: countWhere(assignmentStateSql('overdue', today)),
        returned: countWhere(assignmentStateSql('returned', today)),
        reported: countWhere(assignmentStateSql('reported', today)),
      })
      .from(planAssignments)
      .innerJoin(plans, eq(plans.id, planAssignments.planId))
      .where(eq(plans.status, 'issued'))
      .groupBy(plans.id, plans.title, plans.year)
      .orderBy(sql`${plans.year} desc`, asc(plans.title)),
    db
      .select({ planId: planEvents.planId, n: sql<number>`count(*)::int` })
      .from(planEvents)
      .innerJoin(plans, eq(plans.id, planEvents.planId))
      .where(and(eq(plans.status, 'issued'), sql`${planEvents.kind} in (${sql.join(MARK_KINDS.map((k) => sql`${k}`), sql`, `)})`, pendingMarkSql))
      .groupBy(planEvents.planId),
    db
      .select({ planId: plans.id, title: plans.title, date: planAssignments.dueDate, n: sql<number>`count(*)::int` })
      .from(planAssignments)
      .innerJoin(plans, eq(plans.id, planAssignments.planId))
      .where(and(eq(plans.status, 'issued'), between(planAssignments.dueDate, today, weekEnd), assignmentStateSql('open', today)))
      .groupBy(plans.id, plans.title, planAssignments.dueDate)
      .orderBy(asc(planAssignments.dueDate))
      .limit(30),
  ]);
  const several = perPlan.length > 1;
  const items: WorkbenchItem[] = perPlan.flatMap((p) => {
    const hint = several ? shortTitle(p) : undefined;
    const list = (state: string) => `/plans/${p.planId}/assignments?state=${state}`;
    return [
      { key: `overdue:${p.planId}`, label: '逾期单位任务', count: p.overdue, href: list('overdue'), tone: p.overdue ? 'danger' : 'default', hint },
      { key: `reported:${p.planId}`, label: '已报送待核查', count: p.reported, href: list('reported'), tone: p.reported ? 'warning' : 'default', hint },
      { key: `returned:${p.planId}`, label: '退回整改中', count: p.returned, href: list('returned'), tone: p.returned ? 'warning' : 'default', hint },
      {
        key: `marks:${p.planId}`,
        label: '待定通报标记',
        count: marks.find((m) => m.planId === p.planId)?.n ?? 0,
        href: `/plans/${p.planId}?tab=circulars&marks=pending`,
        tone: 'info',
        hint: hint ?? '表扬/批评，待写入下一期通报',
      },
    ] satisfies WorkbenchItem[];
  });
  const deadlines: WorkbenchDeadline[] = due.map((d) => ({ date: d.date, label: `${shortTitle(d)}：${d.n} 项单位任务到期`, href: `/plans/${d.planId}/assignments?state=open&due=${d.date}` }));
  return { items, deadlines };
}

/** A unit: its own assignments (open, returned, overdue), the reports it must check as lead unit, and its tasks due this week. */
async function loadUnit(ctx: WorkbenchContext) {
  const { db, actor, today, weekEnd } = ctx;
  const unitId = actor.unitId;
  const mine = and(eq(planAssignments.unitId, unitId), inIssuedPlan());
  const [[own], [checks], due] = await Promise.all([
    db
      .select({ open: countWhere(assignmentStateSql('open', today)), returned: countWhere(assignmentStateSql('returned', today)), overdue: countWhere(assignmentStateSql('overdue', today)) })
      .from(planAssignments)
      .where(mine),
    can(actor, 'plans.check') ? db.select({ n: sql<number>`count(*)::int` }).from(planAssignments).where(toCheckBy(unitId)) : Promise.resolve([{ n: 0 }]),
    db
      .select({ measureId: planAssignments.measureId, seq: planMeasures.seq, text: sql<string>`left(${planMeasures.text}, 40)`, date: planAssignments.dueDate })
      .from(planAssignments)
      .innerJoin(planMeasures, eq(planMeasures.id, planAssignments.measureId))
      .where(and(mine, between(planAssignments.dueDate, today, weekEnd), assignmentStateSql('open', today)))
      .orderBy(asc(planAssignments.dueDate), asc(planMeasures.seq))
      .limit(30),
  ]);
  const items: WorkbenchItem[] = [];
  if (can(actor, 'plans.check'))
    items.push({ key: 'to-check', label: '待本单位核查', count: checks.n, href: '/plans/mine?tab=check', tone: checks.n ? 'warning' : 'default', hint: '牵头举措中责任单位已报送的任务' });
  if (can(actor, 'plans.report'))
    items.push(
      { key: 'returned', label: '被退回待重报', count: own.returned, href: '/plans/mine?filter=returned', tone: own.returned ? 'danger' : 'default' },
      { key: 'overdue', label: '逾期任务', count: own.overdue, href: '/plans/mine?filter=overdue', tone: own.overdue ? 'danger' : 'default' },
      { key: 'open', label: '未完成任务', count: own.open, href: '/plans/mine?filter=open', tone: own.open ? 'info' : 'default' },
    );
  const text = (s: string) => s.replace(/\s+/g, '').replace(/^\d+[．.、]/, '');
  const deadlines: WorkbenchDeadline[] = due.map((d) => ({ date: d.date, label: `举措 ${d.seq} 到期：${text(d.text)}…`, href: `/measures/${d.measureId}` }));
  return { items, deadlines };
}

export const planWorkbenchSources: WorkbenchSource[] = [
  { id: 'plans.office', module: 'plans', title: '任务分工督办', roles: ['sys_admin', 'office_admin'], order: 10, load: loadOffice },
  { id: 'plans.unit', module: 'plans', title: '本单位任务', roles: ['liaison', 'editor', 'reviewer', 'approver', 'responder', 'readonly'], order: 20, load: loadUnit },
];
