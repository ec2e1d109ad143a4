import { App, Button, Checkbox, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { reviewDocument, type DocumentDetail, type PiiFinding } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  detail: DocumentDetail;
  onChanged: (outcome: 'approved' | 'published' | 'returned' | 'rejected') => void;
  /** The server refused the last approval for open personal-information findings. */
  onPiiBlocked: (findings: PiiFinding[]) => void;
}

/** Where a document stands in its column's review chain. */
export function reviewState(detail: DocumentDetail) {
  const doc = detail.document;
  const steps = detail.column.reviewSteps;
  const editing = !!doc.workingCopy && doc.reviewStep > 0;
  const underReview = doc.status === 'in_review' || editing;
  const stepIndex = editing ? doc.reviewStep - 1 : doc.reviewStep;
  return { steps, underReview, stepIndex, step: underReview ? steps[stepIndex] : undefined, last: underReview && stepIndex === steps.length - 1 };
}

/** The review chain, the trail of decisions, and — for whoever holds the current step — 通过 / 退回 / 驳回. */
export function ReviewPanel({ detail, onChanged, onPiiBlocked }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; secrecy?: boolean }>();
  const [busy, setBusy] = useState<string | null>(null);
  const { steps, underReview, stepIndex, step, last } = reviewState(detail);
  // The server judges by the one review rule (src/modules/catalog/review-rule.ts).
  const mayAct = detail.yourStep;
  const doc = detail.document;
  const published = doc.status === 'published' || doc.status === 'scheduled';

  const decide = async (decision: 'approve' | 'return' | 'reject') => {
    const { comment, secrecy } = form.getFieldsValue();
    if (decision !== 'approve' && !comment?.trim()) {
      form.setFields([{ name: 'comment', errors: [t.commentRequired] }]);
      return;
    }
    if (decision === 'approve' && last && !secrecy) {
      form.setFields([{ name: 'secrecy', errors: [t.secrecyRequired] }]);
      return;
    }
    setBusy(decision);
    try {
      await reviewDocument(doc.id, { decision, comment: comment?.trim() || null, secrecyConfirmed: !!secrecy });
      form.resetFields();
      const outcome = decision === 'approve' ? (last ? 'published' : 'approved') : decision === 'return' ? 'returned' : 'rejected';
      message.success(outcome === 'published' ? t.publishedOk : outcome === 'approved' ? t.approved : outcome === 'returned' ? t.returned : t.rejected);
      onChanged(outcome);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'pii_unresolved' && Array.isArray(err.details)) onPiiBlocked(err.details as PiiFinding[]);
      else if (err instanceof ApiError && err.code === 'secrecy_unconfirmed') form.setFields([{ name: 'secrecy', errors: [err.message] }]);
      else message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const stepState = (i: number) => {
    if (published && !underReview) return 'done';
    if (!underReview) return 'pending';
    return i < stepIndex ? 'done' : i === stepIndex ? 'current' : 'pending';
  };

  return (
    <section aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" className="card-title">
        {t.reviewTitle}
      </h2>
      <ol className="review-chain">
        {steps.map((s, i) => (
          <li key={`${s.name}-${i}`} className={`chain-${stepState(i)}`} aria-current={stepState(i) === 'current' ? 'step' : undefined}>
            <span className="chain-name">{s.name}</span>
            <span className="chain-role">{t.roles[s.role] ?? s.role}</span>
          </li>
        ))}
      </ol>
      {step && <p className="current-step">{mayAct ? t.currentStep(step.name) : t.waitingFor(step.name, t.roles[step.role] ?? step.role)}</p>}
      {step && detail.ownSubmission && <p className="own-submission">{t.ownSubmission}</p>}
      {step && detail.decidedEarlierStep && <p className="own-submission">{t.decidedEarlierStep}</p>}
      {mayAct && step && (
        <Form form={form} layout="vertical" className="review-form">
          <Form.Item name="comment" label={t.comment}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          {last && (
            <Form.Item name="secrecy" valuePropName="checked" extra={t.secrecyHelp}>
              <Checkbox onChange={() => form.setFields([{ name: 'secrecy', errors: [] }])}>{t.secrecy}</Checkbox>
            </Form.Item>
          )}
          <Space wrap>
            <Button type="primary" loading={busy === 'approve'} onClick={() => void decide('approve')}>
              {last ? t.approveAndPublish : t.approve}
            </Button>
            <Button loading={busy === 'return'} onClick={() => void decide('return')}>
              {t.returnDoc}
            </Button>
            <Button danger loading={busy === 'reject'} onClick={() => void decide('reject')}>
              {t.rejectDoc}
            </Button>
          </Space>
        </Form>
      )}
      <h3 className="panel-title">{t.trailTitle}</h3>
      {detail.reviews.length === 0 ? (
        <p className="text-muted">{t.trailEmpty}</p>
      ) : (
        <ol className="review-trail">
          {detail.reviews.map((r) => (
            <li key={r.id}>
              <div>
                <strong>{r.stepName}</strong> · <span className={`decision decision-${r.decision}`}>{t.decision[r.decision] ?? r.decision}</span>
                {' · '}
                <span className="trail-person">{r.createdByName ?? t.trailUnknownPerson}</span>
                {r.secrecyConfirmed && <span className="text-muted"> · {t.secrecyConfirmed}</span>}
              </div>
              {r.comment && <div className="trail-comment">{r.comment}</div>}
              <div className="cell-note">
                {formatDateTime(r.createdAt)} · {t.trailVersion(r.version)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
