import { Empty, Tag } from 'antd';
import { addDaysTo, weekdayOf } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import type { Workbench } from '../api.ts';
import { t } from '../strings.ts';

const MODULE_NAMES: Record<string, string> = { plans: '任务分工', catalog: '目录与发布', qa: '政策问答', mailbox: '信箱', requests: '依申请公开', opinion: '舆情' };

/** 本周截止: every module's deadlines of the coming seven days, grouped by day. */
export function WeekDeadlines({ workbench }: { workbench: Workbench }) {
  const { deadlines, asOf } = workbench;
  if (!deadlines.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.weekEmpty} />;
  const days = [...new Set(deadlines.map((d) => d.date))];
  const tomorrow = addDaysTo(asOf, 1);
  return (
    <>
      <ol className="wb-week">
        {days.map((day) => (
          <li key={day}>
            <h3 className="wb-day">
              <time dateTime={day}>{`${day.slice(5).replace('-', '月')}日 ${weekdayOf(day)}`}</time>
              {day === asOf && <Tag color="#a8071a">{t.todayWord}</Tag>}
              {day === tomorrow && <Tag color="#874d00">{t.tomorrowWord}</Tag>}
            </h3>
            <ul className="wb-day-items">
              {deadlines
                .filter((d) => d.date === day)
                .map((d, i) => (
                  <li key={`${d.href}-${i}`}>
                    <span className="wb-module">{MODULE_NAMES[d.module] ?? d.module}</span>
                    <Link to={d.href}>{d.label}</Link>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      {workbench.deadlinesTotal > deadlines.length && <p className="text-muted">{t.weekMore(deadlines.length, workbench.deadlinesTotal)}</p>}
    </>
  );
}
