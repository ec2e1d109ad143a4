import { and, count, gte, inArray } from 'drizzle-orm';
import { ledgerItems } from '../../db/schema/index.ts';
import { OPEN_STATUSES } from '../ledger/ledger-states.ts';
import type { WorkbenchSource } from '../workbench/workbench-source.ts';
import { loadCalendar } from './load-calendar.ts';

/** From this day of the year on, next year's holidays are due to be entered (the State Council's notice comes out in the autumn). */
const NEXT_YEAR_FROM = '-11-01';

/**
 * 工作日历 on the administrators' workbench: this year's or (from November) next year's holidays not
 * entered yet. Until they are, every due date that reaches that year is provisional (Monday–Friday,
 * `Calendar.provisionalWorkingDays`). The count is the years missing; the hint names the open ledger
 * items whose due date is provisional.
 */
export const calendarWorkbenchSource: WorkbenchSource = {
  id: 'calendar.years',
  module: 'calendar',
  title: '工作日历',
  roles: ['sys_admin', 'office_admin'],
  order: 5,
  async load(ctx) {
    const calendar = await loadCalendar(ctx.db);
    const year = Number(ctx.today.slice(0, 4));
    const missing = [year, year + 1].filter((y) => !calendar.years.has(y) && (y === year || ctx.today >= `${year}${NEXT_YEAR_FROM}`));
    if (!missing.length) return { items: [], deadlines: [] };
    const [{ n }] = await ctx.db
      .select({ n: count() })
      .from(ledgerItems)
      .where(and(inArray(ledgerItems.status, OPEN_STATUSES), gte(ledgerItems.dueDate, `${missing[0]}-01-01`)));
    return {
      items: [
        {
          key: 'calendar.missing',
          label: `待录入的节假日安排（${missing.join('、')} 年）`,
          count: missing.length,
          href: '/calendar',
          tone: missing[0] === year ? 'danger' : 'warning',
          hint: `未录入前，跨入该年的期限暂按周一至周五推算，录入后自动重算${n ? `；已有 ${n} 件交办事项的期限为暂定` : ''}`,
        },
      ],
      deadlines: [],
    };
  },
};
