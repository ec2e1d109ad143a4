import { and, gte, lte } from 'drizzle-orm';
import { mailboxMessages } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { invalid } from '../../platform/errors.ts';
import { ratingsGiven } from './ratings-given.ts';

/**
 * One month's figures (published monthly): messages received in the month, each counted under the
 * word of its review — 受理 (accepted, whatever came after), 不予受理, or 待审看 (not yet reviewed), so
 * the three add up to the messages received. Of those not rejected: replied, replied on time (by the
 * due date), average working days from receipt to reply, and the ratings given — every rating the
 * writers gave, an earlier reply's 不满意 that reopened a message as well as the next reply's.
 */
export async function monthlyStats(ctx: OpContext, month: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid('invalid_month', '月份格式应为 YYYY-MM');
  const first = `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const rows = await ctx.db
    .select({ status: mailboxMessages.status, receivedOn: mailboxMessages.receivedOn, repliedOn: mailboxMessages.repliedOn, dueDate: mailboxMessages.dueDate, rating: mailboxMessages.rating, earlierRatings: mailboxMessages.earlierRatings })
    .from(mailboxMessages)
    .where(and(gte(mailboxMessages.receivedOn, first), lte(mailboxMessages.receivedOn, last)));
  const calendar = await loadCalendar(ctx.db);
  const taken = rows.filter((r) => r.status !== 'rejected');
  const replied = taken.filter((r) => r.repliedOn);
  const days = replied.map((r) => {
    try {
      return calendar.workingDaysBetween(r.receivedOn, r.repliedOn!);
    } catch {
      return 0;
    }
  });
  const ratings = { 满意: 0, 基本满意: 0, 不满意: 0 } as Record<string, number>;
  for (const r of taken) for (const given of ratingsGiven(r)) ratings[given] = (ratings[given] ?? 0) + 1;
  const rated = ratings['满意'] + ratings['基本满意'] + ratings['不满意'];
  return {
    month,
    received: rows.length,
    accepted: taken.filter((r) => r.status !== 'received').length,
    rejected: rows.length - taken.length,
    pending: taken.filter((r) => r.status === 'received').length,
    replied: replied.length,
    repliedOnTime: replied.filter((r) => r.repliedOn! <= r.dueDate).length,
    averageDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : 0,
    ratings: { satisfied: ratings['满意'], basicallySatisfied: ratings['基本满意'], dissatisfied: ratings['不满意'] },
    satisfaction: rated ? Math.round(((ratings['满意'] + ratings['基本满意']) / rated) * 1000) / 10 : null,
  };
}
