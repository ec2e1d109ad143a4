import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { decideExtension, requestExtension, returnItem, reviewMessage, signItem, triageMessage, type MessageDetail } from '../api.ts';
import { t } from '../strings.ts';

type Kind = 'reject' | 'transfer' | 'leader' | 'instruction' | 'return' | 'extension' | 'refuse';
const TITLES: Record<Kind, string> = { reject: t.reject, transfer: t.transfer, leader: t.leader, instruction: t.instruction, return: t.returnIt, extension: t.askExtension, refuse: t.refuseExtension };

/**
 * The steps the person may take now: the office's 审看 (受理 / 不予受理), triage (即办 / 转办 / 呈办 and the
 * leader's instruction) and the extension decision; the unit's 签收, 退回 and one 申请延期 — the last
 * three through the platform's dispatch-and-reply ledger.
 */
export function ActionPanel({ d, isOffice, canReply, onDone }: { d: MessageDetail; isOffice: boolean; canReply: boolean; onDone: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const units = useLoad(() => (isOffice ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [isOffice]);
  const unitOptions = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const ledger = d.ledger;
  const atUnit = d.status === 'assigned' && ledger && ledger.unitId === d.unitId && ['pending', 'accepted'].includes(ledger.status);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setKind(null);
      form.resetFields();
      message.success(t.done);
      onDone();
    } catch (err) {
      if (kind) setError(errorMessage(err));
      else message.error(errorMessage(err), 6);
    } finally {
      setBusy(false);
    }
  };
  const open = (k: Kind) => (form.resetFields(), setError(null), setKind(k));
  const submit = (v: Record<string, string | number | undefined>) => {
    const id = d.id;
    if (kind === 'reject') void run(() => reviewMessage(id, { decision: 'reject', kind: v.kind as 'spam', reason: String(v.reason ?? '') }));
    if (kind === 'transfer') void run(() => triageMessage(id, { triage: 'transfer', unitId: String(v.unitId), note: (v.note as string) || undefined }));
    if (kind === 'leader') void run(() => triageMessage(id, { triage: 'leader', note: (v.note as string) || undefined }));
    if (kind === 'instruction') void run(() => triageMessage(id, { triage: 'instruction', instruction: String(v.instruction ?? '') }));
    if (kind === 'return' && ledger) void run(() => returnItem(ledger.id, String(v.reason ?? '')));
    if (kind === 'extension' && ledger) void run(() => requestExtension(ledger.id, Number(v.days), String(v.reason ?? '')));
    if (kind === 'refuse' && ledger) void run(() => decideExtension(ledger.id, false, (v.note as string) || undefined));
  };

  const buttons = [
    isOffice && d.status === 'received' && (
      <Button key="accept" type="primary" loading={busy && !kind} onClick={() => void run(() => reviewMessage(d.id, { decision: 'accept' }))}>
        {t.accept}
      </Button>
    ),
    isOffice && d.status === 'received' && <Button key="reject" onClick={() => open('reject')}>{t.reject}</Button>,
    isOffice && d.status === 'accepted' && d.triage !== 'immediate' && (
      <Button key="immediate" onClick={() => void run(() => triageMessage(d.id, { triage: 'immediate' }))}>
        {t.immediate}
      </Button>
    ),
    isOffice && d.status === 'accepted' && <Button key="transfer" type="primary" onClick={() => open('transfer')}>{t.transfer}</Button>,
    isOffice && d.status === 'accepted' && d.triage !== 'leader' && <Button key="leader" onClick={() => open('leader')}>{t.leader}</Button>,
    isOffice && d.status === 'accepted' && d.triage === 'leader' && <Button key="instruction" onClick={() => open('instruction')}>{t.instruction}</Button>,
    isOffice && ledger?.extension === 'requested' && (
      <Button key="approve" type="primary" onClick={() => void run(() => decideExtension(ledger.id, true))}>
        {t.approveExtension}
      </Button>
    ),
    isOffice && ledger?.extension === 'requested' && <Button key="refuse" onClick={() => open('refuse')}>{t.refuseExtension}</Button>,
    canReply && !isOffice && atUnit && ledger.status === 'pending' && (
      <Button key="sign" type="primary" onClick={() => void run(() => signItem(ledger.id))}>
        {t.sign}
      </Button>
    ),
    canReply && !isOffice && atUnit && <Button key="return" onClick={() => open('return')}>{t.returnIt}</Button>,
    canReply && !isOffice && atUnit && ledger.extension === 'none' && <Button key="ext" onClick={() => open('extension')}>{t.askExtension}</Button>,
  ].filter(Boolean);

  return (
    <>
      {isOffice && ledger?.extension === 'requested' && <Alert type="warning" showIcon className="block-gap" message={t.extensionAsked(ledger.extensionDays ?? 0, ledger.extensionReason ?? '')} />}
      {buttons.length ? <Space wrap>{buttons}</Space> : <Typography.Text type="secondary">{t.noActions}</Typography.Text>}
      <Modal open={kind !== null} title={kind ? TITLES[kind] : ''} okText={t.ok} cancelText={t.cancel} onCancel={() => setKind(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="mailbox-action" onFinish={submit} initialValues={{ days: 5 }}>
          {kind === 'reject' && (
            <Form.Item label={t.rejectKind} name="kind" rules={[{ required: true, message: '请选择不予受理的类别' }]}>
              <Select options={Object.entries(t.rejectKinds).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          )}
          {kind === 'transfer' && (
            <Form.Item label={t.transferTo} name="unitId" rules={[{ required: true, message: '请选择承办单位' }]}>
              <Select showSearch optionFilterProp="label" options={unitOptions} />
            </Form.Item>
          )}
          {kind === 'extension' && (
            <Form.Item label={t.extensionDays} name="days" rules={[{ required: true, message: '请填写延期天数' }]}>
              <InputNumber min={1} max={30} />
            </Form.Item>
          )}
          {(kind === 'reject' || kind === 'return' || kind === 'extension') && (
            <Form.Item label={kind === 'reject' ? t.reasonVisible : kind === 'return' ? t.returnReason : t.extensionReason} name="reason" rules={[{ required: true, min: 2, message: '请写明理由' }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {(kind === 'transfer' || kind === 'leader' || kind === 'refuse') && (
            <Form.Item label={t.note} name="note">
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {kind === 'instruction' && (
            <Form.Item label={t.leaderInstruction} name="instruction" rules={[{ required: true, min: 2, message: '请填写领导批示' }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
