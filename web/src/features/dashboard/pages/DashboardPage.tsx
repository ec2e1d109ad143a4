import { Alert, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai, weekdayOf } from '../../../lib/format.ts';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { UnitTodoView } from '../../plans/components/UnitTodoView.tsx';
import { useUnitCatalog } from '../../units/api.ts';
import { countCalendarYears, countGroups, countUsers, describeDay } from '../api.ts';
import { QuickLinks } from '../components/QuickLinks.tsx';
import { StatTiles, type Tile } from '../components/StatTiles.tsx';
import { UnitsByKindChart } from '../components/UnitsByKindChart.tsx';
import { t } from '../strings.ts';

export function DashboardPage() {
  const me = useMe();
  const canUnits = usePermission('units.read');
  const canUsers = usePermission('users.read');
  const canCalendar = usePermission('calendar.read');
  // A unit user (not the district office) starts the day from the unit's plan to-do.
  const plansRead = usePermission('plans.read');
  const plansManage = usePermission('plans.manage');
  const plansReport = usePermission('plans.report');
  const plansCheck = usePermission('plans.check');
  const unitTodo = plansRead && !plansManage && (plansReport || plansCheck);
  const today = todayInShanghai();

  const catalog = useUnitCatalog(canUnits);
  const groups = useLoad(() => (canUnits ? countGroups() : Promise.resolve(undefined)), [canUnits]);
  const users = useLoad(() => (canUsers ? countUsers() : Promise.resolve(undefined)), [canUsers]);
  const years = useLoad(() => (canCalendar ? countCalendarYears() : Promise.resolve(undefined)), [canCalendar]);
  const day = useLoad(() => (canCalendar ? describeDay(today) : Promise.resolve(null)), [canCalendar, today]);

  const activeUnits = useMemo(() => catalog.data?.items.filter((u) => u.active), [catalog.data]);
  // Memoised: the chart redraws only when the numbers change.
  const byKind = useMemo(() => {
    if (!catalog.data || !activeUnits) return [];
    return Object.entries(catalog.data.kinds)
      .map(([kind, label]) => ({ label: label.replace(/（.*）/, ''), count: activeUnits.filter((u) => u.kind === kind).length }))
      .filter((k) => k.count > 0);
  }, [catalog.data, activeUnits]);

  const tiles: Tile[] = [
    ...(canUnits ? [{ label: t.statUnits, value: activeUnits?.length, to: '/units' }, { label: t.statGroups, value: groups.data, to: '/groups' }] : []),
    ...(canUsers ? [{ label: t.statUsers, value: users.data, to: '/users' }] : []),
    { label: t.statUnread, value: me.unread, to: '/notifications' },
    ...(canCalendar ? [{ label: t.statYears, value: years.data, to: '/calendar' }] : []),
  ];

  const dayText = day.data ? `${t.today(today, weekdayOf(today))}，${day.data.working ? t.todayWorking : t.todayOff(day.data.name)}` : t.today(today, weekdayOf(today));

  return (
    <>
      <PageHeader title={t.title} intro={<>{t.welcome(me.user.name)}。{dayText}。</>} />
      {unitTodo && (
        <Card title={<h2 className="card-title">{t.todoTitle}</h2>} className="block-gap">
          <UnitTodoView compact />
        </Card>
      )}
      <StatTiles tiles={tiles} />
      <div className="dashboard-grid">
        {canUnits && (
          <Card title={<h2 className="card-title">{t.chartTitle}</h2>}>
            <UnitsByKindChart data={byKind} />
          </Card>
        )}
        <Card title={<h2 className="card-title">{t.quickLinks}</h2>}>
          <QuickLinks />
          <Alert type="info" showIcon title={t.comingTitle} description={<Typography.Text>{t.coming}</Typography.Text>} className="coming-note" />
        </Card>
      </div>
    </>
  );
}
