import { Tag } from 'antd';
import type { AssignmentStatus, CheckStatus, MeasureStatus, PlanStatus } from '../api.ts';
import { t } from '../strings.ts';

// Solid dark colours with white text: antd's pale preset tags fall below 4.5:1 contrast.
const GREEN = '#237804';
const BLUE = '#1d4e89';
const RED = '#a8071a';
const BROWN = '#874d00';
const GREY = '#595959';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const color = status === 'issued' ? GREEN : status === 'closed' ? BLUE : GREY;
  return <Tag color={color}>{t.planStatus[status] ?? status}</Tag>;
}

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const color = status === 'done' ? GREEN : status === 'in_progress' ? BLUE : status === 'cannot_complete' ? BROWN : undefined;
  return <Tag color={color}>{t.assignmentStatus[status] ?? status}</Tag>;
}

/** The lead unit's check; "pending" before anything was reported reads 未报送, not 待核查. */
export function CheckStatusTag({ status, reported = true }: { status: CheckStatus; reported?: boolean }) {
  if (status === 'pending' && !reported) return <Tag>{t.notReported}</Tag>;
  const color = status === 'accepted' ? GREEN : status === 'returned' ? RED : undefined;
  return <Tag color={color}>{t.checkStatus[status] ?? status}</Tag>;
}

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  return <Tag color={status === 'closed' ? GREEN : undefined}>{t.measureStatus[status] ?? status}</Tag>;
}

/** A due date, in red with a word (not colour alone) when it has passed and the work is not accepted. */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  return overdue ? (
    <span className="due-overdue">
      {date} <span className="due-overdue-word">{t.overdueTag}</span>
    </span>
  ) : (
    <span>{date}</span>
  );
}
