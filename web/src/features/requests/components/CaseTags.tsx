import { Tag } from 'antd';
import type { RequestListItem, RequestOptions } from '../api.ts';
import { t } from '../strings.ts';

// Dark enough for white text (WCAG AA); 已办结 and 已转办 stay plain.
const STATUS_COLOR: Record<string, string> = {
  待确认收到: '#874d00',
  办理中: '#0958d9',
  待补正: '#ad4e00',
  征求意见: '#531dab',
  待缴费: '#ad4e00',
  已决定: '#006d75',
};

/** A case's state as a coloured tag (the text carries the meaning; the colour only helps). */
export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{status}</Tag>;
}

/** An outcome code as its report row: 不予公开（保护第三方合法权益）. */
export function outcomeLabel(code: string | null, outcomes: RequestOptions['outcomes']): string {
  if (!code) return '';
  const o = outcomes.find((x) => x.code === code);
  if (!o) return code;
  return o.group.length > 3 ? `${o.group.slice(3)}：${o.label}` : o.label;
}

export function OutcomeText({ code, outcomes }: { code: string | null; outcomes: RequestOptions['outcomes'] }) {
  return code ? <span>{outcomeLabel(code, outcomes)}</span> : <span className="text-muted">—</span>;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The reply date of a case with what it means today: overdue, extended, waiting for the applicant, closed late. */
export function DueCell({ item, asOf }: { item: Pick<RequestListItem, 'dueOn' | 'status' | 'closedOn' | 'extendedDays' | 'applicantDueOn' | 'receivedOn'>; asOf: string }) {
  if (!item.receivedOn) return <span className="text-muted">{t.notReceived}</span>;
  const open = !['已办结', '已转办'].includes(item.status);
  const late = item.dueOn !== null && (open ? item.dueOn < asOf && !['待补正', '待缴费'].includes(item.status) : item.closedOn !== null && item.closedOn > item.dueOn);
  return (
    <>
      <div>{item.dueOn ?? (item.status === '待补正' ? t.waitingCorrection : t.pending)}</div>
      {late && <Tag color="#a8071a">{open ? t.overdueTag : t.views.closed_late}</Tag>}
      {open && !late && item.dueOn && daysBetween(asOf, item.dueOn) <= 7 && <div className="cell-note">{t.daysLeft(daysBetween(asOf, item.dueOn))}</div>}
      {item.extendedDays > 0 && <div className="cell-note">{t.extended(item.extendedDays)}</div>}
      {open && item.applicantDueOn && <div className="cell-note">{t.applicantDue(item.applicantDueOn)}</div>}
    </>
  );
}
