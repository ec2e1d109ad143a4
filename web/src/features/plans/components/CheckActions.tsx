import { Alert, App, Button, Descriptions, Form, Input, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime, todayInShanghai } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { checkAssignment, getMeasure, type AssignmentStatus, type CheckStatus, type ReportEntry } from '../api.ts';
import { t } from '../strings.ts';
import { EvidenceList } from './AssignmentTimeline.tsx';
import { DisclosureProofCard } from './DisclosureProofCard.tsx';
import { DueDate } from './StatusTags.tsx';

export interface CheckTarget {
  id: string;
  measureId: string;
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

/**
 * What the lead unit judges: the unit's latest report (what was done, dates, links and files), the
 * assignment's due date and whether the report came in time, and the measure's 公开情况 (what its
 * columns published this year).
 */
function ReportUnderCheck({ target }: { target: CheckTarget }) {
  const detail = useLoad(() => getMeasure(target.measureId), [target.measureId]);
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  const d = detail.data;
  if (!d) return <Skeleton active />;
  const a = d.assignments.find((x) => x.id === target.id);
  const report = a?.timeline.filter((e): e is ReportEntry => e.type === 'report').at(-1);
  if (!a || !report) return <Alert type="warning" showIcon title={t.checkNoReport} />;
  return (
    <div className="check-report" data-testid="check-report">
      <p className="check-measure">
        <strong>{t.measureNo(d.measure.seq)}</strong> {d.measure.text.length > 160 ? `${d.measure.text.slice(0, 160)}……` : d.measure.text}
      </p>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'status', label: t.checkReported, children: t.reportBy(report.by, t.assignmentStatus[report.status] ?? report.status) },
          { key: 'at', label: t.colLastReport, children: formatDateTime(report.at) },
          {
            key: 'due',
            label: t.colDue,
            children: (
              <>
                <DueDate date={a.dueDate} overdue={a.overdue} finishedLate={a.finishedLate} />
                {a.reportedOn && !a.finishedLate && <span className="cell-note"> {t.checkOnTime}</span>}
              </>
            ),
          },
          ...(report.completedOn ? [{ key: 'completed', label: t.completedOnLabel, children: report.completedOn }] : []),
          { key: 'summary', label: t.reportSummaryLabel, children: <p className="check-summary">{report.summary}</p> },
          ...(report.reason ? [{ key: 'reason', label: t.reasonLabel, children: report.reason }] : []),
          {
            key: 'evidence',
            label: t.evidenceLabel,
            children: report.evidence.length ? <EvidenceList evidence={report.evidence} labelled={false} /> : <span className="text-muted">{t.checkNoEvidence}</span>,
          },
        ]}
      />
      <DisclosureProofCard measureId={d.measure.id} hasPaths={d.measure.disclosurePaths.length > 0 || d.measure.columnInstructions.length > 0} />
    </div>
  );
}

/**
 * 核查 by the lead unit, in one dialog that shows the report it judges: 通过, or 退回 with a
 * comment (required) and optionally a new due date.
 */
export function CheckActions({ target, onDone }: { target: CheckTarget; onDone: () => void; vertical?: boolean }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<'accept' | 'return' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment?: string; newDueDate?: string }>();

  const decide = async (decision: 'accept' | 'return') => {
    setError(null);
    let v: { comment?: string; newDueDate?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (decision === 'return' && !v.comment?.trim()) {
      form.setFields([{ name: 'comment', errors: [t.returnCommentRequired] }]);
      return;
    }
    setBusy(decision);
    try {
      await checkAssignment(target.id, { decision, comment: v.comment?.trim() || null, newDueDate: decision === 'return' ? v.newDueDate || null : null });
      message.success(decision === 'accept' ? t.accepted : t.returned);
      setOpen(false);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (!awaitingCheck(target)) return null;
  return (
    <>
      {/* The accessible name begins with the visible word: antd would show 核查 as "核 查" (WCAG 2.5.3). */}
      <Button
        type="primary"
        size="small"
        autoInsertSpace={false}
        onClick={() => {
          setError(null);
          form.resetFields();
          setOpen(true);
        }}
        aria-label={t.checkAria(t.checkButton, target.unitName, target.seq)}
      >
        {t.checkButton}
      </Button>
      <Modal
        open={open}
        title={t.checkTitle(target.unitName, target.seq)}
        onCancel={() => setOpen(false)}
        width={760}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t.checkCancel}
          </Button>,
          <Button key="return" danger loading={busy === 'return'} disabled={busy === 'accept'} onClick={() => void decide('return')}>
            {t.return}
          </Button>,
          acceptable(target) ? (
            <Button key="accept" type="primary" loading={busy === 'accept'} disabled={busy === 'return'} onClick={() => void decide('accept')}>
              {t.accept}
            </Button>
          ) : null,
        ]}
      >
        <ReportUnderCheck target={target} />
        {!acceptable(target) && <Alert type="info" showIcon title={t.checkOnlyReturn} className="block-gap" />}
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        <Form form={form} layout="vertical" name={`check-${target.id}`} className="check-form">
          <Form.Item label={t.checkComment} name="comment" extra={t.checkCommentHelp}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
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
