import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { opinionEvents, opinionSupervisions, units, users } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { SUPERVISION_KINDS, SUPERVISION_LABEL } from './kinds.ts';

export const supervisionInput = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  eventId: z.uuid('舆情编号格式不正确').nullish(),
  kind: z.enum(SUPERVISION_KINDS, { message: '类型应为通报批评（criticize）或约谈（interview）' }),
  reason: z.string().trim().min(4, '请填写事由').max(2000, '事由不能超过 2000 字'),
  heldOn: z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD'),
});

/** 通报批评 / 约谈 of a unit over its opinion work (slow, wrong or no response); the unit is told. */
export async function recordSupervision(ctx: OpContext, raw: z.input<typeof supervisionInput>, opts: { isSample?: boolean } = {}) {
  assertCan(ctx.actor, 'opinion.manage');
  const input = supervisionInput.parse(raw);
  if (input.heldOn > todayInShanghai()) throw invalid('date_in_future', '日期不能晚于今天');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const [u] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw invalid('unknown_unit', '单位不存在');
    if (input.eventId) {
      const [e] = await tx.db.select({ id: opinionEvents.id }).from(opinionEvents).where(eq(opinionEvents.id, input.eventId));
      if (!e) throw invalid('unknown_event', '舆情事件不存在');
    }
    const [row] = await tx.db.insert(opinionSupervisions).values({ ...input, eventId: input.eventId ?? null, isSample: opts.isSample ?? false, createdBy: actor.id }).returning();
    await notifyUnits(tx.db, [input.unitId], { kind: `opinion.${input.kind}`, title: `政务舆情回应${SUPERVISION_LABEL[input.kind]}：${input.reason.slice(0, 60)}`, link: input.eventId ? `/admin/opinion/events/${input.eventId}` : '/admin/opinion/supervisions' });
    await writeAudit(tx, { action: `opinion.${input.kind}`, entity: 'opinion_supervision', entityId: row.id, after: input });
    return row;
  });
}

export const withdrawSupervisionInput = z.object({ reason: z.string().trim().min(2, '请填写撤回理由').max(500, '撤回理由不能超过 500 字') });

/** A record made in error is withdrawn (kept, flagged); the 通报 no longer reads it. */
export async function withdrawSupervision(ctx: OpContext, id: string, raw: z.input<typeof withdrawSupervisionInput>) {
  assertCan(ctx.actor, 'opinion.manage');
  const input = withdrawSupervisionInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(opinionSupervisions).where(eq(opinionSupervisions.id, id)).for('update');
    if (!before) throw notFound('supervision_not_found', '记录不存在');
    if (before.withdrawn) throw conflict('already_withdrawn', '该记录已撤回');
    const [row] = await tx.db.update(opinionSupervisions).set({ withdrawn: true }).where(eq(opinionSupervisions.id, id)).returning();
    await writeAudit(tx, { action: 'opinion.supervision_withdraw', entity: 'opinion_supervision', entityId: id, before: { withdrawn: false }, after: { withdrawn: true, reason: input.reason } });
    return row;
  });
}

/**
 * The 通报批评 and 约谈 records of a period, withdrawn ones left out unless asked: the plans module's
 * 通报 draft and the assessment read this.
 */
export async function supervisionRecords(db: Db, period: { from: string; to: string }, opts: { withWithdrawn?: boolean } = {}) {
  return db
    .select({
      id: opinionSupervisions.id,
      unitId: opinionSupervisions.unitId,
      unitName: sql<string>`coalesce(${units.shortName}, ${units.name})`,
      kind: opinionSupervisions.kind,
      reason: opinionSupervisions.reason,
      heldOn: opinionSupervisions.heldOn,
      eventId: opinionSupervisions.eventId,
      withdrawn: opinionSupervisions.withdrawn,
      isSample: opinionSupervisions.isSample,
      createdByName: users.displayName,
    })
    .from(opinionSupervisions)
    .innerJoin(units, eq(units.id, opinionSupervisions.unitId))
    .leftJoin(users, eq(users.id, opinionSupervisions.createdBy))
    .where(and(gte(opinionSupervisions.heldOn, period.from), lte(opinionSupervisions.heldOn, period.to), opts.withWithdrawn ? undefined : eq(opinionSupervisions.withdrawn, false)))
    .orderBy(desc(opinionSupervisions.heldOn), desc(opinionSupervisions.createdAt));
}

export const supervisionQuery = z.object({ year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确') });

export async function listSupervisions(ctx: OpContext, raw: z.input<typeof supervisionQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const { year } = supervisionQuery.parse(raw);
  return { items: await supervisionRecords(ctx.db, { from: `${year}-01-01`, to: `${year}-12-31` }, { withWithdrawn: true }) };
}
