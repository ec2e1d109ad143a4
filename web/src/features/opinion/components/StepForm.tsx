import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { addStep, type StepInput } from '../api.ts';
import { t } from '../strings.ts';
import { DocumentPicker } from './DocumentPicker.tsx';

const RESPONSE_KINDS = ['发布权威信息', '新闻发布会', '吹风会', '接受采访', '其他'];
type Kind = 'consult' | 'assess' | 'respond' | 'evaluate';

const nowLocal = () => {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** The form of the next step of the chain; the server checks the order and the times. */
export function StepForm({ eventId, kinds, onDone }: { eventId: string; kinds: Kind[]; onDone: () => void }) {
  const [kind, setKind] = useState<Kind>(kinds[0]);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = kinds.includes(kind) ? kind : kinds[0];
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, kind: active, at: new Date(v.at).toISOString(), documentId: v.documentId || null, url: v.url || null } as StepInput;
      await addStep(eventId, body);
      form.resetFields();
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} name="event-step" initialValues={{ at: nowLocal() }}>
      {kinds.length > 1 && (
        <Form.Item label="环节">
          <Select aria-label="环节" value={active} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t.stepKind[k] }))} style={{ width: 160 }} />
        </Form.Item>
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form.Item label={t.stepAt} name="at" rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      {active === 'consult' && (
        <Form.Item label={t.participants} name="participants" rules={[{ required: true, message: '请填写参加会商的单位和人员' }]}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      {(active === 'assess' || active === 'respond') && (
        <Form.Item label={active === 'assess' ? t.plannedResponse : t.responseKind} name="responseKind" rules={[{ required: true, message: '请选择回应方式' }]}>
          <Select options={RESPONSE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
      )}
      <Form.Item
        label={{ consult: t.consultContent, assess: t.assessContent, respond: t.respondContent, evaluate: t.evaluateContent }[active]}
        name="content"
        rules={[{ required: true, min: 2, message: '请填写内容' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} showCount />
      </Form.Item>
      {active === 'respond' && (
        <>
          <Form.Item label={t.documentId} name="documentId">
            <DocumentPicker />
          </Form.Item>
          <Form.Item label={t.responseUrl} name="url">
            <Input maxLength={1000} placeholder="https://" />
          </Form.Item>
        </>
      )}
      {active === 'evaluate' && (
        <Form.Item label={t.followUp} name="followUp">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t.nextStep(t.stepKind[active])}
      </Button>
    </Form>
  );
}
