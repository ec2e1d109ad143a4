import { Alert, Button, Card, Empty, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import type { PageProps } from '../../../lib/router.tsx';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { createPressEvent, listPressEvents, type PressEventItem, type PressInput } from '../api.ts';
import { DocumentPicker } from '../components/DocumentPicker.tsx';
import { t } from '../strings.ts';

const KINDS = ['新闻发布会', '通气会', '专访', '线上访谈'];

/** 新闻发布: press events of a year, counted against the plan's 不少于4次 / 不少于2次. */
export function PressEventsPage(_: PageProps) {
  const canPress = usePermission('opinion.press');
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useLoad(() => listPressEvents(year), [year]);
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
  return (
    <>
      <PageHeader title={t.pressTitle} intro={t.pressIntro} extra={canPress && <Button type="primary" onClick={() => setAdding(true)}>{t.addPress}</Button>} />
      <Card>
        <div className="toolbar">
          <Select aria-label={t.year} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
          <span>{t.countLine(items.length, items.filter((p) => p.leaderSpoke).length)}</span>
        </div>
        {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
        <Table<PressEventItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t.pressEmpty(year)} /> }}
          scroll={{ x: 900 }}
          columns={[
            { title: t.heldOn, dataIndex: 'heldOn', width: 110 },
            { title: t.pressKind, dataIndex: 'kind', width: 100 },
            { title: t.topic, dataIndex: 'topic', render: (v: string, r) => (r.isSample ? <><Tag>{t.sample}</Tag>{v}</> : v) },
            { title: t.organizer, dataIndex: 'organizerName', width: 120 },
            { title: t.speakers, dataIndex: 'speakers', width: 160, render: (v: string, r) => <>{v}{r.leaderSpoke && <Tag color="red">负责同志</Tag>}</> },
            { title: t.policies, width: 220, render: (_v, r) => r.policies.map((p) => <div key={p.id}>{p.url ? <a href={p.url}>{p.title}</a> : p.title}</div>) },
            { title: t.result, width: 160, render: (_v, r) => (r.result ? r.result.url ? <a href={r.result.url}>{r.result.title}</a> : `${r.result.title}（未发布）` : '—') },
          ]}
        />
      </Card>
      <AddPressDialog open={adding} onClose={() => setAdding(false)} onDone={() => (setAdding(false), void list.reload())} />
    </>
  );
}

function AddPressDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const me = useMe();
  const units = useUnitCatalog();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: PressInput) => {
    setBusy(true);
    setError(null);
    try {
      await createPressEvent({ ...v, leaderSpoke: !!v.leaderSpoke, policyIds: v.policyIds ?? [], resultDocumentId: v.resultDocumentId || null });
      form.resetFields();
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t.addPress} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={busy} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" name="press-event" onFinish={submit} initialValues={{ kind: '新闻发布会', heldOn: todayInShanghai(), organizerUnitId: me.user.unitId, leaderSpoke: false }}>
        <Form.Item label={t.pressKind} name="kind">
          <Select options={KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item label={t.heldOn} name="heldOn" rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t.topic} name="topic" rules={[{ required: true, min: 4, message: '请填写主题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t.organizer} name="organizerUnitId">
          <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))} />
        </Form.Item>
        <Form.Item label={t.speakers} name="speakers" rules={[{ required: true, min: 2, message: '请填写发布人' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t.leaderSpoke} name="leaderSpoke" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={t.policies} name="policyIds">
          <DocumentPicker multiple />
        </Form.Item>
        <Form.Item label={t.result} name="resultDocumentId">
          <DocumentPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
