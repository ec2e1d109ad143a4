import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { createCommitment, fulfilCommitment, type CommitmentInput, type FulfilInput } from '../api.ts';
import { t } from '../strings.ts';
import { DocumentPicker } from './DocumentPicker.tsx';

function useSubmit<T>(fn: (v: T) => Promise<unknown>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (v: T) => {
    setBusy(true);
    setError(null);
    try {
      await fn(v);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** 登记承诺: text, owner unit (the event's by default), promised date. */
export function AddCommitmentDialog({ open, eventId, ownerUnitId, onClose, onDone }: { open: boolean; eventId?: string; ownerUnitId?: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const units = useUnitCatalog();
  const s = useSubmit((v: CommitmentInput) => createCommitment({ ...v, eventId: eventId ?? null }), onDone);
  return (
    <Modal open={open} title={t.addCommitment} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={s.busy} destroyOnHidden>
      {s.error && <Alert role="alert" type="error" showIcon title={s.error} className="block-gap" />}
      <Form form={form} layout="vertical" name="add-commitment" onFinish={s.run} initialValues={{ ownerUnitId }}>
        <Form.Item label={t.commitmentText} name="text" rules={[{ required: true, min: 4, message: '请填写承诺内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t.owner} name="ownerUnitId" rules={[{ required: true, message: '请选择承诺单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))} />
        </Form.Item>
        <Form.Item label={t.promisedOn} name="promisedOn" rules={[{ required: true, message: '请填写承诺完成日期' }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记履行: the date, the evidence and where the result is published. */
export function FulfilDialog({ commitmentId, onClose, onDone }: { commitmentId: string | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const s = useSubmit((v: FulfilInput) => fulfilCommitment(commitmentId!, { ...v, documentId: v.documentId || null, publicUrl: v.publicUrl || null }), onDone);
  return (
    <Modal open={!!commitmentId} title={t.fulfil} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={s.busy} destroyOnHidden>
      {s.error && <Alert role="alert" type="error" showIcon title={s.error} className="block-gap" />}
      <Form form={form} layout="vertical" name="fulfil-commitment" onFinish={s.run} initialValues={{ fulfilledOn: todayInShanghai() }}>
        <Form.Item label={t.fulfilledOn} name="fulfilledOn" rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t.evidence} name="evidence" rules={[{ required: true, min: 4, message: '请填写履行情况和佐证' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label={t.documentId} name="documentId">
          <DocumentPicker />
        </Form.Item>
        <Form.Item label={t.publicUrl} name="publicUrl">
          <Input maxLength={1000} placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
