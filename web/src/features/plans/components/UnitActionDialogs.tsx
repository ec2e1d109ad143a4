import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { markUnit, urgeUnit, type UnitProgress } from '../api.ts';
import { t } from '../strings.ts';

/** 督促: the office presses a unit about all its work in this plan; the unit is notified. */
export function UrgeDialog({ planId, unit, onClose }: { planId: string; unit: UnitProgress | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!unit) return;
    setError(null);
    form.setFieldsValue({ message: t.urgeDefault });
  }, [unit, form]);

  const submit = async (v: { message: string }) => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      await urgeUnit(planId, { unitId: unit.unitId, message: v.message.trim() });
      message.success(t.urged);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!unit} title={unit ? t.urgeTitle(unit.name) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="urge-unit">
        <Form.Item label={t.urgeMessage} name="message" rules={[{ required: true, whitespace: true, min: 2, message: t.urgeMessageRequired }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 通报表扬 / 通报批评: a mark that the next drafted circular names, with its reason. */
export function MarkDialog({ planId, unit, onClose }: { planId: string; unit: UnitProgress | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'commend' | 'criticize'; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!unit) return;
    setError(null);
    // Nothing chosen by default: praise or criticism is the office's decision, never a stray click's.
    form.resetFields();
  }, [unit, form]);

  const submit = async (v: { kind: 'commend' | 'criticize'; reason: string }) => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      await markUnit(planId, { unitId: unit.unitId, kind: v.kind, reason: v.reason.trim() });
      message.success(t.marked);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!unit} title={unit ? t.markTitle(unit.name) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="mark-unit">
        <Form.Item label={t.markKind} name="kind" rules={[{ required: true, message: t.markKindRequired }]}>
          <Radio.Group
            options={[
              { value: 'commend', label: t.eventKind.commend },
              { value: 'criticize', label: t.eventKind.criticize },
            ]}
          />
        </Form.Item>
        <Form.Item label={t.markReason} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t.markReasonRequired }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
