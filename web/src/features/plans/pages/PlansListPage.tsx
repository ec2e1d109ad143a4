import { ImportOutlined, OrderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Link, navigate } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listPlans, type PlanListItem } from '../api.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { PlanStatusTag } from '../components/StatusTags.tsx';
import { t } from '../strings.ts';

export function PlansListPage() {
  const canManage = usePermission('plans.manage');
  const plans = useLoad(listPlans, []);
  const wide = Grid.useBreakpoint().md ?? true;

  const columns: TableColumnsType<PlanListItem> = [
    {
      title: t.colTitle,
      dataIndex: 'title',
      render: (title: string, p) => (
        <>
          <Link to={`/plans/${p.id}`} className="plan-link">
            {title}
          </Link>
          {!wide && (
            <div className="cell-note">
              {[t.yearSuffix(p.year), t.planKind[p.kind]].join(' · ')} · <PlanStatusTag status={p.status} />
              <div>{`${t.colClosed} ${t.closedOf(p.closed, p.measures)}`}</div>
            </div>
          )}
        </>
      ),
    },
    { title: t.colYear, dataIndex: 'year', width: 90, responsive: ['md'], render: (y: number) => t.yearSuffix(y) },
    { title: t.colKind, dataIndex: 'kind', width: 130, responsive: ['md'], render: (k: string) => <Tag>{t.planKind[k] ?? k}</Tag> },
    { title: t.colStatus, dataIndex: 'status', width: 90, responsive: ['md'], render: (_: string, p) => <PlanStatusTag status={p.status} /> },
    { title: t.colMeasures, dataIndex: 'measures', width: 80, align: 'right', responsive: ['md'] },
    {
      title: t.colClosed,
      dataIndex: 'closed',
      width: 190,
      responsive: ['md'],
      render: (closed: number, p) => (
        <div className="closed-cell">
          <span>{t.closedOf(closed, p.measures)}</span>
          <ProgressBar percent={p.measures ? Math.round((closed / p.measures) * 100) : 0} label={`${p.title} ${t.colClosed}`} />
        </div>
      ),
    },
    { title: t.colIssuedAt, dataIndex: 'issuedAt', width: 170, responsive: ['lg'], render: (v: string | null) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t.listTitle}
        intro={t.listIntro}
        extra={
          <>
            <Button icon={<OrderedListOutlined />} onClick={() => navigate('/plans/mine')}>
              {t.myTasksButton}
            </Button>
            {canManage && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/plans/import')}>
                {t.importButton}
              </Button>
            )}
          </>
        }
      />
      {plans.error && <LoadError error={plans.error} onRetry={() => void plans.reload()} />}
      <Card>
        <Table<PlanListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={plans.data ?? []}
          loading={plans.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={wide ? { x: 900 } : undefined}
          locale={{
            emptyText: (
              <Empty description={canManage ? t.listEmptyOffice : t.listEmpty}>
                {canManage && (
                  <Button type="primary" onClick={() => navigate('/plans/import')}>
                    {t.importButton}
                  </Button>
                )}
              </Empty>
            ),
          }}
        />
      </Card>
    </>
  );
}
