import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ListEmpty } from '../../../components/ListEmpty.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProvisionalTag } from '../../../components/ProvisionalTag.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { CALLS_XLSX, completeCallback, listCalls, listPhones, type CallQuery, type CallRecord } from '../api.ts';
import { CallDialog } from '../components/CallDialog.tsx';
import { t } from '../strings.ts';
import '../mailbox.css';
import { BLUE, BROWN, GREEN, RED } from '../../catalog/colors.ts';

const PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type State = 'all' | 'pending' | 'soon' | 'overdue';

/** 来电登记台账: the unit's calls (the office every unit's), filtered by callback state (?state=, ?dueDate=, ?id=). */
export function CallsPage() {
  const { message } = App.useApp();
  const isOffice = usePermission('mailbox.manage');
  const canReply = usePermission('mailbox.reply');
  const [state, setState] = useState<State>(() => (['pending', 'soon', 'overdue'] as const).find((s) => s === searchParam('state')) ?? 'all');
  const [dueDate, setDueDate] = useState(() => (DATE.test(searchParam('dueDate') ?? '') ? searchParam('dueDate')! : undefined));
  const [one, setOne] = useState(() => searchParam('id') ?? undefined);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [logging, setLogging] = useState(false);
  const [callback, setCallback] = useState<CallRecord | null>(null);
  const [note, setNote] = useState('');
  const query: CallQuery = { state: state === 'all' ? undefined : state, dueDate, id: one, unitId, page, pageSize: PAGE_SIZE };
  const list = useLoad(() => listCalls(query), [JSON.stringify(query)]);
  const phones = useLoad(listPhones, []);
  const units = useLoad(() => (isOffice ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [isOffice]);
  const unitOptions = isOffice ? (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })) : null;
  const choose = (s: State) => {
    setState(s);
    setPage(1);
    setDueDate(undefined);
    setOne(undefined);
    replaceSearchParam('state', s === 'all' ? null : s);
    replaceSearchParam('dueDate', null);
    replaceSearchParam('id', null);
  };
  const saveCallback = async () => {
    if (!callback) return;
    try {
      await completeCallback(callback.id, note);
      setCallback(null);
      setNote('');
      message.success(t.done);
      await list.reload();
    } catch (err) {
      message.error(errorMessage(err), 6);
    }
  };

  const columns: TableColumnsType<CallRecord> = [
    {
      title: t.question,
      key: 'q',
      render: (_, c) => (
        <>
          <div>
            {c.question} {c.sample && <Tag>{t.sample}</Tag>}
          </div>
          <div className="cell-note">
            {formatDateTime(String(c.calledAt))} · {c.code}
            {isOffice && ` · ${c.unitName ?? ''}`}
          </div>
          {c.answer && <div className="cell-note">{`${t.answer}：${c.answer}`}</div>}
          {c.callbackNote && <div className="cell-note">{`${t.callbackNote}：${c.callbackNote}`}</div>}
        </>
      ),
    },
    { title: t.callerName, key: 'caller', width: 150, responsive: ['md'], render: (_, c) => [c.callerName, c.callerPhone].filter(Boolean).join(' ') || '—' },
    { title: t.numberCalled, dataIndex: 'numberCalled', width: 130, responsive: ['lg'] },
    {
      title: t.callback,
      key: 'cb',
      width: 170,
      render: (_, c) =>
        c.answeredOnSpot ? (
          <Tag color={GREEN}>{t.answeredOnSpot}</Tag>
        ) : c.callbackOn ? (
          <Tag>{`${t.callbackOn} ${c.callbackOn}`}</Tag>
        ) : (
          <Space direction="vertical" size={4}>
            <span>
              <Tag color={c.overdue ? RED : BROWN}>{`${c.overdue ? t.callbackOverdue : t.pending}，${c.callbackDue}`}</Tag>
              <ProvisionalTag date={c.callbackDue} />
            </span>
            {canReply && (
              <Button size="small" onClick={() => (setNote(''), setCallback(c))}>
                {t.callbackDone}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.callsTitle}
        intro={t.callsIntro}
        extra={
          <>
            {canReply && (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setLogging(true)}>
                {t.logCall}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={CALLS_XLSX}>
              {t.exportCalls}
            </Button>
          </>
        }
      />
      {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
      <Card>
        <Space wrap className="mailbox-filters" size={[12, 12]}>
          <Segmented<State>
            aria-label={t.callback}
            value={state}
            onChange={choose}
            options={[
              { value: 'all', label: t.all },
              { value: 'pending', label: t.pending },
              { value: 'soon', label: t.dueSoon },
              { value: 'overdue', label: t.callbackOverdue },
            ]}
          />
          {unitOptions && <Select aria-label={t.unitLabel} placeholder={t.unitLabel} allowClear showSearch optionFilterProp="label" style={{ width: 220 }} value={unitId} onChange={(v) => (setUnitId(v), setPage(1))} options={unitOptions} />}
          {dueDate && (
            <Tag closable color={BLUE} onClose={() => (setDueDate(undefined), replaceSearchParam('dueDate', null))}>
              {`${t.callbackDue} ${dueDate}`}
            </Tag>
          )}
          {one && (
            <Tag closable color={BLUE} onClose={() => (setOne(undefined), replaceSearchParam('id', null))}>
              单条来电
            </Tag>
          )}
        </Space>
        <Table<CallRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: <ListEmpty filtered={!!(state !== 'all' || dueDate || one || unitId)} empty={t.callsEmpty} hint={t.callsEmptyHint} noMatch={t.filteredEmpty} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
        />
      </Card>
      <CallDialog
        open={logging}
        phones={phones.data?.items ?? []}
        unitOptions={unitOptions}
        onClose={() => setLogging(false)}
        onDone={(row) => (setLogging(false), message.success(t.callSaved(row.callbackDue)), void list.reload())}
      />
      <Modal open={callback !== null} title={t.callbackDone} okText={t.ok} cancelText={t.cancel} onCancel={() => setCallback(null)} onOk={() => void saveCallback()} okButtonProps={{ disabled: !note.trim() }}>
        {callback && <p>{callback.question}</p>}
        <Input.TextArea aria-label={t.callbackNote} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
