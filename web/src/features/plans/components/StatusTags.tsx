import { Tag } from 'antd';
import type { AssignmentRow, MeasureStatus, PlanStatus } from '../api.ts';
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

/**
 * The one word for an assignment — 未报送 / 未启动 / 推进中 / 待核查 / 已通过 / 已退回 — as the server
 * decided it (the same word the Word report and the Excel ledger print); 无法完成 is said beside it.
 */
export function ReportStateTag({ a }: { a: Pick<AssignmentRow, 'state' | 'status'> }) {
  const color = a.state === 'accepted' ? GREEN : a.state === 'returned' ? RED : a.state === 'awaiting_check' ? BROWN : a.state === 'in_progress' ? BLUE : undefined;
  return (
    <span className="report-state" data-state={a.state}>
      <Tag color={color}>{t.reportState[a.state] ?? a.state}</Tag>
      {a.status === 'cannot_complete' && <Tag color={GREY}>{t.cannotComplete}</Tag>}
    </span>
  );
}

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  return <Tag color={status === 'closed' ? GREEN : undefined}>{t.measureStatus[status] ?? status}</Tag>;
}

/**
 * A due date, in red with a word (not colour alone) when it has passed unanswered (逾期), or with
 * 逾期完成 when the unit reported after it; `overdue`/`finishedLate` come from the server's one rule.
 */
export function DueDate({ date, overdue, finishedLate }: { date: string; overdue: boolean; finishedLate?: boolean }) {
  if (overdue)
    return (
      <span className="due-overdue">
        {date} <span className="due-overdue-word">{t.overdueTag}</span>
      </span>
    );
  return (
    <span>
      {date}
      {finishedLate && <span className="due-late-word"> {t.finishedLateTag}</span>}
    </span>
  );
}
