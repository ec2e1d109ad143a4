import { and, asc, count, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ledgerEvents, ledgerItems, units } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { todayInShanghai } from '../calendar/dates.ts';
import { notFound } from '../errors.ts';
import { assertCan, isDistrictWide } from '../policy.ts';
import { soonLimitFor } from './ledger-clock.ts';
import { LEDGER_STATUS_CODES, OPEN_STATUSES } from './ledger-states.ts';
import { visibleTo } from './load-ledger-item.ts';

export const listLedgerQuery = z.object({
  subjectType: z.string().max(40).optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  /** One state, or `open` (待签收, 已签收, 已退回). */
  status: z.enum([...LEDGER_STATUS_CODES, 'open']).optional(),
  /** `soon`: open and due within LEDGER_REMIND_DAYS working days (today included); `overdue`: open and past due. */
  due: z.enum(['soon', 'overdue']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(50),
});

/**
 * Ledger items as the actor may see them — the office every unit's (optionally one unit's), a unit
 * only its own — filtered by subject type, state and due state, soonest due first.
 */
export async function listLedgerItems(ctx: OpContext, raw: z.input<typeof listLedgerQuery>, opts: { soonDays: number; today?: string }) {
  assertCan(ctx.actor, 'ledger.read');
  const q = listLedgerQuery.parse(raw);
  const today = opts.today ?? todayInShanghai();
  const where: SQL[] = [];
  if (!isDistrictWide(ctx.actor)) where.push(eq(ledgerItems.unitId, ctx.actor.unitId));
  else if (q.unitId) where.push(eq(ledgerItems.unitId, q.unitId));
  if (q.subjectType) where.push(eq(ledgerItems.subjectType, q.subjectType));
  if (q.status === 'open' || q.due) where.push(inArray(ledgerItems.status, OPEN_STATUSES));
  else if (q.status) where.push(eq(ledgerItems.status, q.status));
  if (q.status && q.status !== 'open' && q.due) where.push(eq(ledgerItems.status, q.status));
  if (q.due === 'overdue') where.push(lt(ledgerItems.dueDate, today));
  if (q.due === 'soon') {
    const limit = await soonLimitFor(ctx.db, today, opts.soonDays);
    where.push(sql`${ledgerItems.dueDate} >= ${today}`, lte(ledgerItems.dueDate, limit));
  }
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = await ctx.db.select({ total: count() }).from(ledgerItems).where(cond);
  const rows = await ctx.db
    .select({ item: ledgerItems, unitName: units.name })
    .from(ledgerItems)
    .leftJoin(units, eq(units.id, ledgerItems.unitId))
    .where(cond)
    .orderBy(asc(ledgerItems.dueDate), asc(ledgerItems.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total, items: rows.map((r) => presentLedgerItem(r.item, r.unitName, today)) };
}

/** One item with its timeline, if the actor may see it (else 404 `ledger_item_not_found`). */
export async function getLedgerItem(ctx: OpContext, id: string, opts: { today?: string } = {}) {
  assertCan(ctx.actor, 'ledger.read');
  const [row] = await ctx.db.select({ item: ledgerItems, unitName: units.name }).from(ledgerItems).leftJoin(units, eq(units.id, ledgerItems.unitId)).where(eq(ledgerItems.id, id));
  if (!row || !visibleTo(ctx, row.item)) throw notFound('ledger_item_not_found', '交办事项不存在');
  return { ...presentLedgerItem(row.item, row.unitName, opts.today ?? todayInShanghai()), timeline: await ledgerTimeline(ctx, id) };
}

/** The timeline of an item, oldest first, with unit names. */
export async function ledgerTimeline(ctx: OpContext, itemId: string) {
  const rows = await ctx.db.select().from(ledgerEvents).where(eq(ledgerEvents.itemId, itemId)).orderBy(asc(ledgerEvents.id));
  const ids = [...new Set(rows.flatMap((r) => [r.fromUnitId, r.toUnitId]).filter((x): x is string => !!x))];
  const names = new Map((ids.length ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : []).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actorName,
    action: r.action,
    note: r.note,
    fromUnit: r.fromUnitId ? (names.get(r.fromUnitId) ?? null) : null,
    toUnit: r.toUnitId ? (names.get(r.toUnitId) ?? null) : null,
  }));
}

/** Open items per unit: total, due soon, overdue (the office's overview). */
export async function ledgerCountsByUnit(ctx: OpContext, opts: { subjectType?: string; soonLimit: string; today?: string }) {
  assertCan(ctx.actor, 'ledger.read');
  const today = opts.today ?? todayInShanghai();
  const where = [inArray(ledgerItems.status, OPEN_STATUSES)];
  if (opts.subjectType) where.push(eq(ledgerItems.subjectType, opts.subjectType));
  if (!isDistrictWide(ctx.actor)) where.push(eq(ledgerItems.unitId, ctx.actor.unitId));
  return ctx.db
    .select({
      unitId: ledgerItems.unitId,
      unitName: units.name,
      open: sql<number>`count(*)::int`,
      dueSoon: sql<number>`(count(*) filter (where ${ledgerItems.dueDate} >= ${today} and ${ledgerItems.dueDate} <= ${opts.soonLimit}))::int`,
      overdue: sql<number>`(count(*) filter (where ${ledgerItems.dueDate} < ${today}))::int`,
    })
    .from(ledgerItems)
    .leftJoin(units, eq(units.id, ledgerItems.unitId))
    .where(and(...where))
    .groupBy(ledgerItems.unitId, units.name);
}

type Row = typeof ledgerItems.$inferSelect;
export function presentLedgerItem(item: Row, unitName: string | null, today: string) {
  const open = (OPEN_STATUSES as string[]).includes(item.status);
  return {
    id: item.id,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    title: item.title,
    link: item.link,
    unitId: item.unitId,
    unitName,
    status: item.status,
    receivedOn: item.receivedOn,
    dueDate: item.dueDate,
    workingDays: item.workingDays,
    extendedDays: item.extendedDays,
    extension: item.extension,
    extensionDays: item.extensionDays,
    extensionReason: item.extensionReason,
    returnReason: item.returnReason,
    repliedOn: item.repliedOn,
    overdue: open ? item.dueDate < today : item.repliedOn !== null && item.repliedOn > item.dueDate,
    updatedAt: item.updatedAt,
  };
}
