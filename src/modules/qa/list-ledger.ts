import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { qaConsultations, qaEntries, QA_CHANNELS, QA_CONSULTATION_STATUSES, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { LEDGER_FILTERS, ledgerFilterDay, ledgerFilterSql } from './ledger-filters.ts';

export const ledgerQuery = z.object({
  status: z.enum(QA_CONSULTATION_STATUSES, { message: '状态不正确' }).optional(),
  channel: z.enum(QA_CHANNELS, { message: '渠道不正确' }).optional(),
  /** awaiting 待答复 | due_soon 两个工作日内到期 | overdue 已逾期 | unrouted 待交办 | proposal 待入库 (ledger-filters.ts) */
  due: z.enum(LEDGER_FILTERS, { message: '筛选条件不正确' }).optional(),
  proposal: z.enum(['pending']).optional(),
  /** Reply due on this day (the workbench's deadlines). */
  dueOn: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  unitId: z.uuid('单位不正确').optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 登记台账: every consultation; a unit's staff see their unit's, the office all. */
export async function listLedger(ctx: OpContext, raw: z.input<typeof ledgerQuery>) {
  assertCan(ctx.actor, 'qa.read');
  const q = ledgerQuery.parse(raw);
  const today = todayInShanghai();
  const where: SQL[] = [];
  if (!isDistrictWide(ctx.actor)) where.push(eq(qaConsultations.unitId, ctx.actor.unitId));
  else if (q.unitId) where.push(eq(qaConsultations.unitId, q.unitId));
  if (q.status) where.push(eq(qaConsultations.status, q.status));
  if (q.channel) where.push(eq(qaConsultations.channel, q.channel));
  const day = q.due || q.proposal ? ledgerFilterDay(await loadCalendar(ctx.db), today) : null;
  if (q.due) where.push(ledgerFilterSql(q.due, day!));
  if (q.proposal) where.push(ledgerFilterSql('proposal', day!));
  if (q.dueOn) where.push(eq(qaConsultations.dueOn, q.dueOn));
  if (q.q) where.push(ilike(qaConsultations.question, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const cond = where.length ? and(...where) : undefined;
  const suggested = alias(units, 'suggested_unit');
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: qaConsultations.id,
        channel: qaConsultations.channel,
        question: qaConsultations.question,
        askerName: qaConsultations.askerName,
        askerContact: qaConsultations.askerContact,
        askerEmail: qaConsultations.askerEmail,
        receivedAt: qaConsultations.receivedAt,
        answeredOnSpot: qaConsultations.answeredOnSpot,
        status: qaConsultations.status,
        queryCode: qaConsultations.queryCode,
        unitId: qaConsultations.unitId,
        unitName: units.name,
        suggestedUnitId: qaConsultations.suggestedUnitId,
        suggestedUnitName: suggested.name,
        acceptedAt: qaConsultations.acceptedAt,
        dueOn: qaConsultations.dueOn,
        repliedAt: qaConsultations.repliedAt,
        replyText: qaConsultations.replyText,
        feedback: qaConsultations.feedback,
        matchedEntryId: qaConsultations.matchedEntryId,
        matchedQuestion: qaEntries.question,
        proposalStatus: qaConsultations.proposalStatus,
        proposalKind: qaConsultations.proposalKind,
        proposalEntryId: qaConsultations.proposalEntryId,
        history: qaConsultations.history,
        isSample: qaConsultations.isSample,
      })
      .from(qaConsultations)
      .leftJoin(units, eq(units.id, qaConsultations.unitId))
      .leftJoin(suggested, eq(suggested.id, qaConsultations.suggestedUnitId))
      .leftJoin(qaEntries, eq(qaEntries.id, qaConsultations.matchedEntryId))
      .where(cond)
      .orderBy(desc(qaConsultations.receivedAt), desc(qaConsultations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(qaConsultations).where(cond),
  ]);
  return { items: items.map((i) => ({ ...i, overdue: i.status === 'registered' && !!i.dueOn && i.dueOn < today })), total, today };
}

