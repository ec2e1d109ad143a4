import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ListEmpty } from '../../../components/ListEmpty.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime, todayInShanghai } from '../../../lib/format.ts';
import { Link, navigate, type PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listDomains, listEvents, urls, type EventListItem, type EventQuery } from '../api.ts';
import { ClockTags } from '../components/ClockTags.tsx';
import { LEVELS, RegisterEventDrawer } from '../components/RegisterEventDrawer.tsx';
import { t } from '../strings.ts';

/** The event ledger: filters, the overdue list, registration, exports. */
export function EventsPage(_: PageProps) {
  const canHandle = usePermission('opinion.handle');
  const [filter, setFilter] = useState<EventQuery>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const events = useLoad(() => listEvents(filter), [JSON.stringify(filter)]);
  const domains = useLoad(listDomains, []);
  const year = Number(todayInShanghai().slice(0, 4));
  const [sumYear, setSumYear] = useState(year);
  const [quarter, setQuarter] = useState(Math.floor((Number(todayInShanghai().slice(5, 7)) - 1) / 3) + 1);
  const set = (patch: Partial<EventQuery>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const columns: TableColumnsType<EventListItem> = [
    { title: t.colSeen, dataIndex: 'firstSeenAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t.colSummary,
      dataIndex: 'summary',
      render: (v: string, r) => (
        <>
          {r.isSample && <Tag>{t.sample}</Tag>}
          <Link to={`/opinion/events/${r.id}`}>{v}</Link>
        </>
      ),
    },
    { title: t.colDomain, dataIndex: 'domainName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t.colLevel, dataIndex: 'level', width: 80, render: (v: string) => <Tag color={v === '特别重大' || v === '重大' ? 'red' : v === '较大' ? 'orange' : 'default'}>{v}</Tag> },
    { title: t.colUnit, dataIndex: 'unitName', width: 120 },
    { title: t.colStatus, dataIndex: 'status', width: 80, render: (v: string) => t.status[v] },
    { title: t.colClocks, dataIndex: 'clocks', width: 260, render: (_v, r) => <ClockTags clocks={r.clocks} /> },
  ];
  return (
    <>
      <PageHeader
        title={t.eventsTitle}
        intro={t.eventsIntro}
        extra={
          canHandle && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t.register}
            </Button>
          )
        }
      />
      {events.data && !events.data.seesAll && <Alert type="info" showIcon title={t.ownUnitOnly} className="block-gap" />}
      <Card className="block-gap">
        <div className="toolbar">
          <Input.Search aria-label={t.search} placeholder={t.search} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v || undefined })} style={{ width: 220 }} allowClear />
          <Select aria-label={t.colStatus} value={filter.status ?? ''} onChange={(v) => set({ status: (v || undefined) as EventQuery['status'] })} style={{ width: 120 }} options={[{ value: '', label: `${t.colStatus}：${t.all}` }, ...Object.entries(t.status).map(([value, label]) => ({ value, label }))]} />
          <Select aria-label={t.colLevel} value={filter.level ?? ''} onChange={(v) => set({ level: (v || undefined) as EventQuery['level'] })} style={{ width: 130 }} options={[{ value: '', label: `${t.colLevel}：${t.all}` }, ...LEVELS.map((l) => ({ value: l, label: l }))]} />
          <Select aria-label={t.colDomain} value={filter.domainId ?? ''} onChange={(v) => set({ domainId: v || undefined })} style={{ width: 180 }} options={[{ value: '', label: `${t.colDomain}：${t.all}` }, ...(domains.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
          <label className="switch-label">
            <Switch size="small" checked={filter.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} aria-label={t.overdueOnly} /> {t.overdueOnly}
          </label>
          <Button icon={<DownloadOutlined />} href={urls.eventLedger({ ...filter, page: undefined, pageSize: undefined } as EventQuery)}>
            {t.exportEvents}
          </Button>
        </div>
        {events.error && <LoadError error={events.error} onRetry={() => void events.reload()} />}
        <Table<EventListItem>
          rowKey="id"
          size="middle"
          loading={events.loading}
          columns={columns}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 960 }}
          locale={{ emptyText: <ListEmpty filtered={!!(filter.q || filter.status || filter.level || filter.domainId || filter.overdue)} empty={t.eventsEmpty} hint={t.eventsEmptyHint} noMatch={t.eventsNoMatch} /> }}
          pagination={{ current: filter.page, pageSize: filter.pageSize, total: events.data?.total ?? 0, onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })) }}
        />
      </Card>
      {events.data?.seesAll && (
        <Card title={<h2 className="card-title">{t.summary}</h2>}>
          <Space wrap>
            <Select aria-label={t.year} value={sumYear} onChange={setSumYear} options={[year - 1, year].map((y) => ({ value: y, label: `${y}年` }))} />
            <Select aria-label="季度" value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))} />
            <Button icon={<DownloadOutlined />} href={urls.summary(sumYear, quarter)}>
              {t.summary}
            </Button>
          </Space>
        </Card>
      )}
      <RegisterEventDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(id) => {
          setRegistering(false);
          navigate(`/opinion/events/${id}`);
        }}
      />
    </>
  );
}
