import { Button, Card, Descriptions, Empty, Form, Input, Modal, Select, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { formatDateTime, todayInShanghai } from '../../../lib/format.ts';
import { Link, type PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getEvent, recordSupervision, type EventDetail } from '../api.ts';
import { ClockTags } from '../components/ClockTags.tsx';
import { CommitmentTable } from '../components/CommitmentTable.tsx';
import { AddCommitmentDialog, FulfilDialog } from '../components/CommitmentDialogs.tsx';
import { StepForm } from '../components/StepForm.tsx';
import { t } from '../strings.ts';

type Kind = 'consult' | 'assess' | 'respond' | 'evaluate';
const NEXT: Record<string, Kind[]> = { registered: ['consult'], consulted: ['consult', 'assess'], assessed: ['assess', 'respond'], responded: ['respond', 'evaluate'], evaluated: [] };

const load = (id: string) => getEvent(id).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)));

/** One event: facts, clocks, the chain step by step, its commitments and any 通报批评 / 约谈. */
export function EventPage({ params }: PageProps) {
  const canHandle = usePermission('opinion.handle');
  const canManage = usePermission('opinion.manage');
  const detail = useLoad(() => load(params.id), [params.id]);
  const [adding, setAdding] = useState(false);
  const [fulfilling, setFulfilling] = useState<string | null>(null);
  const [supervising, setSupervising] = useState(false);
  if (detail.data === null) return <NotFound />;
  if (detail.error && !detail.data) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  const d: EventDetail | undefined = detail.data;
  if (!d) return <Card loading />;
  const e = d.event;
  const next = NEXT[e.status] ?? [];
  const reload = () => void detail.reload();
  return (
    <>
      <PageHeader title={e.summary} intro={<Link to="/opinion/events">← {t.eventsTitle}</Link>} extra={e.isSample && <Tag>{t.sample}</Tag>} />
      <Card className="block-gap">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 's', label: t.source, children: e.source },
            { key: 'seen', label: t.firstSeenAt, children: formatDateTime(String(e.firstSeenAt)) },
            { key: 'd', label: t.domain, children: e.domainName ?? '—' },
            { key: 'c', label: t.category, children: e.category },
            { key: 'l', label: t.level, children: e.level },
            { key: 'u', label: t.unit, children: e.unitName },
            { key: 'st', label: t.colStatus, children: t.status[e.status] },
            { key: 'cl', label: t.colClocks, children: <ClockTags clocks={d.clocks} /> },
            ...(e.sourceUrl ? [{ key: 'url', label: t.sourceUrl, children: <a href={e.sourceUrl} target="_blank" rel="noreferrer noopener">{e.sourceUrl}</a> }] : []),
            ...(e.sourceText ? [{ key: 'txt', label: t.sourceText, children: e.sourceText }] : []),
          ]}
        />
      </Card>
      <div className="opinion-grid">
        <Card title={<h2 className="card-title">{t.chain}</h2>} className="block-gap">
          {d.steps.length === 0 ? (
            <Empty description="尚未会商" />
          ) : (
            <Timeline
              items={d.steps.map((s) => ({
                key: s.id,
                color: s.kind === 'evaluate' ? 'green' : 'blue',
                content: (
                  <div className="step-entry">
                    <Typography.Text strong>
                      {t.stepKind[s.kind]}
                      {s.responseKind ? `（${s.responseKind}）` : ''}
                    </Typography.Text>
                    <span className="text-muted">
                      {' '}
                      {formatDateTime(String(s.at))} · {s.by ?? '—'}
                    </span>
                    {s.participants && <div>{t.participants}：{s.participants}</div>}
                    <div>{s.content}</div>
                    {s.document && (
                      <div>
                        目录文件：{s.document.url ? <a href={s.document.url}>{s.document.title}</a> : `${s.document.title}（未发布）`}
                      </div>
                    )}
                    {s.url && (
                      <div>
                        链接：<a href={s.url} target="_blank" rel="noreferrer noopener">{s.url}</a>
                      </div>
                    )}
                    {s.followUp && <div>{t.followUp}：{s.followUp}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
        <Card title={<h2 className="card-title">{next.length ? t.nextStep(next.map((k) => t.stepKind[k]).join(' / ')) : t.chain}</h2>} className="block-gap">
          {next.length === 0 ? <Typography.Paragraph>{t.closed}</Typography.Paragraph> : canHandle ? <StepForm key={e.status} eventId={e.id} kinds={next.slice().reverse()} onDone={reload} /> : <Empty />}
        </Card>
      </div>
      <Card
        title={<h2 className="card-title">{t.commitmentsTitle}</h2>}
        className="block-gap"
        extra={canHandle && <Button onClick={() => setAdding(true)}>{t.addCommitment}</Button>}
      >
        <CommitmentTable items={d.commitments} canHandle={canHandle} onFulfil={setFulfilling} />
      </Card>
      <Card title={<h2 className="card-title">{t.supervise}</h2>} extra={canManage && <Button danger onClick={() => setSupervising(true)}>{t.supervise}</Button>}>
        {d.supervisions.length === 0 ? (
          <Empty description="无" />
        ) : (
          <ul>
            {d.supervisions.map((s) => (
              <li key={s.id}>
                {s.heldOn} {t.supervisionKind[s.kind]} {s.unitName}：{s.reason}
                {s.withdrawn && <Tag>已撤回</Tag>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <AddCommitmentDialog open={adding} eventId={e.id} ownerUnitId={e.responsibleUnitId} onClose={() => setAdding(false)} onDone={() => (setAdding(false), reload())} />
      <FulfilDialog commitmentId={fulfilling} onClose={() => setFulfilling(null)} onDone={() => (setFulfilling(null), reload())} />
      <SuperviseDialog open={supervising} eventId={e.id} unitId={e.responsibleUnitId} onClose={() => setSupervising(false)} onDone={() => (setSupervising(false), reload())} />
    </>
  );
}

function SuperviseDialog({ open, eventId, unitId, onClose, onDone }: { open: boolean; eventId: string; unitId: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { kind: 'criticize' | 'interview'; reason: string; heldOn: string }) => {
    setBusy(true);
    setError(null);
    try {
      await recordSupervision({ ...v, unitId, eventId });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t.supervise} onCancel={onClose} onOk={() => form.submit()} okText={t.save} confirmLoading={busy} destroyOnHidden>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <Form form={form} layout="vertical" name="supervise" onFinish={submit} initialValues={{ kind: 'criticize', heldOn: todayInShanghai() }}>
        <Form.Item label="类型" name="kind">
          <Select options={[{ value: 'criticize', label: '通报批评' }, { value: 'interview', label: '约谈' }]} />
        </Form.Item>
        <Form.Item label={t.reason} name="reason" rules={[{ required: true, min: 4, message: '请填写事由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t.heldOn} name="heldOn" rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
