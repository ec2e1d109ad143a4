import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, Segmented, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Link, navigate, replaceSearchParam, searchParam, type PageProps } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listPlanAssignments, orMissing, type AssignmentRow, type AssignmentState } from '../api.ts';
import { t } from '../strings.ts';
import { DueDate, ReportStateTag } from '../components/StatusTags.tsx';

const STATES: AssignmentState[] = ['overdue', 'reported', 'returned', 'open'];
type Choice = AssignmentState | 'all';
const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 单位任务列表 of one plan, filtered by state (?state=overdue|reported|returned|open) and due date
 * (?due=YYYY-MM-DD) — what the workbench's counts open. The office sees every unit, others their own.
 */
export function PlanAssignmentsPage({ params }: PageProps) {
  const planId = params.planId;
  const wide = Grid.useBreakpoint().md ?? true;
  const [state, setState] = useState<Choice>(() => STATES.find((s) => s === searchParam('state')) ?? 'all');
  const [due, setDue] = useState<string | null>(() => (DATE.test(searchParam('due') ?? '') ? searchParam('due') : null));
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => orMissing(listPlanAssignments(planId, { state: state === 'all' ? undefined : state, due: due ?? undefined, page, pageSize: PAGE_SIZE })),
    [planId, state, due, page],
  );

  if (list.data === null) return <NotFound />;
  const data = list.data;
  const columns: TableColumnsType<AssignmentRow> = [
    {
      title: t.colMeasure,
      key: 'measure',
      render: (_, r) => (
        <>
          <Link to={`/plans/${planId}/measures/${r.measureId}`}>
            {t.measureNo(r.seq)} {r.measureText}
          </Link>
          {!wide && (
            <div className="cell-note">
              {r.unitName} · {t.colDue} <DueDate date={r.dueDate} overdue={r.overdue} />
            </div>
          )}
        </>
      ),
    },
    { title: t.colUnit, dataIndex: 'unitName', width: 150, responsive: ['md'] },
    {
      title: t.colDue,
      key: 'due',
      width: 130,
      responsive: ['md'],
      render: (_, r) => <DueDate date={r.dueDate} overdue={r.overdue} />,
    },
    {
      title: t.colStatus,
      key: 'status',
      width: wide ? 180 : 96,
      render: (_, r) => (
        <span className="status-stack">
          <ReportStateTag a={r} />
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.assignmentListTitle}
        intro={data ? t.assignmentsIntro(data.plan.title) : undefined}
        extra={<Button onClick={() => navigate(`/plans/${planId}?tab=dashboard`)}>{t.backToPlan}</Button>}
      />
      <Card>
        <div className="toolbar">
          <Segmented<Choice>
            aria-label={t.assignmentsState}
            block={!wide}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
              replaceSearchParam('state', v === 'all' ? null : v);
            }}
            options={(['all', ...STATES] as Choice[]).map((s) => ({ value: s, label: t.assignmentsStates[s] }))}
          />
          {due && (
            <span className="doc-column-filter">
              {t.assignmentsDue(due)}
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t.assignmentsClearDue}
                title={t.assignmentsClearDue}
                onClick={() => {
                  setDue(null);
                  setPage(1);
                  replaceSearchParam('due', null);
                }}
              />
            </span>
          )}
          <span className="toolbar-count" aria-live="polite" data-testid="assignments-total">
            {data && t.assignmentsTotal(data.total)}
          </span>
        </div>
        {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
        <Table<AssignmentRow>
          rowKey="id"
          size="small"
          className="assignments-table"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: <Empty description={t.assignmentsEmpty} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, simple: !wide, onChange: setPage }}
        />
      </Card>
    </>
  );
}
