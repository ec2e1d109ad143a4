import { Alert, App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table, Input } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import type { PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { deleteDomain, getSettings, listDomains, saveDomain, saveSettings, type Domain, type Settings } from '../api.ts';
import { t } from '../strings.ts';

/** The domain table (领域 → 负责单位) and the clocks; the office edits, everyone reads. */
export function SettingsPage(_: PageProps) {
  const { message } = App.useApp();
  const canManage = usePermission('opinion.manage');
  const domains = useLoad(listDomains, []);
  const settings = useLoad(getSettings, []);
  const units = useUnitCatalog();
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));
  const [editing, setEditing] = useState<{ id: string | null; name: string; unitIds: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Settings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const run = async (fn: () => Promise<unknown>, after: () => void) => {
    setError(null);
    try {
      await fn();
      message.success(t.saved);
      after();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader title={t.settingsTitle} />
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      {domains.error && <LoadError error={domains.error} onRetry={() => void domains.reload()} />}
      <Card title={<h2 className="card-title">{t.domainsTitle}</h2>} className="block-gap" extra={canManage && <Button onClick={() => setEditing({ id: null, name: '', unitIds: [] })}>新增领域</Button>}>
        <Table<Domain>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={domains.data?.items ?? []}
          columns={[
            { title: t.domain, dataIndex: 'name', width: 200 },
            { title: t.unit, render: (_v, d) => d.units.map((u) => u.name).join('、') },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    width: 160,
                    render: (_v: unknown, d: Domain) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing({ id: d.id, name: d.name, unitIds: d.units.map((u) => u.id) })}>修改</Button>
                        <Popconfirm title="删除该领域？" onConfirm={() => run(() => deleteDomain(d.id), () => void domains.reload())}>
                          <Button size="small" danger>删除</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editing && (
          <Space wrap className="block-gap" style={{ marginTop: 12 }}>
            <Input aria-label={t.domain} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} placeholder={t.domain} maxLength={50} style={{ width: 200 }} />
            <Select aria-label={t.unit} mode="multiple" value={editing.unitIds} onChange={(unitIds) => setEditing({ ...editing, unitIds })} options={unitOptions} showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 280 }} />
            <Button type="primary" onClick={() => run(() => saveDomain(editing.id, { name: editing.name, unitIds: editing.unitIds }), () => (setEditing(null), void domains.reload()))}>{t.save}</Button>
            <Button onClick={() => setEditing(null)}>{t.cancel}</Button>
          </Space>
        )}
      </Card>
      <Card title={<h2 className="card-title">时限与协调单位</h2>}>
        <Form form={form} layout="vertical" name="opinion-settings" disabled={!canManage} onFinish={(v) => run(() => saveSettings(v), () => void settings.reload())} style={{ maxWidth: 480 }}>
          <Form.Item label={t.coordinator} name="coordinatorUnitId">
            <Select allowClear options={unitOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          {(['authoritativeHours', 'pressConferenceHours', 'responseHours', 'remindBeforeHours'] as const).map((k) => (
            <Form.Item key={k} label={t.hours[k]} name={k} rules={[{ required: true }]}>
              <InputNumber min={1} max={168} />
            </Form.Item>
          ))}
          {canManage && <Button type="primary" htmlType="submit">{t.save}</Button>}
        </Form>
      </Card>
    </>
  );
}
