import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ListEmpty } from '../../../components/ListEmpty.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Link, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { listMessages, MESSAGES_XLSX, type MessageQuery, type MessageSummary } from '../api.ts';
import { MarkTags, StatusTag } from '../components/MessageTags.tsx';
import { t } from '../strings.ts';
import '../mailbox.css';
import { BLUE } from '../../catalog/colors.ts';
import { ProvisionalTag } from '../../../components/ProvisionalTag.tsx';

const PAGE_SIZE = 20;
const STATUSES = Object.keys(t.status);
const STAGES = ['triage', 'sign', 'extension'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Due = 'all' | 'soon' | 'overdue';
type Filters = { status?: string; type?: string; unitId?: string; due: Due; stage?: (typeof STAGES)[number]; dueDate?: string; q?: string };

/** The filters the address carries (?status=&type=&unitId=&due=&stage=&dueDate=&q=): what the workbench's counts open. */
function fromAddress(): Filters {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => allowed.find((v) => v === searchParam(name));
  const dueDate = searchParam('dueDate') ?? '';
  return {
    status: pick('status', STATUSES),
    type: pick('type', t.types),
    unitId: searchParam('unitId') ?? undefined,
    due: pick('due', ['soon', 'overdue'] as const) ?? 'all',
    stage: pick('stage', STAGES),
    dueDate: DATE.test(dueDate) ? dueDate : undefined,
    q: searchParam('q') ?? undefined,
  };
}

const STAGE_LABEL = { triage: t.stageTriage, sign: t.stageSign, extension: t.stageExtension };

/** 留言办理: every message the person may see, filtered by status, type, unit and due state, newest first. */
export function MailboxListPage() {
  const isOffice = usePermission('mailbox.manage');
  const [f, setF] = useState<Filters>(fromAddress);
  const [page, setPage] = useState(1);
  const [text, setText] = useState(f.q ?? '');
  const set = (patch: Partial<Filters>) => {
    const next = { ...f, ...patch };
    setF(next);
    setPage(1);
    for (const [k, v] of Object.entries(patch)) replaceSearchParam(k, v && v !== 'all' ? String(v) : null);
  };
  const query: MessageQuery = { status: f.status as MessageQuery['status'], type: f.type as MessageQuery['type'], unitId: f.unitId, due: f.due === 'all' ? undefined : f.due, stage: f.stage, dueDate: f.dueDate, q: f.q, page, pageSize: PAGE_SIZE };
  const list = useLoad(() => listMessages(query), [JSON.stringify(query)]);
  const units = useLoad(() => (isOffice ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [isOffice]);
  const unitOptions = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  const columns: TableColumnsType<MessageSummary> = [
    {
      title: t.colTitle,
      key: 'title',
      render: (_, m) => (
        <>
          <Link to={`/mailbox/messages/${m.id}`}>{m.title}</Link> <MarkTags m={m} />
          <div className="cell-note">
            {m.type} · {m.code}
            <span className="mailbox-narrow"> · {m.unitName ?? t.officeHandles} · {t.colDue} {m.dueDate}</span>
          </div>
        </>
      ),
    },
    { title: t.colStatus, key: 'status', width: 130, render: (_, m) => <StatusTag m={m} /> },
    { title: t.colUnit, key: 'unit', width: 180, responsive: ['md'], render: (_, m) => m.unitName ?? <span className="text-muted">{t.officeHandles}</span> },
    { title: t.colDue, dataIndex: 'dueDate', width: 120, responsive: ['md'], render: (d: string, m) => <>{d}{!m.repliedOn && m.status !== 'rejected' && <ProvisionalTag date={d} />}</> },
    { title: t.colReceived, dataIndex: 'receivedOn', width: 110, responsive: ['lg'] },
  ];

  return (
    <>
      <PageHeader
        title={t.listTitle}
        intro={t.listIntro}
        extra={
          isOffice && (
            <Button icon={<DownloadOutlined />} href={MESSAGES_XLSX}>
              {t.exportMessages}
            </Button>
          )
        }
      />
      {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
      <Card>
        <Space wrap className="mailbox-filters" size={[12, 12]}>
          <Segmented<Due>
            aria-label={t.fDue}
            value={f.due}
            onChange={(v) => set({ due: v })}
            options={[
              { value: 'all', label: t.all },
              { value: 'soon', label: t.dueSoon },
              { value: 'overdue', label: t.overdue },
            ]}
          />
          <Select aria-label={t.fStatus} placeholder={t.fStatus} allowClear style={{ width: 130 }} value={f.status} onChange={(v) => set({ status: v })} options={STATUSES.map((s) => ({ value: s, label: t.status[s] }))} />
          <Select aria-label={t.fType} placeholder={t.fType} allowClear style={{ width: 110 }} value={f.type} onChange={(v) => set({ type: v })} options={t.types.map((v) => ({ value: v, label: v }))} />
          {isOffice && (
            <Select aria-label={t.fUnit} placeholder={t.fUnit} allowClear showSearch optionFilterProp="label" style={{ width: 220 }} value={f.unitId} onChange={(v) => set({ unitId: v })} options={unitOptions} />
          )}
          <Input.Search aria-label={t.search} placeholder={t.search} allowClear style={{ width: 220 }} value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} />
          {f.stage && (
            <Tag closable onClose={() => set({ stage: undefined })} color={BLUE}>
              {STAGE_LABEL[f.stage]}
            </Tag>
          )}
          {f.dueDate && (
            <Tag closable onClose={() => set({ dueDate: undefined })} color={BLUE}>
              {t.dueOn(f.dueDate)}
            </Tag>
          )}
        </Space>
        <Table<MessageSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: <ListEmpty filtered={!!(f.status || f.type || f.unitId || f.due !== 'all' || f.stage || f.dueDate || f.q)} empty={t.messagesEmpty} hint={t.messagesEmptyHint} noMatch={t.filteredEmpty} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
        />
      </Card>
    </>
  );
}
