import { Alert, App, Button, Form, Grid, Input, Modal, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { listMarks, withdrawMark, type CircularMark } from '../api.ts';
import { t } from '../strings.ts';

/** The 通报 marks of a plan, and withdrawing one made in error (with a reason; the row stays, flagged). */
export function CircularMarks({ planId, canManage }: { planId: string; canManage: boolean }) {
  const { message } = App.useApp();
  const marks = useLoad(() => listMarks(planId), [planId]);
  const [target, setTarget] = useState<CircularMark | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const wide = Grid.useBreakpoint().md ?? true;
  // ?marks=pending: only the marks still to be decided (the workbench's count links here).
  const [which, setWhich] = useState<'pending' | 'all'>(() => (searchParam('marks') === 'pending' ? 'pending' : 'all'));
  const shown = (marks.data ?? []).filter((m) => which === 'all' || m.pending);
  const sectionRef = useRef<HTMLElement>(null);
  const linked = searchParam('marks') === 'pending';
  useEffect(() => {
    if (linked && marks.data) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [linked, marks.data]);

  const open = (m: CircularMark) => {
    setError(null);
    form.resetFields();
    setTarget(m);
  };
  const submit = async ({ reason }: { reason: string }) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await withdrawMark(planId, target.id, reason.trim());
      message.success(t.markWithdrawnDone);
      setTarget(null);
      await marks.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<CircularMark> = [
    { title: t.colMarkUnit, dataIndex: 'unitName', width: 140 },
    {
      title: t.colMarkKind,
      dataIndex: 'kind',
      width: 120,
      render: (kind: string, m) => (
        <>
          <Tag color={m.withdrawn ? undefined : kind === 'commend' ? '#237804' : '#a8071a'}>{t.eventKind[kind]}</Tag>
          {m.withdrawn && <Tag>{t.markWithdrawn}</Tag>}
        </>
      ),
    },
    {
      title: t.colMarkReason,
      dataIndex: 'reason',
      render: (reason: string, m) => (
        <>
          <span className={m.withdrawn ? 'text-muted' : undefined}>{reason}</span>
          {!wide && <div className="cell-note">{`${m.createdByName ?? ''} · ${formatDateTime(m.createdAt)}`}</div>}
        </>
      ),
    },
    { title: t.colMarkBy, dataIndex: 'createdByName', width: 120, responsive: ['md'] },
    { title: t.colMarkAt, dataIndex: 'createdAt', width: 170, responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    ...(canManage
      ? [
          {
            title: common.actions,
            key: 'actions',
            width: 90,
            render: (_: unknown, m: CircularMark) =>
              m.withdrawn ? null : (
                <Button type="link" size="small" danger onClick={() => open(m)} aria-label={t.withdrawMarkTitle(m.unitName ?? '', t.eventKind[m.kind])}>
                  {t.withdrawMark}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="marks-h" className="marks-section" ref={sectionRef}>
      <Typography.Title level={3} id="marks-h" className="section-title">
        {t.marksTitle}
      </Typography.Title>
      <p className="text-muted">{t.marksIntro}</p>
      <div className="toolbar">
        <Segmented<'pending' | 'all'>
          aria-label={t.marksFilter}
          value={which}
          onChange={(v) => {
            setWhich(v);
            replaceSearchParam('marks', v === 'pending' ? 'pending' : null);
          }}
          options={[
            { value: 'pending', label: t.marksPending((marks.data ?? []).filter((m) => m.pending).length) },
            { value: 'all', label: t.marksAll((marks.data ?? []).length) },
          ]}
        />
      </div>
      {marks.error && <LoadError error={marks.error} onRetry={() => void marks.reload()} />}
      <Table<CircularMark>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={marks.loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t.marksEmpty }}
      />
      <Modal
        open={!!target}
        title={target ? t.withdrawMarkTitle(target.unitName ?? '', t.eventKind[target.kind]) : ''}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        okText={t.withdrawMark}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        {target && <p>{target.reason}</p>}
        <Form form={form} layout="vertical" onFinish={submit} name="withdraw-mark">
          <Form.Item label={t.withdrawMarkReason} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t.withdrawMarkReasonRequired }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
