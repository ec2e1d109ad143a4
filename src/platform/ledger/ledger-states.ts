/** States of a ledger item (ledger_items.status), with the words the UI shows. */
export const LEDGER_STATUSES = {
  pending: '待签收',
  accepted: '已签收',
  returned: '已退回',
  replied: '已答复',
  closed: '已办结',
} as const;
export type LedgerStatus = keyof typeof LEDGER_STATUSES;
export const LEDGER_STATUS_CODES = Object.keys(LEDGER_STATUSES) as [LedgerStatus, ...LedgerStatus[]];
/** States in which the clock runs: reminders, due-soon and overdue lists, calendar recomputation. */
export const OPEN_STATUSES: LedgerStatus[] = ['pending', 'accepted', 'returned'];

export const EXTENSION_STATES = ['none', 'requested', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** Steps written on the timeline (ledger_events.action). */
export const LEDGER_ACTIONS = {
  dispatched: '交办',
  accepted: '签收',
  returned: '退回',
  reassigned: '改派',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  replied: '答复',
  reopened: '重新办理',
  closed: '办结',
  due_recomputed: '因节假日调整重算期限',
} as const;
export type LedgerAction = keyof typeof LEDGER_ACTIONS;
