import type { CommitmentState } from './kinds.ts';

/**
 * 未到期 / 按期完成 / 逾期完成 / 逾期未完成, from the promised date, the fulfilment date and today
 * (Asia/Shanghai days). The promised day itself is still in time.
 */
export function commitmentState(c: { promisedOn: string; fulfilledOn: string | null }, today: string): CommitmentState {
  if (c.fulfilledOn) return c.fulfilledOn <= c.promisedOn ? '按期完成' : '逾期完成';
  return today <= c.promisedOn ? '未到期' : '逾期未完成';
}
