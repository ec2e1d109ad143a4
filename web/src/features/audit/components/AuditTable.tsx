import { Table, Tag, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useAuditLabels, type AuditRow } from '../api.ts';
import { t } from '../strings.ts';
import { AuditDiff } from './AuditDiff.tsx';

interface Props {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function AuditTable({ rows, total, page, pageSize, loading, onPage }: Props) {
  const labels = useAuditLabels();
  const columns: TableColumnsType<AuditRow> = [
    { title: t.colTime, dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t.colActor, dataIndex: 'actorName', width: 200 },
    {
      title: t.colAction,
      dataIndex: 'action',
      width: 200,
      render: (a: string) => (
        // The name first; the code stays beside it, small, since the keyword filter finds rows by it.
        <span className="audit-action">
          {labels.actions[a] ?? a} <code>{a}</code>
        </span>
      ),
    },
    {
      title: t.colEntity,
      key: 'entity',
      render: (_: unknown, r) => (
        <span>
          <Tag>{labels.entities[r.entity] ?? r.entity}</Tag>
          {r.entityId && <code className="entity-id" title={r.entityId}>{r.entityId.length > 12 ? `${r.entityId.slice(0, 8)}…` : r.entityId}</code>}
        </span>
      ),
    },
    { title: t.colIp, dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];
  return (
    <Table<AuditRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 900 }}
      locale={{ emptyText: t.empty }}
      expandable={{ expandedRowRender: (r) => <AuditDiff row={r} />, columnTitle: <span className="sr-only">{t.expandRow}</span> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t.total(n),
        onChange: onPage,
      }}
    />
  );
}
