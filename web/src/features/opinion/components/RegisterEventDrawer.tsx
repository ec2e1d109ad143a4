import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { listDomains, registerEvent, type EventInput } from '../api.ts';
import { t } from '../strings.ts';

const SOURCES = ['网络', '媒体', '12345', '信箱', '上级交办', '其他'];
const CATEGORIES = ['重大政策误解误读', '涉及切身利益', '冲击道德底线', '突发事件和自然灾害', '上级要求回应'];
const LEVELS = ['特别重大', '重大', '较大', '一般'];

/** 收集: registers an event; choosing a domain proposes its unit from the domain table. */
export function RegisterEventDrawer({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const domains = useLoad(listDomains, []);
  const units = useUnitCatalog();
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, firstSeenAt: new Date(v.firstSeenAt).toISOString(), sourceUrl: v.sourceUrl || null, sourceText: v.sourceText || null, domainId: v.domainId || null } as EventInput;
      const row = await registerEvent(body);
      form.resetFields();
      onDone(row.id);
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={t.register} size={560} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="register-event" initialValues={{ source: '网络', level: '一般' }}>
        <Form.Item label={t.source} name="source" rules={[{ required: true }]}>
          <Select options={SOURCES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label={t.sourceUrl} name="sourceUrl">
          <Input maxLength={1000} placeholder="https://" />
        </Form.Item>
        <Form.Item label={t.sourceText} name="sourceText">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t.firstSeenAt} name="firstSeenAt" rules={[{ required: true, message: '请填写首次发现时间' }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t.summaryLabel} name="summary" rules={[{ required: true, min: 4, message: '请填写舆情摘要' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t.domain} name="domainId" extra={t.domainHelp}>
          <Select
            allowClear
            options={(domains.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.units.map((u) => u.name).join('、')}）` }))}
            onChange={(id) => {
              const d = domains.data?.items.find((x) => x.id === id);
              if (d?.units[0]) form.setFieldValue('responsibleUnitId', d.units[0].id);
            }}
          />
        </Form.Item>
        <Form.Item label={t.category} name="category" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={CATEGORIES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label={t.level} name="level" rules={[{ required: true }]}>
          <Select options={LEVELS.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label={t.unit} name="responsibleUnitId">
          <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.save}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
export { CATEGORIES, LEVELS, SOURCES };
