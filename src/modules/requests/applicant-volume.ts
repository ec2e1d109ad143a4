import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { requestCases } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { feeByItems } from './fees/compute-fee.ts';

/** Above this many requests in a calendar month the handler is shown the 第三十五条 / fee note. */
export const VOLUME_WATCH = 10;

const monthBounds = (on: string) => {
  const [y, m] = on.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${on.slice(0, 7)}-01`, to: `${on.slice(0, 7)}-${String(last).padStart(2, '0')}` };
};

/**
 * 申请量 of one applicant in the calendar month of `on` (receipt dates): how many, this case's
 * position among them (the n-th pays itemPrice(n) when charged by number), and the month's total by number.
 */
export async function applicantVolume(ctx: OpContext, applicantKey: string, on: string, caseId?: string) {
  const { from, to } = monthBounds(on);
  const rows = await ctx.db
    .select({ id: requestCases.id })
    .from(requestCases)
    .where(and(eq(requestCases.applicantKey, applicantKey), gte(requestCases.receivedOn, from), lte(requestCases.receivedOn, to)))
    .orderBy(requestCases.receivedOn, requestCases.createdAt, sql`${requestCases.id}`);
  const position = caseId ? rows.findIndex((r) => r.id === caseId) + 1 : 0;
  return { month: on.slice(0, 7), count: rows.length, position, watch: rows.length > VOLUME_WATCH, monthTotalByItems: feeByItems(Math.min(rows.length, 10_000)).yuan };
}
