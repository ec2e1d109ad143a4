import { Alert, Button, Card, Grid, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { Link } from '../../../lib/router.tsx';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { getDashboard, type AssignmentRow, type Dashboard, type UnitProgress } from '../api.ts';
import { t } from '../strings.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { DueDate, ReportStateTag } from './StatusTags.tsx';
import { MarkDialog, UrgeDialog } from './UnitActionDialogs.tsx';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function standing(u: UnitProgress, average: number): 'ahead' | 'behind' | 'even' {
  if (u.overdue > 0 || u.returned > 0) return 'behind';
  return u.progress >= average ? 'ahead' : 'even';
}

function StandingTag({ s }: { s: 'ahead' | 'behind' | 'even' }) {
  if (s === 'ahead') return <Tag color="#237804">{t.ahead}</Tag>;
  if (s === 'behind') return <Tag color="#a8071a">{t.behind}</Tag>;
  return <Tag>{t.even}</Tag>;
}

function AssignmentList({ rows, planId, empty, wide }: { rows: AssignmentRow[]; planId: string; empty: string; wide: boolean }) {
  const columns: TableColumnsType<AssignmentRow> = [
    {
      title: t.colMeasure,
      dataIndex: 'measureText',
      render: (text: string, r) => (
        <>
          <Link to={`/plans/${planId}/measures/${r.measureId}`} className="assignment-measure" title={text}>
            {t.measureNo(r.seq)} {text}
          </Link>
          {!wide && (
            <div className="cell-note">
              {r.unitName} · {t.colDue} {r.dueDate}
            </div>
          )}
        </>
      ),
    },
    { title: t.colUnit, dataIndex: 'unitName', width: 150, responsive: ['md'] },
    {
      title: t.colDue,
      dataIndex: 'dueDate',
      width: 130,
      responsive: ['md'],
      render: (v: string, r) => <DueDate date={v} overdue={r.overdue} finishedLate={r.finishedLate} />,
    },
    {
      title: t.colStatus,
      key: 'status',
      width: 150,
      render: (_: unknown, r) => (
        <ReportStateTag a={r} />
      ),
    },
  ];
  return (
    <Table<AssignmentRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      locale={{ emptyText: empty }}
    />
  );
}

/**
 * The office's view of one plan: totals, completion by area and by measure (charts), units ahead
 * and behind (with 督促 and 通报 marks for the office), and the overdue and returned lists.
 */
export function PlanDashboardView({ planId, canManage }: { planId: string; canManage: boolean }) {
  const dash = useLoad(() => getDashboard(planId), [planId]);
  const wide = Grid.useBreakpoint().md ?? true;
  const [urging, setUrging] = useState<UnitProgress | null>(null);
  const [marking, setMarking] = useState<UnitProgress | null>(null);
  const d: Dashboard | undefined = dash.data;

  const areaBars = useMemo(
    () => d?.byArea.map((a) => ({ label: `${CN_NUM[a.seq - 1] ?? a.seq}、${a.title}`, name: a.title, progress: a.progress, note: `${a.measures} 项举措，已销号 ${a.closed} 项` })) ?? [],
    [d],
  );
  const measureBars = useMemo(
    () => d?.byMeasure.map((m) => ({ label: String(m.seq), name: t.measureNo(m.seq), progress: m.progress, done: m.status === 'closed', note: `核查通过 ${m.accepted}/${m.total}` })) ?? [],
    [d],
  );

  if (dash.error) return <LoadError error={dash.error} onRetry={() => void dash.reload()} />;
  if (!d) return <Card loading />;
  const tot = d.totals;
  const stats = [
    { key: 'measures', title: t.statMeasures, value: tot.measures },
    { key: 'closed', title: t.statClosed, value: tot.closed },
    { key: 'assignments', title: t.statAssignments, value: tot.assignments },
    { key: 'accepted', title: t.statAccepted, value: tot.accepted },
    { key: 'overdue', title: t.statOverdue, value: tot.overdue },
    { key: 'finishedLate', title: t.statFinishedLate, value: tot.finishedLate },
    { key: 'returned', title: t.statReturned, value: tot.returned },
    { key: 'progress', title: t.statProgress, value: tot.progress, suffix: '%' },
  ];

  const unitColumns: TableColumnsType<UnitProgress> = [
    {
      title: t.colUnit,
      dataIndex: 'name',
      fixed: wide ? 'left' : undefined,
      width: wide ? 150 : undefined,
      render: (name: string, u) => (
        <>
          <span className="unit-name">{name}</span>
          {!wide && (
            <div className="cell-note">
              {`${t.colTotal} ${u.total} · ${t.colAccepted} ${u.accepted} · ${t.colOverdue} ${u.overdue} · ${t.colReturned} ${u.returned}`}
            </div>
          )}
        </>
      ),
    },
    { title: t.colStanding, key: 'standing', width: 80, render: (_: unknown, u) => <StandingTag s={standing(u, tot.progress)} /> },
    { title: t.colTotal, dataIndex: 'total', width: 64, align: 'right', responsive: ['md'] },
    { title: t.colAccepted, dataIndex: 'accepted', width: 64, align: 'right', responsive: ['md'] },
    { title: t.colReported, dataIndex: 'reported', width: 72, align: 'right', responsive: ['lg'] },
    { title: t.colReturned, dataIndex: 'returned', width: 64, align: 'right', responsive: ['md'] },
    { title: t.colOverdue, dataIndex: 'overdue', width: 64, align: 'right', responsive: ['md'] },
    { title: t.colFinishedLate, dataIndex: 'finishedLate', width: 72, align: 'right', responsive: ['lg'] },
    { title: t.colNotStarted, dataIndex: 'notStarted', width: 72, align: 'right', responsive: ['lg'] },
    {
      title: t.colProgress,
      dataIndex: 'progress',
      width: wide ? 160 : 110,
      render: (p: number, u) => <ProgressBar percent={p} label={t.progressOf(u.name, p)} />,
    },
  ];
  if (canManage && d.plan.status === 'issued')
    unitColumns.push({
      title: common.actions,
      key: 'actions',
      width: wide ? 170 : 72,
      render: (_: unknown, u) => (
        <Space size={0} wrap orientation={wide ? 'horizontal' : 'vertical'}>
          <Button type="link" size="small" onClick={() => setUrging(u)} aria-label={`${t.urge} ${u.name}`}>
            {t.urge}
          </Button>
          <Button type="link" size="small" onClick={() => setMarking(u)} aria-label={`${t.commend}/${t.criticize} ${u.name}`}>
            {`${t.commend}/${t.criticize}`}
          </Button>
        </Space>
      ),
    });

  return (
    <div className="stacked plan-dashboard" data-testid="plan-dashboard">
      <p className="text-muted as-of">{t.asOf(d.asOf)}</p>
      <ul className="stat-tiles plan-stats">
        {stats.map((s) => (
          <li key={s.key} data-stat={s.key}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} suffix={s.suffix} />
            </Card>
          </li>
        ))}
      </ul>
      <div className="dashboard-grid">
        <Card title={<h2 className="card-title">{t.chartByArea}</h2>}>
          <ProgressChart
            bars={areaBars}
            orientation="horizontal"
            height={Math.max(200, areaBars.length * 48)}
            summary={t.chartByAreaSummary(d.byArea.map((a) => `${a.title} ${a.progress}%（已销号 ${a.closed}/${a.measures}）`).join('；'))}
          />
        </Card>
        <Card title={<h2 className="card-title">{t.chartByMeasure}</h2>}>
          <ProgressChart bars={measureBars} orientation="vertical" height={240} summary={t.chartByMeasureSummary(tot.measures, tot.closed, tot.progress)} />
        </Card>
      </div>
      <Card title={<h2 className="card-title">{t.byUnitTitle}</h2>}>
        <p className="text-muted">{t.byUnitIntro}</p>
        <Table<UnitProgress>
          rowKey="unitId"
          size="small"
          columns={unitColumns}
          dataSource={d.byUnit}
          pagination={d.byUnit.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={wide ? { x: 900 } : undefined}
        />
      </Card>
      {/* Full width, one above the other: side by side, the 举措 column shrank to four characters a line. */}
      <div className="stacked" data-testid="overdue-lists">
        <Card title={<h2 className="card-title">{t.overdueTitle(tot.overdue)}</h2>} data-testid="overdue-list">
          {d.overdue.length >= 200 && <Alert type="info" showIcon title={t.listLimited} className="block-gap" />}
          <AssignmentList rows={d.overdue} planId={planId} empty={t.overdueEmpty} wide={wide} />
        </Card>
        <Card title={<h2 className="card-title">{t.returnedTitle(tot.returned)}</h2>}>
          <AssignmentList rows={d.returned} planId={planId} empty={t.returnedEmpty} wide={wide} />
        </Card>
      </div>
      <UrgeDialog planId={planId} unit={urging} onClose={() => setUrging(null)} />
      <MarkDialog planId={planId} unit={marking} onClose={() => setMarking(null)} />
    </div>
  );
}
