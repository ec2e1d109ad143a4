import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getYear, listYears, type CalendarYear } from '../api.ts';
import { DueDateTool } from '../components/DueDateTool.tsx';
import { HolidayList } from '../components/HolidayList.tsx';
import { YearCalendar } from '../components/YearCalendar.tsx';
import { YearEntryDrawer } from '../components/YearEntryDrawer.tsx';
import { t } from '../strings.ts';

export function CalendarPage() {
  const canManage = usePermission('calendar.manage');
  const years = useLoad(listYears, []);
  const [year, setYear] = useState<number | null>(null);
  const detail = useLoad(() => (year ? getYear(year) : Promise.resolve(null)), [year]);
  const [drawer, setDrawer] = useState<{ editing: CalendarYear | null } | null>(null);

  // Start on this year when it is entered, else on the latest one.
  useEffect(() => {
    if (year || !years.data?.length) return;
    const thisYear = Number(todayInShanghai().slice(0, 4));
    setYear(years.data.some((y) => y.year === thisYear) ? thisYear : years.data.at(-1)!.year);
  }, [years.data, year]);

  const known = years.data?.map((y) => y.year) ?? [];
  const nextYear = known.length ? Math.max(...known) + 1 : Number(todayInShanghai().slice(0, 4));
  const data = detail.data;

  return (
    <>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          canManage && (
            <>
              {data && (
                <Button icon={<EditOutlined />} onClick={() => setDrawer({ editing: data })}>
                  {t.editYear(data.year)}
                </Button>
              )}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })}>
                {t.enterYear}
              </Button>
            </>
          )
        }
      />
      {years.error && <LoadError error={years.error} onRetry={() => void years.reload()} />}
      {detail.error && <LoadError error={detail.error} onRetry={() => void detail.reload()} />}
      <div className="two-column">
        <Card className="two-column-main">
          <div className="toolbar">
            <div className="toolbar-field">
              <label htmlFor="calendar-year">{t.yearLabel}</label>
              <Select
                id="calendar-year"
                value={year ?? undefined}
                onChange={setYear}
                loading={years.loading}
                style={{ width: 140 }}
                options={known.map((y) => ({ value: y, label: t.yearOption(y) }))}
              />
            </div>
            {data && (
              <Typography.Text type="secondary" className="toolbar-count">
                {data.source === 'admin' ? t.sourceAdmin : t.sourceSeed}
                {data.note ? ` · ${data.note}` : ''}
              </Typography.Text>
            )}
          </div>
          {years.data && years.data.length === 0 && <Empty description={t.noYears} />}
          {data && !data.published && <Alert type="warning" showIcon title={t.notPublished(data.year)} className="block-gap" />}
          {detail.loading && !data && <Spin />}
          {data && <YearCalendar year={data.year} days={data.days} />}
        </Card>
        <div className="two-column-side">
          <DueDateTool />
          {data && <HolidayList days={data.days} />}
        </div>
      </div>
      <YearEntryDrawer
        open={!!drawer}
        editing={drawer?.editing ?? null}
        existingYears={known}
        suggestedYear={nextYear}
        onClose={() => setDrawer(null)}
        onSaved={(y) => {
          setDrawer(null);
          void years.reload();
          if (y === year) void detail.reload();
          else setYear(y);
        }}
      />
    </>
  );
}
