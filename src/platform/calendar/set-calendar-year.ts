import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDays, calendarYears } from '../../db/schema/index.ts';
import { invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { isValidDate } from './dates.ts';
import { loadCalendar } from './load-calendar.ts';
import { notifyCalendarChanged } from './calendar-listeners.ts';

export const calendarYearInput = z.object({
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  note: z.string().trim().max(500, '说明不能超过 500 字').optional().nullable(),
  days: z
    .array(
      z.object({
        date: z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD'),
        kind: z.enum(['off', 'work'], { message: '类型应为 off（放假）或 work（调休上班）' }),
        name: z.string().trim().min(1, '请填写节日名称').max(40, '节日名称不能超过 40 字'),
      }),
    )
    .max(120, '一年的调整日期不能超过 120 个'),
});
export type CalendarYearInput = z.input<typeof calendarYearInput>;

/**
 * Enters (or replaces) one year's State Council holiday notice: its holidays and make-up working days.
 * Everything whose deadline hangs on the calendar is recomputed in the same transaction.
 */
export async function setCalendarYear(ctx: OpContext, raw: CalendarYearInput) {
  assertCan(ctx.actor, 'calendar.manage');
  const input = calendarYearInput.parse(raw);
  const seen = new Set<string>();
  for (const d of input.days) {
    if (Number(d.date.slice(0, 4)) !== input.year)
      throw invalid('date_outside_year', `日期 ${d.date} 不在 ${input.year} 年内`);
    if (seen.has(d.date)) throw invalid('duplicate_date', `日期 ${d.date} 重复`);
    seen.add(d.date);
  }
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db.select().from(calendarDays).where(eq(calendarDays.year, input.year)).orderBy(asc(calendarDays.date));
    const [beforeYear] = await tx.db.select().from(calendarYears).where(eq(calendarYears.year, input.year));
    await tx.db.delete(calendarDays).where(eq(calendarDays.year, input.year));
    if (input.days.length)
      await tx.db.insert(calendarDays).values(input.days.map((d) => ({ ...d, year: input.year })));
    await tx.db
      .insert(calendarYears)
      .values({ year: input.year, source: 'admin', note: input.note ?? null })
      .onConflictDoUpdate({ target: calendarYears.year, set: { source: 'admin', note: input.note ?? null, updatedAt: new Date() } });
    await writeAudit(tx, {
      action: 'calendar.set_year',
      entity: 'calendar_year',
      entityId: String(input.year),
      before: beforeYear ? { note: beforeYear.note, days: before.map(({ date, kind, name }) => ({ date, kind, name })) } : null,
      after: { note: input.note ?? null, days: [...input.days].sort((a, b) => a.date.localeCompare(b.date)) },
    });
    const calendar = await loadCalendar(tx.db);
    const recomputed = await notifyCalendarChanged(tx, calendar);
    return { year: input.year, days: input.days.length, recomputed };
  });
}
