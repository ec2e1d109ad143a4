import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { navigate } from '../../../lib/router.tsx';
import { carryOver } from '../api.ts';
import { t } from '../strings.ts';

/** 回头看: unfinished measures and units go into next year's rectification ledger with a new due date. */
export function CarryOverDialog({ planId, year, open, onClose }: { planId: string; year: number; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dueDate: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { dueDate: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await carryOver(planId, v.dueDate);
      message.success(t.carried(r.measures, r.assignments));
      onClose();
      navigate(`/plans/${r.plan.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t.carryTitle} onCancel={onClose} onOk={() => form.submit()} okText={t.carryConfirm} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.carryIntro}</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="carry-over" initialValues={{ dueDate: `${year + 1}-06-30` }}>
        <Form.Item label={t.carryDue} name="dueDate" rules={[{ required: true, message: t.carryDueRequired }]}>
          <Input type="date" min={`${year + 1}-01-01`} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
