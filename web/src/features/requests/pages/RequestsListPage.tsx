import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Radio, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { Link, navigate, type PageProps } from '../../../lib/router.tsx';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { listRequests, loadOptions, type ListQuery, type ListView, type RequestListItem } from '../api.ts';
import { DueCell, OutcomeText, StatusTag } from '../components/CaseTags.tsx';
import { t } from '../strings.ts';

const VIEWS: (ListView | 'all')[] = ['all', 'awaiting_receipt', 'running', 'due_soon', 'overdue', 'closed_late', 'waiting'];
const FILTER_KEYS = ['view', 'status', 'agencyUnitId', 'applicantKind', 'outcome', 'year', 'dueOn', 'q', 'page'] as const;

/** The filters as the address holds them, so a workbench link opens exactly its list and a reload keeps it. */
function fromAddress(): ListQuery {
  const p = new URLSearchParams(window.location.search);
  const q: Record<string, string | number> = { pageSize: 20 };
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) q[k] = k === 'year' || k === 'page' ? Number(v) : v;
  }
  return q as ListQuery;
}

function toAddress(q: ListQuery) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = q[k];
    if (v !== undefined && v !== null && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  }
  const s = p.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${s ? `?${s}` : ''}`);
}

/** 依申请公开办理: the case list with its views and filters, newest received first. */
export function RequestsListPage(_: PageProps) {
  const me = useMe();
  const canHandle = usePermission('requests.handle');
  const districtWide = me.user.roles.some((r) => r === 'office_admin' || r === 'sys_admin');
  const [filter, setFilterState] = useState<ListQuery>(fromAddress);
  const [text, setText] = useState(filter.q ?? '');
  const cases = useLoad(() => listRequests(filter), [JSON.stringify(filter)]);
  const options = useLoad(loadOptions, []);
  const units = useLoad(() => (districtWide ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [districtWide]);
  const setFilter = (next: ListQuery) => {
    toAddress(next);
    setFilterState(next);
  };
  const set = (patch: Partial<ListQuery>) => setFilter({ ...filter, ...patch, page: 1 });
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const outcomes = options.data?.outcomes ?? [];
  const groups = [...new Set(outcomes.map((o) => o.group))];
  const filtered = FILTER_KEYS.some((k) => k !== 'page' && k !== 'view' && filter[k]);

  const columns: TableColumnsType<RequestListItem> = [
    {
      title: t.colCode,
      dataIndex: 'code',
      width: 150,
      render: (code: string, r) => (
        <>
          <Link to={`/requests/${r.id}`}>{code}</Link>
          {r.demo && <Tag className="tag-gap">{t.sample}</Tag>}
        </>
      ),
    },
    {
      title: t.colApplicant,
      dataIndex: 'applicantName',
      width: 110,
      render: (name: string, r) => (
        <>
          <div>{name}</div>
          <div className="cell-note">{r.applicantKind}</div>
        </>
      ),
    },
    { title: t.colSummary, dataIndex: 'summary', responsive: ['md'], render: (s: string, r) => <span title={s}>{s}{s.length >= 80 ? '…' : ''}{districtWide && <div className="cell-note">{r.agencyName}</div>}</span> },
    { title: t.colStatus, dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
    { title: t.colReceived, dataIndex: 'receivedOn', width: 110, responsive: ['md'], render: (d: string | null) => d ?? t.notReceived },
    { title: t.colDue, dataIndex: 'dueOn', width: 130, render: (_: unknown, r) => <DueCell item={r} asOf={cases.data?.asOf ?? todayInShanghai()} /> },
    { title: t.colOutcome, dataIndex: 'outcome', width: 180, responsive: ['lg'], render: (o: string | null) => <OutcomeText code={o} outcomes={outcomes} /> },
  ];

  return (
    <>
      <PageHeader
        title={t.listTitle}
        intro={t.listIntro}
        extra={
          canHandle && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/requests/new')}>
              {t.register}
            </Button>
          )
        }
      />
      {!districtWide && <Alert type="info" showIcon title={t.ownUnitOnly} className="block-gap" />}
      <Card className="block-gap">
        <Radio.Group
          aria-label={t.viewLabel}
          className="request-views"
          optionType="button"
          value={filter.view ?? 'all'}
          onChange={(e) => set({ view: e.target.value === 'all' ? undefined : (e.target.value as ListView) })}
          options={VIEWS.map((v) => ({ value: v, label: t.views[v] }))}
        />
        <div className="toolbar request-filters">
          <Input.Search aria-label={t.search} placeholder={t.search} value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} allowClear maxLength={100} className="request-search" />
          <Select aria-label={t.status} value={filter.status ?? ''} onChange={(v) => set({ status: (v || undefined) as ListQuery['status'] })} className="request-filter" options={[{ value: '', label: `${t.status}：${t.all}` }, ...(options.data?.statuses ?? []).map((s) => ({ value: s, label: s }))]} />
          {districtWide && (
            <Select
              aria-label={t.agency}
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.agencyUnitId ?? ''}
              onChange={(v) => set({ agencyUnitId: v || undefined })}
              className="request-filter-wide"
              options={[{ value: '', label: `${t.agency}：${t.all}` }, ...(units.data?.items ?? []).filter((u) => u.active && u.isAgency).map((u) => ({ value: u.id, label: u.name }))]}
            />
          )}
          <Select aria-label={t.applicantKind} value={filter.applicantKind ?? ''} onChange={(v) => set({ applicantKind: (v || undefined) as ListQuery['applicantKind'] })} className="request-filter" options={[{ value: '', label: `${t.applicantKind}：${t.all}` }, ...(options.data?.applicantKinds ?? []).map((k) => ({ value: k, label: k }))]} />
          <Select
            aria-label={t.outcome}
            value={filter.outcome ?? ''}
            onChange={(v) => set({ outcome: (v || undefined) as ListQuery['outcome'] })}
            className="request-filter-wide"
            options={[
              { value: '', label: `${t.outcome}：${t.all}` },
              ...groups.map((g) => ({ label: g, title: g, options: outcomes.filter((o) => o.group === g).map((o) => ({ value: o.code, label: o.group.length > 3 ? o.label : `${o.group} ${o.label}` })) })),
            ]}
          />
          <Select aria-label={t.year} value={filter.year ?? 0} onChange={(v) => set({ year: v || undefined })} className="request-filter" options={[{ value: 0, label: `${t.year}：${t.all}` }, ...[0, 1, 2, 3, 4, 5].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年` }))]} />
          {filter.dueOn && (
            <Tag closable onClose={() => set({ dueOn: undefined })} closeIcon={<span aria-label={`${t.clearFilters}：${t.dueOn}`}>×</span>}>
              {t.dueOn} {filter.dueOn}
            </Tag>
          )}
          {(filtered || filter.view) && (
            <Button
              onClick={() => {
                setText('');
                setFilter({ pageSize: 20 });
              }}
            >
              {t.clearFilters}
            </Button>
          )}
        </div>
        {cases.error && <LoadError error={cases.error} onRetry={() => void cases.reload()} />}
        {options.error && <LoadError error={options.error} onRetry={() => void options.reload()} />}
        <Table<RequestListItem>
          rowKey="id"
          size="middle"
          loading={cases.loading}
          columns={columns}
          dataSource={cases.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t.empty}>{filtered || filter.view ? t.emptyHint : null}</Empty> }}
          pagination={{
            current: filter.page ?? 1,
            pageSize: filter.pageSize ?? 20,
            total: cases.data?.total ?? 0,
            showTotal: () => (cases.data ? (cases.data.totalExact ? t.total(cases.data.total) : t.totalAtLeast(cases.data.total)) : ''),
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
