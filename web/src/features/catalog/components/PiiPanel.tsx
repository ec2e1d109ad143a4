import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { keepPii, maskPii, type PiiFinding } from '../api.ts';
import { RED } from '../colors.ts';
import { t } from '../strings.ts';

interface Props {
  documentId: string;
  /** null: not checked yet (the server lists findings when an approval is refused). */
  findings: PiiFinding[] | null;
  /** The text the offsets point into, to show each finding in its context. */
  title: string;
  bodyText: string;
  /** Whether this user may mask or keep (a reviewer of the document's unit). */
  canResolve: boolean;
  /** After a change: the findings left, when the caller cannot re-read them. */
  onResolved: (left: PiiFinding[]) => void;
  /** Shown above the table when an approval was just refused. */
  blocked?: boolean;
}

const key = (f: PiiFinding) => `${f.field}:${f.type}:${f.start}:${f.value}`;

function Where({ f, title, bodyText }: { f: PiiFinding; title: string; bodyText: string }) {
  const text = f.field === 'title' ? title : f.field === 'body' ? bodyText : '';
  if (!text || text.slice(f.start, f.end) !== f.value) return <>{t.piiWhere[f.field] ?? f.field}</>;
  const before = text.slice(Math.max(0, f.start - 12), f.start);
  const after = text.slice(f.end, f.end + 12);
  return (
    <>
      <span className="pii-field">{t.piiWhere[f.field]}</span>
      <span className="pii-context">
        {f.start > 12 && '…'}
        {before}
        <mark>{f.value}</mark>
        {after}
        {f.end + 12 < text.length && '…'}
      </span>
    </>
  );
}

/** 个人信息检查: each open finding with its proposed mask; mask one or all, or keep one with a reason. */
export function PiiPanel({ documentId, findings, title, bodyText, canResolve, onResolved, blocked }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [keeping, setKeeping] = useState<PiiFinding | null>(null);
  const [keepForm] = Form.useForm<{ reason: string }>();
  const list = findings ?? [];
  const maskable = list.filter((f) => f.field !== 'attachment');

  const mask = async (values?: string[]) => {
    setBusy(values ? values.join('|') : 'all');
    try {
      const r = await maskPii(documentId, values);
      message.success(t.masked(r.masked));
      onResolved(list.filter((f) => f.field === 'attachment' || (values ? !values.includes(f.value) : false)));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const keep = async ({ reason }: { reason: string }) => {
    if (!keeping) return;
    setBusy('keep');
    try {
      await keepPii(documentId, { type: keeping.type, value: keeping.value, reason: reason.trim() });
      message.success(t.keptOk);
      const k = keeping;
      setKeeping(null);
      keepForm.resetFields();
      onResolved(list.filter((f) => !(f.type === k.type && f.value === k.value)));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<PiiFinding> = [
    { title: t.piiColType, key: 'type', width: 96, render: (_, f) => <Tag color={RED}>{t.piiType[f.type] ?? f.type}</Tag> },
    {
      title: `${t.piiColValue}（${t.piiColWhere}）`,
      key: 'value',
      render: (_, f) => (
        <>
          <code className="pii-value">{f.value}</code>
          <div className="cell-note">
            <Where f={f} title={title} bodyText={bodyText} />
          </div>
        </>
      ),
    },
    { title: t.piiColMask, key: 'masked', render: (_, f) => <code className="pii-masked">{f.masked}</code> },
    ...(canResolve
      ? [
          {
            title: t.colActions,
            key: 'actions',
            width: 150,
            render: (_: unknown, f: PiiFinding) => {
              const label = t.piiType[f.type] ?? f.type;
              return (
                <Space size={4} wrap>
                  {f.field !== 'attachment' && (
                    <Button size="small" loading={busy === f.value} aria-label={t.maskOneLabel(label, f.value)} onClick={() => void mask([f.value])}>
                      {t.maskOne}
                    </Button>
                  )}
                  <Button size="small" autoInsertSpace={false} aria-label={t.keepLabel(label, f.value)} onClick={() => setKeeping(f)}>
                    {t.keep}
                  </Button>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <section className="pii-panel" aria-labelledby="pii-title" data-testid="pii-panel">
      <h3 id="pii-title" className="panel-title">
        <SafetyCertificateOutlined aria-hidden /> {t.piiTitle}
      </h3>
      <p className="text-muted">{t.piiIntro}</p>
      {blocked && list.length > 0 && <Alert role="alert" type="error" showIcon title={t.piiBlocked(list.length)} className="block-gap" />}
      {findings === null ? (
        <p className="text-muted">{t.piiNotChecked}</p>
      ) : list.length === 0 ? (
        <Alert type="success" showIcon title={t.piiNone} />
      ) : (
        <>
          {canResolve && maskable.length > 0 && (
            <Button type="primary" danger className="block-gap" loading={busy === 'all'} onClick={() => void mask(maskable.length === list.length ? undefined : maskable.map((f) => f.value))}>
              {t.maskAll}
            </Button>
          )}
          <Table<PiiFinding> rowKey={key} size="small" pagination={false} columns={columns} dataSource={list} className="pii-table" scroll={{ x: 560 }} />
          {list.some((f) => f.field === 'attachment') && <p className="text-muted">{t.attachmentMaskNote}</p>}
        </>
      )}
      <Modal
        open={!!keeping}
        title={t.keepTitle}
        okText={t.keep}
        confirmLoading={busy === 'keep'}
        onOk={() => keepForm.submit()}
        onCancel={() => setKeeping(null)}
        destroyOnHidden
      >
        {keeping && (
          <p>
            {t.piiType[keeping.type] ?? keeping.type}：<code>{keeping.value}</code>
          </p>
        )}
        <Form form={keepForm} layout="vertical" onFinish={(v) => void keep(v)}>
          <Form.Item name="reason" label={t.keepReason} extra={t.keepReasonHelp} rules={[{ required: true, whitespace: true, min: 2, message: t.keepReasonRequired }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
          </Form.Item>
          <Space wrap>
            {t.keepReasons.map((r) => (
              <Button key={r} size="small" onClick={() => keepForm.setFieldValue('reason', r)}>
                {r}
              </Button>
            ))}
          </Space>
        </Form>
      </Modal>
    </section>
  );
}
