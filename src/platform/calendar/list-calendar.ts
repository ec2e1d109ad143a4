import { asc, eq } from 'drizzle-orm';
import { calendarDays, calendarYears } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';

export async function listCalendarYears(ctx: OpContext) {
  assertCan(ctx.actor, 'calendar.read');
  return ctx.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function getCalendarYear(ctx: OpContext, year: number) {
  assertCan(ctx.actor, 'calendar.read');
  const [meta] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const days = await ctx.db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  return { year, published: !!meta, source: meta?.source ?? null, note: meta?.note ?? null, days };
}
