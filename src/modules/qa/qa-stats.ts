import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, units } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

export const statsQuery = z.object({
  /** YYYY-MM: one month; absent: the last 12 months. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u, '月份应为 YYYY-MM').optional(),
});

function range(month: string | undefined): { from: string; to: string } {
  if (month) {
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return { from: `${month}-01`, to: next };
  }
  const today = todayInShanghai();
  return { from: addDays(today, -365), to: addDays(today, 1) };
}

/**
 * 统计: consultations by channel and unit, answered at once, replied on time, overdue, feedback, and
 * the questions most often left unanswered by the library. Counted in SQL over the ledger.
 */
export async function qaStats(ctx: OpContext, raw: z.input<typeof statsQuery>) {
  assertCan(ctx.actor, 'qa.read');
  const { month } = statsQuery.parse(raw);
  const { from, to } = range(month);
  const today = todayInShanghai();
  const inRange = and(gte(qaConsultations.receivedOn, from), lt(qaConsultations.receivedOn, to));
  const byChannel = await ctx.db
    .select({
      channel: qaConsultations.channel,
      total: sql<number>`count(*)::int`,
      answeredAtOnce: sql<number>`count(*) filter (where ${qaConsultations.answeredOnSpot})::int`,
      registered: sql<number>`count(*) filter (where ${qaConsultations.queryCode} is not null)::int`,
      repliedOnTime: sql<number>`count(*) filter (where ${qaConsultations.status} = 'replied' and (${qaConsultations.repliedAt} at time zone 'Asia/Shanghai')::date <= ${qaConsultations.dueOn})::int`,
      repliedLate: sql<number>`count(*) filter (where ${qaConsultations.status} = 'replied' and (${qaConsultations.repliedAt} at time zone 'Asia/Shanghai')::date > ${qaConsultations.dueOn})::int`,
      overdue: sql<number>`count(*) filter (where ${qaConsultations.status} = 'registered' and ${qaConsultations.dueOn} < ${today})::int`,
      useful: sql<number>`count(*) filter (where ${qaConsultations.feedback} = 'useful')::int`,
      notUseful: sql<number>`count(*) filter (where ${qaConsultations.feedback} = 'not_useful')::int`,
    })
    .from(qaConsultations)
    .where(inRange)
    .groupBy(qaConsultations.channel);
  const byUnit = await ctx.db
    .select({
      unitId: qaConsultations.unitId,
      unitName: units.name,
      registered: sql<number>`count(*)::int`,
      replied: sql<number>`count(*) filter (where ${qaConsultations.status} = 'replied')::int`,
      repliedOnTime: sql<number>`count(*) filter (where ${qaConsultations.status} = 'replied' and (${qaConsultations.repliedAt} at time zone 'Asia/Shanghai')::date <= ${qaConsultations.dueOn})::int`,
      overdue: sql<number>`count(*) filter (where ${qaConsultations.status} = 'registered' and ${qaConsultations.dueOn} < ${today})::int`,
    })
    .from(qaConsultations)
    .leftJoin(units, eq(units.id, qaConsultations.unitId))
    .where(and(inRange, sql`${qaConsultations.queryCode} is not null`))
    .groupBy(qaConsultations.unitId, units.name)
    .orderBy(sql`count(*) desc`);
  const unanswered = await ctx.db
    .select({ question: sql<string>`min(${qaConsultations.question})`, times: sql<number>`count(*)::int` })
    .from(qaConsultations)
    .where(and(inRange, eq(qaConsultations.answeredOnSpot, false)))
    .groupBy(sql`lower(regexp_replace(${qaConsultations.question}, '[[:space:][:punct:]？！，。、]', '', 'g'))`)
    .orderBy(sql`count(*) desc`, sql`min(${qaConsultations.question})`)
    .limit(20);
  const sum = (k: keyof (typeof byChannel)[number]) => byChannel.reduce((s, r) => s + (r[k] as number), 0);
  return {
    from,
    to,
    totals: { total: sum('total'), answeredAtOnce: sum('answeredAtOnce'), registered: sum('registered'), repliedOnTime: sum('repliedOnTime'), repliedLate: sum('repliedLate'), overdue: sum('overdue'), useful: sum('useful'), notUseful: sum('notUseful') },
    byChannel,
    byUnit,
    unanswered,
  };
}
