import { Alert, App, AutoComplete, Button, Card, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { nowForDateTimeInput } from '../../../lib/format.ts';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { listPhones, recordSpotCheck, savePhone, spotSummary, type PhoneRow, type SpotSummary } from '../api.ts';
import { t } from '../strings.ts';
import '../mailbox.css';

type Dialog = 'phone' | 'check' | null;

/** 联系电话与抽查: each unit's published numbers; the office's spot checks and their results per unit (for the 通报). */
export function PhonesPage() {
  const { message } = App.useApp();
  const isOffice = usePermission('mailbox.manage');
  const canReply = usePermission('mailbox.reply');
  const phones = useLoad(listPhones, []);
  const checks = useLoad(() => spotSummary(), []);
  const units = useLoad(() => (isOffice ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [isOffice]);
  const unitOptions = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const unitId = Form.useWatch('unitId', form);

  const submit = async (v: Record<string, string | boolean>) => {
    setBusy(true);
    setError(null);
    try {
      if (dialog === 'phone') await savePhone({ unitId: (v.unitId as string) || undefined, phone: String(v.phone), label: String(v.label), hours: (v.hours as string) || undefined });
      else
        await recordSpotCheck({ unitId: String(v.unitId), checkedAt: `${v.checkedAt}:00+08:00`, numberDialled: String(v.numberDialled), answered: !!v.answered, withinHours: !!v.withinHours, result: String(v.result) });
      setDialog(null);
      message.success(t.done);
      await Promise.all([phones.reload(), checks.reload()]);
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  const open = (d: Dialog) => (form.resetFields(), setError(null), setDialog(d));
  const dialled = (phones.data?.items ?? []).filter((p) => p.unitId === unitId).map((p) => ({ value: p.phone, label: `${p.phone}（${p.label}）` }));

  return (
    <>
      <PageHeader title={t.phonesTitle} intro={t.phonesIntro} />
      {phones.error && <LoadError error={phones.error} onRetry={() => void phones.reload()} />}
      <Card title={<h2 className="card-title">{t.phones}</h2>} className="block-gap" extra={canReply && <Button onClick={() => open('phone')}>{t.addPhone}</Button>}>
        <Table<PhoneRow>
          rowKey="id"
          size="small"
          loading={phones.loading}
          dataSource={phones.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t.unitLabel, dataIndex: 'unitName' },
            { title: t.phone, dataIndex: 'phone', width: 150 },
            { title: t.phoneLabel, dataIndex: 'label', responsive: ['md'] },
            { title: t.hours, dataIndex: 'hours', responsive: ['lg'] },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t.spotChecks}</h2>} extra={isOffice && <Button onClick={() => open('check')}>{t.addSpotCheck}</Button>}>
        {checks.error && <LoadError error={checks.error} onRetry={() => void checks.reload()} />}
        <Table<SpotSummary>
          rowKey="unitId"
          size="small"
          loading={checks.loading}
          dataSource={checks.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t.unitLabel, dataIndex: 'unitName' },
            { title: t.checks, dataIndex: 'checks', width: 100 },
            { title: t.answered, dataIndex: 'answered', width: 100 },
            { title: t.unansweredInHours, dataIndex: 'unansweredInHours', width: 140, render: (n: number) => (n > 0 ? <strong className="text-danger">{n}</strong> : n) },
          ]}
        />
      </Card>
      <Modal open={dialog !== null} title={dialog === 'phone' ? t.addPhone : t.addSpotCheck} okText={t.ok} cancelText={t.cancel} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="mailbox-phones" onFinish={submit} initialValues={{ checkedAt: nowForDateTimeInput(), answered: true, withinHours: true, hours: '工作日 9:00—12:00，14:00—17:30' }}>
          {isOffice && (
            <Form.Item label={t.unitLabel} name="unitId" rules={dialog === 'check' ? [{ required: true, message: '请选择单位' }] : []}>
              <Select showSearch allowClear optionFilterProp="label" options={unitOptions} />
            </Form.Item>
          )}
          {dialog === 'phone' && (
            <>
              <Form.Item label={t.phone} name="phone" rules={[{ required: true, message: '请填写电话号码' }]}>
                <Input maxLength={30} />
              </Form.Item>
              <Form.Item label={t.phoneLabel} name="label" rules={[{ required: true, message: '请填写名称' }]}>
                <Input maxLength={50} placeholder="如：政务公开咨询电话" />
              </Form.Item>
              <Form.Item label={t.hours} name="hours">
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
          {dialog === 'check' && (
            <>
              <Form.Item label={t.checkedAt} name="checkedAt" rules={[{ required: true, message: '请填写抽查时间' }]}>
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item label={t.numberDialled} name="numberDialled" rules={[{ required: true, message: '请填写拨打号码' }]}>
                <AutoComplete options={dialled} maxLength={30} />
              </Form.Item>
              <Form.Item label={t.answered} name="answered" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item label={t.withinHours} name="withinHours" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item label={t.result} name="result" rules={[{ required: true, message: '请填写抽查结果' }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
