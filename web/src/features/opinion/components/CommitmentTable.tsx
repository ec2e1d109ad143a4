import { Button, Table, Tag } from 'antd';
import { Link } from '../../../lib/router.tsx';
import type { CommitmentItem } from '../api.ts';
import { t } from '../strings.ts';

/** Commitments with their computed state and where the fulfilment is published. */
export function CommitmentTable({ items, canHandle, onFulfil, showEvent }: { items: CommitmentItem[]; canHandle: boolean; onFulfil: (id: string) => void; showEvent?: boolean }) {
  return (
    <Table<CommitmentItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 800 }}
      columns={[
        { title: t.commitmentText, dataIndex: 'text', render: (v: string, r) => (r.isSample ? <><Tag>{t.sample}</Tag>{v}</> : v) },
        ...(showEvent ? [{ title: '相关舆情', dataIndex: 'eventSummary', width: 200, render: (v: string | null, r: CommitmentItem) => (r.eventId ? <Link to={`/opinion/events/${r.eventId}`}>{v}</Link> : '—') }] : []),
        { title: t.owner, dataIndex: 'ownerName', width: 120 },
        { title: t.promisedOn, dataIndex: 'promisedOn', width: 110 },
        { title: t.fulfilledOn, dataIndex: 'fulfilledOn', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t.state, dataIndex: 'state', width: 100, render: (v: string) => <Tag color={t.stateColor[v]}>{v}</Tag> },
        {
          title: t.publishedAt,
          width: 180,
          render: (_v, r) =>
            r.document?.url ? <a href={r.document.url}>{r.document.title}</a> : r.publicUrl ? <a href={r.publicUrl} target="_blank" rel="noreferrer noopener">公开页面</a> : r.fulfilledOn ? '—' : canHandle ? <Button size="small" onClick={() => onFulfil(r.id)}>{t.fulfil}</Button> : '—',
        },
      ]}
    />
  );
}

