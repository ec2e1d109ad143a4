import { useMemo } from 'react';
import { todayInShanghai } from '../../../lib/format.ts';
import type { CalendarDay } from '../api.ts';
import { t } from '../strings.ts';
import { MonthGrid } from './MonthGrid.tsx';

/** The twelve months of a year with a legend. */
export function YearCalendar({ year, days }: { year: number; days: CalendarDay[] }) {
  const exceptions = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const today = todayInShanghai();
  return (
    <div>
      <ul className="calendar-legend" aria-label={t.legendTitle}>
        <li>
          <span className="swatch off" aria-hidden="true">{t.markOff}</span>
          {t.legendOff}
        </li>
        <li>
          <span className="swatch work" aria-hidden="true">{t.markWork}</span>
          {t.legendWork}
        </li>
        <li>
          <span className="swatch weekend" aria-hidden="true" />
          {t.legendWeekend}
        </li>
        <li>
          <span className="swatch today" aria-hidden="true" />
          {t.legendToday}
        </li>
      </ul>
      <div className="year-grid">
        {Array.from({ length: 12 }, (_, i) => (
          <MonthGrid key={i} year={year} month={i + 1} exceptions={exceptions} today={today} />
        ))}
      </div>
    </div>
  );
}
