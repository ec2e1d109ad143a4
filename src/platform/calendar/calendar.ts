import { AppError, invalid } from '../errors.ts';
import { addDays, isValidDate, weekday, yearOf } from './dates.ts';

export interface CalendarException {
  date: string;
  kind: 'off' | 'work';
  name: string;
}

export const calendarUnknown = (year: number) =>
  new AppError('invalid', 'calendar_not_published', `calendar not yet published for ${year}：尚未录入 ${year} 年的节假日安排，无法计算工作日`);

/**
 * The working-day calendar: Monday–Friday, minus statutory holidays, plus make-up working days,
 * for the years whose State Council notice is known. Dates outside those years are refused.
 */
export class Calendar {
  private readonly exceptions: Map<string, CalendarException>;
  constructor(
    readonly years: ReadonlySet<number>,
    exceptions: Iterable<CalendarException>,
  ) {
    this.exceptions = new Map([...exceptions].map((e) => [e.date, e]));
  }

  private check(date: string) {
    if (!isValidDate(date)) throw invalid('invalid_date', `日期“${date}”格式不正确，应为 YYYY-MM-DD`);
    const y = yearOf(date);
    if (!this.years.has(y)) throw calendarUnknown(y);
  }

  describe(date: string): { date: string; working: boolean; name: string | null } {
    this.check(date);
    const e = this.exceptions.get(date);
    if (e) return { date, working: e.kind === 'work', name: e.name };
    const wd = weekday(date);
    return { date, working: wd !== 0 && wd !== 6, name: null };
  }

  isWorkingDay(date: string): boolean {
    return this.describe(date).working;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** The N-th working day after `date`; `date` itself is not counted (民法典 第201条). */
  addWorkingDays(date: string, n: number): string {
    this.check(date);
    if (!Number.isInteger(n) || n < 0 || n > 3650) throw invalid('invalid_days', '工作日数应为 0 到 3650 之间的整数');
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number {
    this.check(from);
    this.check(to);
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}
