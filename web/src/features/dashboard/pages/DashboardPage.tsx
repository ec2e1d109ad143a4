import { Alert, Card, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai, weekdayOf } from '../../../lib/format.ts';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import { countCalendarYears, countGroups, countUsers, describeDay, getWorkbench } from '../api.ts';
import { CalendarNotice } from '../components/CalendarNotice.tsx';
import { QuickLinks } from '../components/QuickLinks.tsx';
import { StatTiles, type Tile } from '../components/StatTiles.tsx';
import { UnitsByKindChart } from '../components/UnitsByKindChart.tsx';
import { WeekDeadlines } from '../components/WeekDeadlines.tsx';
import { WorkbenchCards } from '../components/WorkbenchCards.tsx';
import { t } from '../strings.ts';
import '../workbench.css';

/**
 * 工作台: what the signed-in person has to do — counts of their work from every module (each a link
 * to the filtered list) and the week's deadlines — then, for those who manage units, the overview.
 */
export function DashboardPage() {
  const me = useMe();
  const canUnits = usePermission('units.read');
  const canManageUnits = usePermission('units.manage');
  const canUsers = usePermission('users.read');
  const canCalendar = usePermission('calendar.read');
  const canManageCalendar = usePermission('calendar.manage');
  const today = todayInShanghai();

  const work = useLoad(getWorkbench, []);
  const catalog = useUnitCatalog(canManageUnits);
  const groups = useLoad(() => (canManageUnits ? countGroups() : Promise.resolve(undefined)), [canManageUnits]);
  const users = useLoad(() => (canManageUnits && canUsers ? countUsers() : Promise.resolve(undefined)), [canManageUnits, canUsers]);
  const years = useLoad(() => (canManageUnits ? countCalendarYears() : Promise.resolve(undefined)), [canManageUnits]);
  const day = useLoad(() => (canCalendar ? describeDay(today) : Promise.resolve(null)), [canCalendar, today]);

  const activeUnits = useMemo(() => catalog.data?.items.filter((u) => u.active), [catalog.data]);
  // Memoised: the chart redraws only when the numbers change.
  const byKind = useMemo(() => {
    if (!catalog.data || !activeUnits) return [];
    return Object.entries(catalog.data.kinds)
      .map(([kind, label]) => ({ label: label.replace(/（.*）/, ''), count: activeUnits.filter((u) => u.kind === kind).length }))
      .filter((k) => k.count > 0);
  }, [catalog.data, activeUnits]);

  // The overview (units, users, calendar) is the office's; everyone keeps the unread notices.
  const tiles: Tile[] = [
    ...(canManageUnits && canUnits ? [{ label: t.statUnits, value: activeUnits?.length, to: '/units' }, { label: t.statGroups, value: groups.data, to: '/groups' }] : []),
    ...(canManageUnits && canUsers ? [{ label: t.statUsers, value: users.data, to: '/users' }] : []),
    { label: t.statUnread, value: me.unread, to: '/notifications' },
    ...(canManageUnits ? [{ label: t.statYears, value: years.data, to: '/calendar' }] : []),
  ];

  const dayText = day.data ? `${t.today(today, weekdayOf(today))}，${day.data.working ? t.todayWorking : t.todayOff(day.data.name)}` : t.today(today, weekdayOf(today));

  return (
    <>
      <PageHeader title={t.title} intro={<>{t.welcome(me.user.name)}。{dayText}。</>} />
      {canManageCalendar && <CalendarNotice today={today} />}
      <div className="wb-grid">
        <section aria-labelledby="wb-work-h" className="wb-work" aria-busy={work.loading}>
          <Card title={<h2 className="card-title" id="wb-work-h">{t.workTitle}</h2>}>
            {work.error && <LoadError error={work.error} onRetry={() => void work.reload()} />}
            {!work.data && !work.error && <Skeleton active aria-label={t.workLoading} />}
            {work.data && (
              <>
                <p className="text-muted wb-intro">{t.workIntro}</p>
                <WorkbenchCards sources={work.data.sources} />
              </>
            )}
          </Card>
        </section>
        <section aria-labelledby="wb-week-h" className="wb-deadlines">
          <Card title={<h2 className="card-title" id="wb-week-h">{t.weekTitle}</h2>} extra={work.data && <span className="text-muted">{t.weekRange(work.data.asOf, work.data.weekEnd)}</span>}>
            {work.data ? <WeekDeadlines workbench={work.data} /> : !work.error && <Skeleton active />}
          </Card>
        </section>
      </div>
      <section aria-labelledby="wb-overview-h" className="wb-overview">
        <Typography.Title level={2} id="wb-overview-h" className="section-title">
          {t.overviewTitle}
        </Typography.Title>
        <StatTiles tiles={tiles} />
        <div className="dashboard-grid">
          {canManageUnits && (
            <Card title={<h2 className="card-title">{t.chartTitle}</h2>}>
              <UnitsByKindChart data={byKind} />
            </Card>
          )}
          <Card title={<h2 className="card-title">{t.quickLinks}</h2>}>
            <QuickLinks />
            <Alert type="info" showIcon title={t.comingTitle} description={<Typography.Text>{t.coming}</Typography.Text>} className="coming-note" />
          </Card>
        </div>
      </section>
    </>
  );
}
