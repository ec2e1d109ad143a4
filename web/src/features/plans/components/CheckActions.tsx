import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { checkAssignment, type AssignmentStatus, type CheckStatus } from '../api.ts';
import { t } from '../strings.ts';

export interface CheckTarget {
  id: string;
  unitName: string;
  seq: number;
  status: AssignmentStatus;
  checkStatus: CheckStatus;
  lastReportAt: string | null;
}

/** Whether the lead unit can check this assignment now: reported, and the report not yet checked. */
export const awaitingCheck = (a: CheckTarget) => !!a.lastReportAt && a.checkStatus === 'pending';
/** Only a report of 已完成 or 无法完成 can be accepted; any report can be returned. */
const acceptable = (a: CheckTarget) => a.status === 'done' || a.status === 'cannot_complete';

/** 核查 by the lead unit: 通过 (confirm) or 退回 (comment required, optionally a new due date). */
export function CheckActions({ target, onDone, vertical }: { target: CheckTarget; onDone: () => void; vertical?: boolean }) {
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment: string; newDueDate?: string }>();

  const accept = async () => {
    try {
      await checkAssignment(target.id, { decision: 'accept' });
      message.success(t.accepted);
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const sendBack = async (v: { comment: string; newDueDate?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await checkAssignment(target.id, { decision: 'return', comment: v.comment.trim(), newDueDate: v.newDueDate || null });
      message.success(t.returned);
      setReturning(false);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!awaitingCheck(target)) return null;
  return (
    <>
      <Space size={4} orientation={vertical ? 'vertical' : 'horizontal'}>
        {acceptable(target) && (
          <Popconfirm title={t.acceptConfirm(target.unitName)} onConfirm={() => void accept()}>
            <Button type="primary" size="small" aria-label={t.checkAria(t.accept, target.unitName, target.seq)}>
              {t.accept}
            </Button>
          </Popconfirm>
        )}
        <Button
          danger
          size="small"
          onClick={() => {
            setError(null);
            form.resetFields();
            setReturning(true);
          }}
          aria-label={t.checkAria(t.return, target.unitName, target.seq)}
        >
          {t.return}
        </Button>
      </Space>
      <Modal
        open={returning}
        title={t.returnTitle(target.unitName)}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        okText={t.return}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        <Form form={form} layout="vertical" onFinish={sendBack} name={`return-${target.id}`}>
          <Form.Item label={t.returnComment} name="comment" rules={[{ required: true, whitespace: true, message: t.returnCommentRequired }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            label={t.returnNewDue}
            name="newDueDate"
            extra={t.returnNewDueHelp}
            rules={[{ validator: async (_r, v?: string) => { if (v && v < todayInShanghai()) throw new Error(t.returnNewDuePast); } }]}
          >
            <Input type="date" min={todayInShanghai()} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
