import { CheckCircleOutlined, FileDoneOutlined, RollbackOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Link, navigate, type PageProps } from '../../../lib/router.tsx';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { closeMeasure, fileSummary, getMeasure, listPlans, orMissing, reopenMeasure, type Assignment, type MeasureDetail } from '../api.ts';
import { AssignmentTimeline } from '../components/AssignmentTimeline.tsx';
import { CheckActions } from '../components/CheckActions.tsx';
import { DisclosureProofCard } from '../components/DisclosureProofCard.tsx';
import { PressProgressCard } from '../../opinion/components/PressProgressCard.tsx';
import { chipsFromEntries, MeasureFacts } from '../components/MeasureFacts.tsx';
import { ReportDrawer, type ReportTarget } from '../components/ReportDrawer.tsx';
import { DueDate, MeasureStatusTag, PlanStatusTag, ReportStateTag } from '../components/StatusTags.tsx';
import { t } from '../strings.ts';

/** A one-field dialog (reopen reason, check summary): required text, the server's refusal shown in place. */
function TextDialog(p: { open: boolean; title: string; label: string; help?: string; required: string; okText: string; initial?: string; onClose: () => void; onSubmit: (text: string) => Promise<void> }) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A prefilled text (公开情况 written into the 检查结果) replaces what the form last held.
  const { open, initial } = p;
  useEffect(() => {
    if (open && initial !== undefined) form.setFieldsValue({ text: initial });
  }, [open, initial, form]);
  const submit = async (v: { text: string }) => {
    setBusy(true);
    setError(null);
    try {
      await p.onSubmit(v.text.trim());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title={p.title} onCancel={p.onClose} onOk={() => form.submit()} okText={p.okText} confirmLoading={busy} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="text-dialog">
        <Form.Item label={p.label} name="text" extra={p.help} rules={[{ required: true, whitespace: true, min: 2, message: p.required }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One measure: what it asks, and each unit's assignment with its timeline of reports and checks.
 * The lead unit checks reported rows and files its summary; the office closes out or reopens.
 */
export function MeasureDetailPage({ params }: PageProps) {
  const { message } = App.useApp();
  const me = useMe();
  const canManage = usePermission('plans.manage');
  const canCheckAny = usePermission('plans.check');
  const canReport = usePermission('plans.report');
  const wide = Grid.useBreakpoint().md ?? true;
  const detail = useLoad(() => orMissing(getMeasure(params.measureId)), [params.measureId]);
  const catalog = useUnitCatalog();
  const plans = useLoad(listPlans, []);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [summarising, setSummarising] = useState(false);
  const [summaryDraft, setSummaryDraft] = useState<string | undefined>(undefined);
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  const [q, setQ] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);

  if (detail.data === null) return <NotFound />;
  if (detail.error && !detail.data) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  const d: MeasureDetail | undefined = detail.data;
  if (!d) return <Card loading />;

  const m = d.measure;
  const plan = plans.data?.find((p) => p.id === m.planId);
  const isLead = d.leads.some((l) => l.unitId === me.user.unitId);
  const canCheck = canCheckAny && (canManage || isLead);
  const issued = plan?.status === 'issued';

  const close = async () => {
    setCloseError(null);
    try {
      await closeMeasure(m.id);
      message.success(t.closedDone);
      await detail.reload();
    } catch (err) {
      setCloseError(errorMessage(err));
    }
  };

  const query = q.trim();
  // The user's own unit first: a responsible unit opening the measure finds its row at once.
  const rows = d.assignments
    .filter(
      (a) =>
        (!query || a.unitName.includes(query)) &&
        (!statusFilter || a.state === statusFilter),
    )
    .sort((a, b) => Number(b.unitId === me.user.unitId) - Number(a.unitId === me.user.unitId));

  const columns: TableColumnsType<Assignment> = [
    {
      title: t.colUnit,
      dataIndex: 'unitName',
      width: wide ? 150 : undefined,
      render: (name: string, a) => (
        <>
          <span className="unit-name">{name}</span>
          {!wide && (
            <div className="cell-note status-stack">
              <span>
                <ReportStateTag a={a} />
              </span>
              <span>
                {t.colDue}：<DueDate date={a.dueDate} overdue={a.overdue} finishedLate={a.finishedLate} />
              </span>
            </div>
          )}
        </>
      ),
    },
    {
      title: t.colStatus,
      dataIndex: 'state',
      width: 150,
      responsive: ['md'],
      render: (_: string, a) => (
        <span className="status-stack">
          <ReportStateTag a={a} />
          {a.returnedCount > 0 && <span className="cell-note">{t.returnedTimes(a.returnedCount)}</span>}
        </span>
      ),
    },
    {
      title: t.colDue,
      dataIndex: 'dueDate',
      width: 130,
      responsive: ['md'],
      render: (v: string, a) => <DueDate date={v} overdue={a.overdue} finishedLate={a.finishedLate} />,
    },
    { title: t.colLastReport, dataIndex: 'lastReportAt', width: 170, responsive: ['lg'], render: (v: string | null) => formatDateTime(v) },
    {
      title: common.actions,
      key: 'actions',
      width: wide ? 170 : 76,
      render: (_: unknown, a) => {
        const own = canReport && a.unitId === me.user.unitId && a.checkStatus !== 'accepted' && m.status === 'open' && issued;
        return (
          <Space size={4} orientation={wide ? 'horizontal' : 'vertical'} wrap>
            {canCheck && issued && <CheckActions target={{ ...a, seq: m.seq }} onDone={() => void detail.reload()} vertical={!wide} />}
            {own && (
              <Button
                size="small"
                onClick={() => setReporting({ id: a.id, measureId: m.id, seq: m.seq, measureText: m.text, dueDate: a.dueDate, lastReportAt: a.lastReportAt, returnedCount: a.returnedCount })}
              >
                {t.reportButton}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const facts = {
    items: m.items,
    lead: d.leads.length ? d.leads.map((l) => ({ written: l.name, state: 'unit' as const })) : m.leadWritten.map((w) => ({ written: w, state: 'unit' as const })),
    responsible: chipsFromEntries(m.responsible, (id) => {
      const u = catalog.data?.items.find((x) => x.id === id);
      return u ? unitLabel(u) : undefined;
    }),
    deadlines: m.deadlines,
    disclosurePaths: m.disclosurePaths,
    otherChannels: m.otherChannels,
    targets: m.targets,
    columnInstructions: m.columnInstructions,
    dueDate: m.dueDate,
  };

  return (
    <>
      <PageHeader
        title={t.measureTitle(m.seq)}
        intro={
          <span className="plan-meta">
            <MeasureStatusTag status={m.status} />
            {plan && (
              <>
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                <PlanStatusTag status={plan.status} />
              </>
            )}
          </span>
        }
        extra={
          <>
            <Button onClick={() => navigate(`/plans/${m.planId}`)}>{t.backToPlan}</Button>
            {canCheck && issued && (
              <Button
                icon={<FileDoneOutlined />}
                onClick={() => {
                  setSummaryDraft(undefined);
                  setSummarising(true);
                }}
              >
                {t.summaryButton}
              </Button>
            )}
            {canManage && issued && m.status === 'open' && (
              <Popconfirm title={t.closeConfirm} onConfirm={() => void close()}>
                <Button type="primary" icon={<CheckCircleOutlined />}>
                  {t.closeButton}
                </Button>
              </Popconfirm>
            )}
            {canManage && m.status === 'closed' && (
              <Button icon={<RollbackOutlined />} onClick={() => setReopening(true)}>
                {t.reopenButton}
              </Button>
            )}
          </>
        }
      />
      {closeError && <Alert role="alert" type="error" showIcon title={closeError} className="block-gap" closable={{ onClose: () => setCloseError(null) }} />}
      <div className={d.summaries.length > 0 || d.events.length > 0 ? 'measure-layout has-side' : 'measure-layout'}>
        <Card title={<h2 className="card-title">{t.measureText}</h2>} className="measure-card">
          <Typography.Paragraph className="measure-full-text">{m.text}</Typography.Paragraph>
          <MeasureFacts facts={facts} issued={d.assignments.length > 0} />
        </Card>
        {(d.summaries.length > 0 || d.events.length > 0) && (
          <div className="stacked">
            {d.summaries.length > 0 && (
              <Card title={<h2 className="card-title">{t.summariesTitle}</h2>} size="small">
                <ul className="plain-list">
                  {d.summaries.map((s) => (
                    <li key={s.id}>
                      <strong>{s.unitName}</strong> <span className="text-muted">{formatDateTime(s.createdAt)}</span>
                      <p className="timeline-body">{s.text}</p>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            {d.events.length > 0 && (
              <Card title={<h2 className="card-title">{t.eventsTitle}</h2>} size="small">
                <ul className="plain-list">
                  {d.events.map((e) => (
                    <li key={e.id}>
                      <Tag>{t.eventKind[e.kind] ?? e.kind}</Tag> <span className="text-muted">{formatDateTime(e.createdAt)}</span>
                      {e.message && <p className="timeline-body">{e.message}</p>}
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </div>
        )}
      </div>
      <PressProgressCard measureId={m.id} />
      <DisclosureProofCard
        measureId={m.id}
        hasPaths={m.disclosurePaths.length > 0 || m.columnInstructions.length > 0}
        onUseAsEvidence={
          canCheck && issued
            ? (text) => {
                setSummaryDraft(text);
                setSummarising(true);
              }
            : undefined
        }
      />
      <Card title={<h2 className="card-title">{t.assignmentsTitle(d.assignments.length)}</h2>} className="block-gap">
        {d.assignments.length === 0 ? (
          <Alert type="info" showIcon title={t.noAssignments} />
        ) : (
          <>
            <div className="toolbar">
              <div className="toolbar-field">
                <label htmlFor="assignment-search">{t.assignmentsSearch}</label>
                <Input id="assignment-search" allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 200 }} />
              </div>
              <div className="toolbar-field">
                <label htmlFor="assignment-status">{t.colStatus}</label>
                <Select
                  id="assignment-status"
                  value={statusFilter}
                  onChange={setStatusFilter}
                  style={{ width: 160 }}
                  options={[
                    { value: '', label: t.all },
                    ...Object.entries(t.reportState).map(([value, label]) => ({ value, label })),
                  ]}
                />
              </div>
              <span className="toolbar-count">{common.total(rows.length)}</span>
            </div>
            <Table<Assignment>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={wide ? { x: 860 } : undefined}
              expandable={{
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
                expandedRowRender: (a) => <AssignmentTimeline unitName={a.unitName} entries={a.timeline} />,
              }}
              rowClassName={(a) => (a.checkStatus === 'returned' ? 'row-returned' : '')}
            />
          </>
        )}
      </Card>
      <TextDialog
        open={reopening}
        title={t.reopenTitle}
        label={t.reopenReason}
        required={t.reopenReasonRequired}
        okText={t.reopenButton}
        onClose={() => setReopening(false)}
        onSubmit={async (reason) => {
          await reopenMeasure(m.id, reason);
          message.success(t.reopened);
          setReopening(false);
          await detail.reload();
        }}
      />
      <TextDialog
        open={summarising}
        title={t.summaryTitle}
        label={t.summaryLabel}
        help={t.summaryHelp}
        initial={summaryDraft}
        required={t.summaryRequired}
        okText={t.summaryButton}
        onClose={() => setSummarising(false)}
        onSubmit={async (text) => {
          await fileSummary(m.id, text);
          message.success(t.summarySaved);
          setSummarising(false);
          await detail.reload();
        }}
      />
      <ReportDrawer
        target={reporting}
        onClose={() => setReporting(null)}
        onSaved={() => {
          setReporting(null);
          void detail.reload();
        }}
      />
    </>
  );
}
