import { Card, Empty } from 'antd';
import type { CalendarDay } from '../api.ts';
import { describeDates, groupByName } from '../month-days.ts';
import { t } from '../strings.ts';

/** The year's adjustments by festival: 春节 放假 1月28日—2月4日，调休上班 1月26日、2月8日. */
export function HolidayList({ days }: { days: CalendarDay[] }) {
  const groups = groupByName(days);
  return (
    <Card title={<h2 className="card-title">{t.holidaysTitle}</h2>} size="small">
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.holidaysEmpty} />
      ) : (
        <dl className="holiday-list">
          {groups.map((g) => (
            <div key={g.name}>
              <dt>{g.name}</dt>
              <dd>
                {g.off.length > 0 && (
                  <span>
                    <span className="holiday-kind off">{t.offRange}</span>
                    {describeDates(g.off)}
                  </span>
                )}
                {g.work.length > 0 && (
                  <span>
                    <span className="holiday-kind work">{t.workDays}</span>
                    {describeDates(g.work)}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
