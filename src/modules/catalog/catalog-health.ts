import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns, documents, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';

const VISIBLE = sql`${documents.status} in ('published','scheduled') and ${documents.publishedAt} <= now()`;

/**
 * The website inspection checks (国办秘函〔2019〕19号) over the catalog: columns not updated within
 * their interval, blank leaf columns without a 备注说明, and documents still marked 现行有效 although
 * a replacement has been published. Each finding names the owning unit.
 */
export async function catalogHealth(db: Db, now = new Date()) {
  const [cols, stats, stale] = await Promise.all([
    db
      .select({ id: catalogColumns.id, name: catalogColumns.name, slug: catalogColumns.slug, parentId: catalogColumns.parentId, siteUnitId: catalogColumns.siteUnitId, ownerUnitIds: catalogColumns.ownerUnitIds, interval: catalogColumns.updateIntervalDays, note: catalogColumns.note, siteName: sql<string>`coalesce(${units.shortName}, ${units.name})` })
      .from(catalogColumns)
      .innerJoin(units, eq(units.id, catalogColumns.siteUnitId)),
    db.select({ columnId: documents.columnId, latest: sql<Date | string>`max(${documents.publishedAt})` }).from(documents).where(VISIBLE).groupBy(documents.columnId),
    db
      .select({ id: documents.id, title: documents.title, columnId: documents.columnId, siteUnitId: documents.siteUnitId, replacedById: documents.replacedById })
      .from(documents)
      .where(and(eq(documents.validity, 'valid'), isNotNull(documents.replacedById), VISIBLE)),
  ]);
  const latest = new Map(stats.map((s) => [s.columnId, new Date(s.latest)]));
  const hasChildren = new Set(cols.map((c) => c.parentId).filter(Boolean));
  const overdue = cols
    .filter((c) => c.interval && latest.has(c.id) && (now.getTime() - latest.get(c.id)!.getTime()) / 86_400_000 > c.interval)
    .map((c) => ({ ...c, latest: latest.get(c.id)!.toISOString(), daysSince: Math.floor((now.getTime() - latest.get(c.id)!.getTime()) / 86_400_000) }));
  const blank = cols.filter((c) => !hasChildren.has(c.id) && !latest.has(c.id) && !c.note);
  const replacedIds = stale.map((s) => s.replacedById!).filter(Boolean);
  const replacements = replacedIds.length ? await db.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, replacedIds), VISIBLE)) : [];
  const live = new Set(replacements.map((r) => r.id));
  const outdated = stale.filter((s) => live.has(s.replacedById!));
  return { asOf: todayInShanghai(now), overdue, blank, outdated };
}

export async function getCatalogHealth(ctx: OpContext) {
  assertCan(ctx.actor, 'catalog.manage');
  const h = await catalogHealth(ctx.db);
  // A site with five or more blank columns fails the inspection outright; list those sites first.
  const blankBySite = new Map<string, number>();
  for (const c of h.blank) blankBySite.set(c.siteName, (blankBySite.get(c.siteName) ?? 0) + 1);
  return { ...h, blankBySite: [...blankBySite].map(([site, n]) => ({ site, blank: n, failing: n >= 5 })).sort((a, b) => b.blank - a.blank) };
}

/** Daily: tells each owning unit what the inspection would find in its columns. */
export async function remindCatalogOwners(db: Db) {
  const h = await catalogHealth(db);
  const perUnit = new Map<string, { overdue: number; blank: number; outdated: number }>();
  const bump = (unitIds: string[], k: 'overdue' | 'blank' | 'outdated') => {
    for (const u of unitIds) {
      const e = perUnit.get(u) ?? { overdue: 0, blank: 0, outdated: 0 };
      e[k]++;
      perUnit.set(u, e);
    }
  };
  for (const c of h.overdue) bump(c.ownerUnitIds.length ? c.ownerUnitIds : [c.siteUnitId], 'overdue');
  for (const c of h.blank) bump(c.ownerUnitIds.length ? c.ownerUnitIds : [c.siteUnitId], 'blank');
  for (const d of h.outdated) bump([d.siteUnitId], 'outdated');
  for (const [unitId, e] of perUnit)
    await notifyUnits(db, [unitId], {
      kind: 'catalog.health',
      title: `栏目检查（${h.asOf}）：超期未更新 ${e.overdue} 个，空白栏目 ${e.blank} 个，有效性待更新文件 ${e.outdated} 个`,
      body: '空白栏目如确无信息可公开，请填写备注说明。',
      link: '/admin/',
    }, ['liaison', 'editor']);
  return { units: perUnit.size };
}

