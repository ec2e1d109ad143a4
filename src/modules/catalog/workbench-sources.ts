import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { catalogColumns, documents, units } from '../../db/schema/index.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { WorkbenchContext, WorkbenchDeadline, WorkbenchItem, WorkbenchSource } from '../../platform/workbench/workbench-source.ts';
import { catalogHealth } from './catalog-health.ts';
import { countDocuments, reviewQueue } from './list-documents.ts';

/** 条例 第26条: published within 20 working days of being made (成文日期). */
const PUBLISH_WITHIN_WORKING_DAYS = 20;
/** How many queued or drafted documents are read for their due dates (the counts are exact regardless). */
const DUE_SCAN = 200;

/**
 * A document's due date: its scheduled publication (定时发布) if set, else 20 working days after its
 * 成文日期; none when neither is known or the calendar has no such year yet.
 */
function dueOf(doc: { writtenOn: string | null; publishAt: Date | null }, calendar: Calendar): string | null {
  if (doc.publishAt) return todayInShanghai(doc.publishAt);
  if (!doc.writtenOn) return null;
  try {
    return calendar.addWorkingDays(doc.writtenOn, PUBLISH_WITHIN_WORKING_DAYS);
  } catch {
    return null;
  }
}

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

/** 待我审核: documents whose current review step is the caller's, with their due dates. */
async function loadReview(ctx: WorkbenchContext) {
  const op = { db: ctx.db, actor: ctx.actor };
  const [total, queue, calendar] = await Promise.all([countDocuments(op, { awaiting: 'mine' }), reviewQueue(op, DUE_SCAN), ctx.calendar()]);
  const dated = queue.map((d) => ({ ...d, due: dueOf(d, calendar) }));
  const late = dated.filter((d) => d.due && d.due < ctx.today).length;
  const earliest = dated.map((d) => d.due).filter((d): d is string => !!d).sort()[0];
  const hint = late ? `其中 ${late} 件已过公开时限` : earliest ? `最早一件 ${earliest} 前须公开` : undefined;
  const items: WorkbenchItem[] = [
    {
      key: 'awaiting-mine',
      label: '待我审核',
      count: total,
      href: '/catalog/documents?view=mine',
      tone: late ? 'danger' : total ? 'warning' : 'default',
      ...(hint && { hint }),
    },
  ];
  const deadlines: WorkbenchDeadline[] = dated.flatMap((d) => (d.due ? [{ date: d.due, label: `审核：${clip(d.title)}`, href: `/catalog/documents/${d.id}` }] : []));
  return { items, deadlines };
}

/** The caller's own drafts and returned documents, and when each must be public. */
async function loadDrafts(ctx: WorkbenchContext) {
  const op = { db: ctx.db, actor: ctx.actor };
  const [drafts, returned, dated, calendar] = await Promise.all([
    countDocuments(op, { author: 'me', status: 'draft' }),
    countDocuments(op, { author: 'me', status: 'returned' }),
    ctx.db
      .select({ id: documents.id, title: documents.title, status: documents.status, writtenOn: documents.writtenOn, publishAt: documents.publishAt })
      .from(documents)
      .where(and(eq(documents.createdBy, ctx.actor.id), inArray(documents.status, ['draft', 'returned', 'scheduled']), sql`(${documents.writtenOn} is not null or ${documents.publishAt} is not null)`))
      .limit(DUE_SCAN),
    ctx.calendar(),
  ]);
  const items: WorkbenchItem[] = [
    { key: 'returned', label: '被退回的文件', count: returned, href: '/catalog/documents?view=authored&status=returned', tone: returned ? 'danger' : 'default' },
    { key: 'drafts', label: '我的草稿', count: drafts, href: '/catalog/documents?view=authored&status=draft', tone: drafts ? 'info' : 'default' },
  ];
  const deadlines: WorkbenchDeadline[] = dated.flatMap((d) => {
    const due = d.status === 'scheduled' ? (d.publishAt ? todayInShanghai(d.publishAt) : null) : dueOf(d, calendar);
    return due ? [{ date: due, label: `${d.status === 'scheduled' ? '定时发布' : '公开时限'}：${clip(d.title)}`, href: `/catalog/documents/${d.id}` }] : [];
  });
  return { items, deadlines };
}

/** The district office: what a website inspection would find now, and the columns that fall due this week. */
async function loadHealth(ctx: WorkbenchContext) {
  const [h, dueColumns] = await Promise.all([
    catalogHealth(ctx.db),
    ctx.db
      .select({
        name: catalogColumns.name,
        site: sql<string>`coalesce(${units.shortName}, ${units.name})`,
        dueAt: sql<number>`(extract(epoch from max(${documents.publishedAt}) + make_interval(days => ${catalogColumns.updateIntervalDays})) * 1000)::float8`,
      })
      .from(catalogColumns)
      .innerJoin(units, eq(units.id, catalogColumns.siteUnitId))
      .innerJoin(documents, eq(documents.columnId, catalogColumns.id))
      .where(and(isNotNull(catalogColumns.updateIntervalDays), sql`${documents.status} in ('published','scheduled') and ${documents.publishedAt} <= now()`))
      .groupBy(catalogColumns.id, catalogColumns.name, units.shortName, units.name, catalogColumns.updateIntervalDays)
      .having(sql`max(${documents.publishedAt}) + make_interval(days => ${catalogColumns.updateIntervalDays}) between now() and now() + interval '7 days'`)
      .limit(30),
  ]);
  const items: WorkbenchItem[] = [
    { key: 'overdue', label: '超期未更新栏目', count: h.overdue.length, href: '/catalog/columns?health=overdue', tone: h.overdue.length ? 'danger' : 'default' },
    { key: 'blank', label: '空白栏目', count: h.blank.length, href: '/catalog/columns?health=blank', tone: h.blank.length ? 'warning' : 'default', hint: '无信息且无备注说明' },
    { key: 'outdated', label: '有效性待更新文件', count: h.outdated.length, href: '/catalog/columns?health=outdated', tone: h.outdated.length ? 'warning' : 'default' },
  ];
  const deadlines: WorkbenchDeadline[] = dueColumns.map((c) => ({ date: todayInShanghai(new Date(Number(c.dueAt))), label: `栏目应更新：${c.site}›${c.name}`, href: '/catalog/columns?health=overdue' }));
  return { items, deadlines };
}

export const catalogWorkbenchSources: WorkbenchSource[] = [
  { id: 'catalog.review', module: 'catalog', title: '文件审核', roles: ['sys_admin', 'office_admin', 'liaison', 'reviewer', 'approver'], order: 30, load: loadReview },
  { id: 'catalog.drafts', module: 'catalog', title: '我起草的文件', roles: ['sys_admin', 'office_admin', 'liaison', 'editor'], order: 40, load: loadDrafts },
  { id: 'catalog.health', module: 'catalog', title: '栏目检查', roles: ['sys_admin', 'office_admin'], order: 50, load: loadHealth },
];
