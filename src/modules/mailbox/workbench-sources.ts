import { and, asc, between, eq, sql, type SQL } from 'drizzle-orm';
import { mailboxCalls, mailboxMessages } from '../../db/schema/index.ts';
import type { WorkbenchContext, WorkbenchDeadline, WorkbenchItem, WorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { callStateSql, messageStateSql, type DueWindow } from './message-filters.ts';
import { soonLimit } from '../../platform/ledger/ledger-clock.ts';

const countWhere = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;

async function window(ctx: WorkbenchContext, soonDays: number): Promise<DueWindow> {
  return { today: ctx.today, soonLimit: soonLimit(await ctx.calendar(), ctx.today, soonDays) };
}

/** Open messages and pending callbacks due this week, one deadline per day and kind. */
async function deadlines(ctx: WorkbenchContext, messageScope: SQL | undefined, callScope: SQL | undefined): Promise<WorkbenchDeadline[]> {
  const [messages, calls] = await Promise.all([
    ctx.db
      .select({ date: mailboxMessages.dueDate, n: sql<number>`count(*)::int` })
      .from(mailboxMessages)
      .where(and(messageScope, messageStateSql.open(), between(mailboxMessages.dueDate, ctx.today, ctx.weekEnd)))
      .groupBy(mailboxMessages.dueDate)
      .orderBy(asc(mailboxMessages.dueDate))
      .limit(30),
    ctx.db
      .select({ date: sql<string>`${mailboxCalls.callbackDue}`, n: sql<number>`count(*)::int` })
      .from(mailboxCalls)
      .where(and(callScope, callStateSql.pending(), between(mailboxCalls.callbackDue, ctx.today, ctx.weekEnd)))
      .groupBy(mailboxCalls.callbackDue)
      .orderBy(asc(mailboxCalls.callbackDue))
      .limit(30),
  ]);
  return [
    ...messages.map((d) => ({ date: d.date, label: `${d.n} 件信箱留言到期`, href: `/mailbox?dueDate=${d.date}` })),
    ...calls.map((d) => ({ date: d.date, label: `${d.n} 个来电待回电`, href: `/mailbox/calls?dueDate=${d.date}` })),
  ];
}

/** The office: messages to review and to send on, extensions to decide, due soon and overdue (all units), callbacks overdue. */
async function loadOffice(ctx: WorkbenchContext, soonDays: number) {
  const w = await window(ctx, soonDays);
  const [[m], [c], due] = await Promise.all([
    ctx.db
      .select({
        review: countWhere(eq(mailboxMessages.status, 'received')),
        triage: countWhere(messageStateSql.toTriage()),
        extension: countWhere(messageStateSql.extensionRequested()),
        soon: countWhere(messageStateSql.due('soon', w)),
        overdue: countWhere(messageStateSql.due('overdue', w)),
      })
      .from(mailboxMessages),
    ctx.db.select({ overdue: countWhere(callStateSql.state('overdue', w)) }).from(mailboxCalls),
    deadlines(ctx, undefined, undefined),
  ]);
  const items: WorkbenchItem[] = [
    { key: 'review', label: '待审看留言', count: m.review, href: '/mailbox?status=received', tone: m.review ? 'warning' : 'default' },
    { key: 'triage', label: '待分办留言', count: m.triage, href: '/mailbox?stage=triage', tone: m.triage ? 'warning' : 'default', hint: '已受理、退回或重新办理' },
    { key: 'extension', label: '延期待审批', count: m.extension, href: '/mailbox?stage=extension', tone: m.extension ? 'warning' : 'default' },
    { key: 'soon', label: '即将到期留言', count: m.soon, href: '/mailbox?due=soon', tone: m.soon ? 'info' : 'default' },
    { key: 'overdue', label: '逾期未答复留言', count: m.overdue, href: '/mailbox?due=overdue', tone: m.overdue ? 'danger' : 'default' },
    { key: 'callbacks', label: '逾期未回电', count: c.overdue, href: '/mailbox/calls?state=overdue', tone: c.overdue ? 'danger' : 'default' },
  ];
  return { items, deadlines: due };
}

/** A unit: messages to sign for, due soon and overdue (its own), callbacks due and overdue. */
async function loadUnit(ctx: WorkbenchContext, soonDays: number) {
  const w = await window(ctx, soonDays);
  const mine = eq(mailboxMessages.unitId, ctx.actor.unitId);
  const ownCalls = eq(mailboxCalls.unitId, ctx.actor.unitId);
  const [[m], [c], due] = await Promise.all([
    ctx.db
      .select({ sign: countWhere(messageStateSql.toSign()), soon: countWhere(messageStateSql.due('soon', w)), overdue: countWhere(messageStateSql.due('overdue', w)) })
      .from(mailboxMessages)
      .where(mine),
    ctx.db.select({ pending: countWhere(callStateSql.pending()), overdue: countWhere(callStateSql.state('overdue', w)) }).from(mailboxCalls).where(ownCalls),
    deadlines(ctx, mine, ownCalls),
  ]);
  const items: WorkbenchItem[] = [
    { key: 'sign', label: '待签收留言', count: m.sign, href: '/mailbox?stage=sign', tone: m.sign ? 'warning' : 'default' },
    { key: 'soon', label: '即将到期留言', count: m.soon, href: '/mailbox?due=soon', tone: m.soon ? 'info' : 'default' },
    { key: 'overdue', label: '逾期未答复留言', count: m.overdue, href: '/mailbox?due=overdue', tone: m.overdue ? 'danger' : 'default' },
    { key: 'callbacks', label: '待回电', count: c.pending, href: '/mailbox/calls?state=pending', tone: c.pending ? 'warning' : 'default' },
    { key: 'callbacks-overdue', label: '逾期未回电', count: c.overdue, href: '/mailbox/calls?state=overdue', tone: c.overdue ? 'danger' : 'default' },
  ];
  return { items, deadlines: due };
}

/** The mailbox's workbench cards; "due soon" is within `soonDays` (LEDGER_REMIND_DAYS) working days, as in the list. */
export const mailboxWorkbenchSources = (soonDays: number): WorkbenchSource[] => [
  { id: 'mailbox.office', module: 'mailbox', title: '公开信箱与来电', roles: ['sys_admin', 'office_admin'], order: 40, load: (ctx) => loadOffice(ctx, soonDays) },
  { id: 'mailbox.unit', module: 'mailbox', title: '本单位信箱与来电', roles: ['liaison', 'responder'], order: 45, load: (ctx) => loadUnit(ctx, soonDays) },
];
