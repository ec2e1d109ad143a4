import { invalid } from '../../platform/errors.ts';
import { isOutcomeCode, type OutcomeCode } from './outcomes.ts';

/**
 * The one rule that turns the decisions on the items of a case into the case's outcome — the row of
 * report section 三 it counts in, once:
 * - every item 予以公开 → 予以公开 ('1');
 * - any item disclosed (wholly or in part) while another is not, or any item 部分公开 → 部分公开 ('2'),
 *   which then counts only there (区分处理的，只计这一情形);
 * - no item disclosed → the decision on the first item (the one the request is about), e.g. 不予公开 3.4
 *   or 无法提供 4.1; the other items' reasons stay in the letter.
 * Throws while an item is undecided.
 */
export function caseOutcome(items: readonly { seq: number; outcome: string | null }[]): OutcomeCode {
  if (items.length === 0) throw invalid('no_items', '申请没有任何申请事项，无法确定办理结果');
  const sorted = [...items].sort((a, b) => a.seq - b.seq);
  for (const i of sorted) {
    if (!i.outcome) throw invalid('item_undecided', `第 ${i.seq} 项尚未作出处理决定`);
    if (!isOutcomeCode(i.outcome)) throw invalid('invalid_outcome', `办理结果代码“${i.outcome}”无效`);
  }
  const codes = sorted.map((i) => i.outcome as OutcomeCode);
  if (codes.every((c) => c === '1')) return '1';
  if (codes.some((c) => c === '1' || c === '2')) return '2';
  return codes[0];
}
