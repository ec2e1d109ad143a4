/**
 * What a row of the ledger, the Word report and every list says about an assignment, one word,
 * decided here only:
 * 未报送 — the unit has reported nothing; 推进中 (or 未启动) — its latest report says so, nothing to
 * check; 待核查 — it reported 已完成/无法完成 and the lead unit has not checked it; 已通过 / 已退回 —
 * the lead unit's check of the latest report.
 */
export const REPORT_STATES = ['not_reported', 'not_started', 'in_progress', 'awaiting_check', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABEL: Record<ReportState, string> = {
  not_reported: '未报送',
  not_started: '未启动',
  in_progress: '推进中',
  awaiting_check: '待核查',
  accepted: '已通过',
  returned: '已退回',
};

export function reportState(a: { status: string; checkStatus: string; lastReportAt: Date | string | null }): ReportState {
  if (a.checkStatus === 'accepted') return 'accepted';
  if (a.checkStatus === 'returned') return 'returned';
  if (!a.lastReportAt) return 'not_reported';
  if (a.status === 'done' || a.status === 'cannot_complete') return 'awaiting_check';
  return a.status === 'not_started' ? 'not_started' : 'in_progress';
}
