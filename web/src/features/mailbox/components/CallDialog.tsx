import { Alert, AutoComplete, Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { nowForDateTimeInput } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.tsx';
import { logCall, matchQuestion, type CallRecord, type LibraryMatch, type PhoneRow } from '../api.ts';
import { t } from '../strings.ts';
import { LibraryPanel } from './LibraryPanel.tsx';

interface Values {
  unitId?: string;
  calledAt: string;
  numberCalled: string;
  callerName?: string;
  callerPhone?: string;
  question: string;
  answer?: string;
  answeredOnSpot: boolean;
}

/**
 * 登记来电: time, number called (the unit's published numbers offered), caller, question — matched
 * against the Q&A library from the same screen — the answer, and whether it was answered on the spot
 * (otherwise a callback is due in 5 working days).
 */
export function CallDialog({ open, phones, unitOptions, onClose, onDone }: { open: boolean; phones: PhoneRow[]; unitOptions: { value: string; label: string }[] | null; onClose: () => void; onDone: (c: CallRecord) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [match, setMatch] = useState<LibraryMatch | null>(null);
  const me = useMe();
  const chosen = Form.useWatch('unitId', form);
  // The numbers of the unit taking the call (the office picks the unit); any other number may be typed.
  const unitId = unitOptions ? chosen : me.user.unitId;
  const numbers = phones.filter((p) => p.unitId === unitId).map((p) => ({ value: p.phone, label: `${p.phone}（${p.label}）` }));
  const search = async () => {
    const question = form.getFieldValue('question')?.trim();
    if (!question) return void form.validateFields(['question']);
    setError(null);
    try {
      setMatch(await matchQuestion(question));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const row = await logCall({ ...v, calledAt: `${v.calledAt}:00+08:00`, callerPhone: v.callerPhone || undefined, callerName: v.callerName || undefined, answer: v.answer || undefined });
      setMatch(null);
      onDone(row);
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t.logCall} okText={t.ok} cancelText={t.cancel} onCancel={() => (setMatch(null), onClose())} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={720}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="log-call" onFinish={submit} initialValues={{ calledAt: nowForDateTimeInput(), answeredOnSpot: true }}>
        {unitOptions && (
          <Form.Item label={t.unitLabel} name="unitId">
            <Select showSearch allowClear optionFilterProp="label" options={unitOptions} />
          </Form.Item>
        )}
        <Form.Item label={t.calledAt} name="calledAt" rules={[{ required: true, message: '请填写来电时间' }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t.numberCalled} name="numberCalled" rules={[{ required: true, message: '请填写被叫号码' }]}>
          <AutoComplete options={numbers} maxLength={30} />
        </Form.Item>
        <Form.Item label={t.callerName} name="callerName">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t.callerPhone} name="callerPhone">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label={t.question} name="question" rules={[{ required: true, message: '请填写来电内容' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button onClick={() => void search()} style={{ marginBottom: 12 }}>
          {t.searchLibrary}
        </Button>
        {match && (
          <div className="block-gap">
            <LibraryPanel items={match.items} confirm={false} useLabel={t.useAnswer} onUse={async (c) => form.setFieldsValue({ answer: c.answerText, answeredOnSpot: true })} />
          </div>
        )}
        <Form.Item label={t.answer} name="answer">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t.answeredOnSpot} name="answeredOnSpot" valuePropName="checked" extra="未当场答复的，须在 5 个工作日内回电">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
