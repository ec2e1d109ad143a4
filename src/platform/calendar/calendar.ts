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
 * for the years whose State Council notice is known. Dates outside those years are refused, except by
 * `provisionalWorkingDays` (a due date that must exist: flagged provisional, recomputed when the year is entered).
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
    return this.day(date);
  }

  /** A checked date's kind: its holiday or make-up entry, else Monday–Friday. */
  private day(date: string): { date: string; working: boolean; name: string | null } {
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
    return this.count(date, n, (d) => this.isWorkingDay(d));
  }

  /**
   * The due date of a clock that must run whatever the calendar knows — a citizen's message or question
   * is received, an item dispatched, on any day of the year: the N-th working day after `date`, where a
   * year whose holidays are not entered yet counts Monday to Friday. Such a date is provisional
   * (`isProvisional`): it is shown as such, and the calendar listeners recompute it when the year is
   * entered. Legal notices that state a date to the applicant use `addWorkingDays`, which refuses.
   */
  provisionalWorkingDays(date: string, n: number): string {
    if (!isValidDate(date)) throw invalid('invalid_date', `日期“${date}”格式不正确，应为 YYYY-MM-DD`);
    return this.count(date, n, (d) => this.day(d).working);
  }

  /** Whether a due date counted from `from` crossed a year whose holidays are not entered: it is provisional. */
  isProvisional(due: string, from = due): boolean {
    for (let y = yearOf(from); y <= yearOf(due); y++) if (!this.years.has(y)) return true;
    return false;
  }

  private count(date: string, n: number, working: (d: string) => boolean): string {
    if (!Number.isInteger(n) || n < 0 || n > 3650) throw invalid('invalid_days', '工作日数应为 0 到 3650 之间的整数');
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (working(d)) left--;
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
