import { Alert } from 'antd';
import { Link } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listYears } from '../../calendar/api.ts';
import { t } from '../strings.ts';

/** From this day of the year, next year's holidays are due (the State Council's notice comes out in the autumn). */
const NEXT_YEAR_FROM = '-11-01';

/** This year's holidays if not entered; from 1 November next year's too. */
export function missingYears(today: string, entered: ReadonlySet<number>): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !entered.has(y) && (y === year || today >= `${year}${NEXT_YEAR_FROM}`));
}

/**
 * For those who manage the calendar: the years to enter. Until a year is entered, every due date that
 * reaches it is provisional (counted Monday–Friday, shown 暂定) and is recomputed once it is.
 */
export function CalendarNotice({ today }: { today: string }) {
  const years = useLoad(listYears, []);
  if (!years.data) return null;
  const missing = missingYears(today, new Set(years.data.map((y) => y.year)));
  if (!missing.length) return null;
  const thisYear = missing[0] === Number(today.slice(0, 4));
  return (
    <Alert
      className="wb-calendar-notice"
      type={thisYear ? 'error' : 'warning'}
      showIcon
      message={t.calendarMissing(missing.join('、'))}
      description={t.calendarMissingWhy}
      action={<Link to="/calendar">{t.calendarEnter}</Link>}
    />
  );
}
