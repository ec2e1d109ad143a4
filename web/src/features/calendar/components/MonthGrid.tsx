import type { CalendarDay } from '../api.ts';
import { isWeekend, monthCells } from '../month-days.ts';
import { t } from '../strings.ts';

interface Props {
  year: number;
  month: number;
  exceptions: Map<string, CalendarDay>;
  today: string;
}

/** One month, Monday first: 休 on holidays, 班 on make-up working days, weekends shaded. */
export function MonthGrid({ year, month, exceptions, today }: Props) {
  const cells = monthCells(year, month);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  return (
    <table className="month-grid">
      <caption>
        <span aria-hidden="true">{t.monthTitle(month)}</span>
        <span className="sr-only">{t.monthCaption(year, month)}</span>
      </caption>
      <thead>
        <tr>
          {t.weekdays.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => (date ? <DayCell key={date} date={date} e={exceptions.get(date)} today={today} /> : <td key={`b${j}`} />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({ date, e, today }: { date: string; e: CalendarDay | undefined; today: string }) {
  const weekend = isWeekend(date);
  const cls = ['day', e?.kind === 'off' && 'off', e?.kind === 'work' && 'work', !e && weekend && 'weekend', date === today && 'today']
    .filter(Boolean)
    .join(' ');
  const what = e ? (e.kind === 'off' ? t.dayOff(e.name) : t.dayWork(e.name)) : weekend ? t.dayWeekend : t.dayWorking;
  return (
    <td className={cls} title={e ? what : undefined} data-date={date} data-kind={e?.kind}>
      <span aria-hidden="true">{Number(date.slice(8))}</span>
      {e && (
        <span className="day-mark" aria-hidden="true">
          {e.kind === 'off' ? t.markOff : t.markWork}
        </span>
      )}
      <span className="sr-only">{t.dayLabel(date, what)}</span>
    </td>
  );
}
