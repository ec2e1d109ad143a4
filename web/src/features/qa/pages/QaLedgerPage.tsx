import { App, Button, Card, Empty, Input, Modal, Radio, Segmented, Select, Space, Table, Tag, Timeline, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { usePermission } from '../../../lib/session.tsx';
import { replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { acceptConsultation, dispatchConsultation, listLedger, replyConsultation, returnConsultation, reviewProposal, textToHtml, type LedgerItem } from '../api.ts';
import { t } from '../strings.ts';
import { ProvisionalTag } from '../../../components/ProvisionalTag.tsx';

const FILTERS = ['all', 'awaiting', 'overdue', 'due_soon', 'unrouted', 'proposal'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (v: string | null): v is Filter => FILTERS.includes(v as Filter);
type Dialog = { kind: 'reply' | 'return' | 'dispatch' | 'proposal'; item: LedgerItem } | null;

/** 咨询登记台账: filters by due state; the unit signs, returns, replies; the office routes; the 专员 takes answers into the library. */
export function QaLedgerPage() {
  const { message } = App.useApp();
  const canManage = usePermission('qa.manage');
  const canReply = usePermission('qa.reply');
  const canEdit = usePermission('qa.edit');
  // The filter lives in the address (?filter=, ?dueOn=): the workbench links to exactly these lists.
  const [filter, setFilter] = useState<Filter>(() => (isFilter(searchParam('filter')) ? (searchParam('filter') as Filter) : 'all'));
  const [dueOn, setDueOn] = useState<string | null>(() => (/^\d{4}-\d{2}-\d{2}$/.test(searchParam('dueOn') ?? '') ? searchParam('dueOn') : null));
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [kind, setKind] = useState<'new' | 'variant'>('new');
  const ledger = useLoad(
    () => listLedger({ page, pageSize: 20, ...(filter === 'all' ? {} : { due: filter }), ...(dueOn ? { dueOn } : {}) }),
    [filter, dueOn, page],
  );
  const units = useLoad(loadUnitCatalog, []);
  const options = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setDialog(null);
      setText('');
      await ledger.reload();
      message.success(t.done);
    } catch (err) {
      message.error(errorMessage(err), 6);
    }
  };

  const columns: TableColumnsType<LedgerItem> = [
    {
      title: t.askLabel,
      dataIndex: 'question',
      render: (q: string, c) => (
        <>
          <div>{q}</div>
          <div className="cell-note">
            {t.channel[c.channel]} · {formatDateTime(String(c.receivedAt))}
            {c.queryCode && ` · ${c.queryCode}`}
            {c.isSample && ` · ${t.sample}`}
          </div>
          {c.replyText && <div className="cell-note">{`${t.reply}：${c.replyText}`}</div>}
        </>
      ),
    },
    {
      title: t.colStatus,
      dataIndex: 'status',
      width: 120,
      render: (s: string, c) => (
        <>
          <Tag color={s === 'registered' ? (c.overdue ? 'red' : 'blue') : s === 'replied' ? '#237804' : 'default'}>{c.overdue ? t.overdue : t.cStatus[s]}</Tag>
          {c.proposalStatus === 'pending' && <Tag color="purple">{t.filterProposal}</Tag>}
        </>
      ),
    },
    { title: t.colDue, dataIndex: 'dueOn', width: 120, responsive: ['md'], render: (d: string | null, c) => <>{d}{c.status === 'registered' && <ProvisionalTag date={d} />}</> },
    { title: t.colHandler, dataIndex: 'unitName', width: 180, responsive: ['md'], render: (n: string | null, c) => n ?? (c.status === 'registered' ? t.unrouted : '') },
    { title: t.colAsker, key: 'asker', width: 140, responsive: ['lg'], render: (_: unknown, c) => [c.askerName, c.askerContact, c.askerEmail].filter(Boolean).join(' ') },
    {
      title: '',
      key: 'actions',
      width: 220,
      render: (_: unknown, c) => (
        <Space size="small" wrap>
          {c.status === 'registered' && canReply && c.unitId && !c.acceptedAt && (
            <Button size="small" onClick={() => void run(() => acceptConsultation(c.id))}>
              {t.accept}
            </Button>
          )}
          {c.status === 'registered' && canReply && (
            <Button size="small" type="primary" onClick={() => (setText(''), setDialog({ kind: 'reply', item: c }))}>
              {t.reply}
            </Button>
          )}
          {c.status === 'registered' && canReply && c.unitId && (
            <Button size="small" onClick={() => (setText(''), setDialog({ kind: 'return', item: c }))}>
              {t.return}
            </Button>
          )}
          {c.status === 'registered' && canManage && (
            <Button size="small" onClick={() => (setUnitId(c.unitId ?? c.suggestedUnitId ?? undefined), setText(''), setDialog({ kind: 'dispatch', item: c }))}>
              {t.dispatch}
            </Button>
          )}
          {c.proposalStatus === 'pending' && canEdit && (
            <Button size="small" onClick={() => (setKind(c.proposalKind === 'variant' ? 'variant' : 'new'), setText(c.question), setDialog({ kind: 'proposal', item: c }))}>
              {t.proposal}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const d = dialog;
  return (
    <>
      <PageHeader title={t.ledgerTitle} intro={t.ledgerIntro} />
      {ledger.error && <LoadError error={ledger.error} onRetry={() => void ledger.reload()} />}
      <Card>
        <Segmented<Filter>
          aria-label={t.colStatus}
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
            setDueOn(null);
            replaceSearchParam('filter', v === 'all' ? null : v);
            replaceSearchParam('dueOn', null);
          }}
          options={[
            { value: 'all', label: t.filterAll },
            { value: 'awaiting', label: t.filterAwaiting },
            { value: 'overdue', label: t.filterOverdue },
            { value: 'due_soon', label: t.filterDueSoon },
            { value: 'unrouted', label: t.filterUnrouted },
            { value: 'proposal', label: t.filterProposal },
          ]}
          style={{ marginBottom: 12 }}
        />
        {dueOn && (
          <Tag
            closable
            onClose={() => {
              setDueOn(null);
              replaceSearchParam('dueOn', null);
            }}
            style={{ marginInlineStart: 8 }}
          >
            {t.dueOnTag(dueOn)}
          </Tag>
        )}
        <Table<LedgerItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={ledger.data?.items ?? []}
          loading={ledger.loading}
          locale={{ emptyText: <Empty description={dueOn ? t.ledgerEmptyOn(dueOn) : t.ledgerEmpty[filter]}>{filter === 'all' && !dueOn ? t.ledgerEmptyHint : null}</Empty> }}
          expandable={{ expandedRowRender: (c) => <Timeline items={(c.history ?? []).map((h) => ({ children: `${formatDateTime(h.at)} ${h.by} ${h.action}${h.reason ? `（${h.reason}）` : ''}` }))} /> }}
          pagination={{ current: page, pageSize: 20, total: ledger.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      </Card>
      <Modal
        open={d !== null}
        title={d ? { reply: t.reply, return: t.return, dispatch: t.dispatch, proposal: t.proposal }[d.kind] : ''}
        onCancel={() => setDialog(null)}
        okText={t.send}
        cancelText={t.cancel}
        footer={(_, { CancelBtn, OkBtn }) => (
          <>
            {d?.kind === 'proposal' && (
              <Button onClick={() => d && void run(() => reviewProposal(d.item.id, { decision: 'decline' }))}>{t.decline}</Button>
            )}
            <CancelBtn />
            <OkBtn />
          </>
        )}
        onOk={() => {
          if (!d) return;
          const id = d.item.id;
          if (d.kind === 'reply') void run(() => replyConsultation(id, textToHtml(text)));
          if (d.kind === 'return') void run(() => returnConsultation(id, text));
          if (d.kind === 'dispatch' && unitId) void run(() => dispatchConsultation(id, unitId, text || undefined));
          if (d.kind === 'proposal')
            void run(() =>
              reviewProposal(id, { decision: 'accept', kind, question: text, entryId: kind === 'variant' ? (d.item.proposalEntryId ?? d.item.matchedEntryId) : null }),
            );
        }}
      >
        {d && <p>{d.item.question}</p>}
        {d?.kind === 'dispatch' && (
          <Select aria-label={t.colHandler} showSearch optionFilterProp="label" style={{ width: '100%', marginBottom: 12 }} value={unitId} onChange={setUnitId} options={options} />
        )}
        {d?.kind === 'proposal' && (
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { value: 'new', label: t.proposalNew },
              { value: 'variant', label: `${t.proposalVariant}${d.item.matchedQuestion ? `：${d.item.matchedQuestion}` : ''}`, disabled: !d.item.matchedEntryId },
            ]}
            style={{ marginBottom: 12 }}
          />
        )}
        <Input.TextArea
          aria-label={d ? { reply: t.replyText, return: t.returnReason, dispatch: t.dispatchReason, proposal: t.fQuestion }[d.kind] : ''}
          rows={d?.kind === 'reply' ? 6 : 3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
}
