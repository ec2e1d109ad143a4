import { and, eq, inArray } from 'drizzle-orm';
import { requestReviews } from '../../../db/schema/index.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';
import { loadUnitResolver } from '../../../platform/units/unit-resolver.ts';
import { REVIEW_KINDS, REVIEW_RESULTS, type ReviewKind, type ReviewResult } from '../../requests/outcomes.ts';
import type { ImportProgress } from './import-request-ledger.ts';
import { readLedgerRows } from './read-ledger-rows.ts';
import { checkDate, refuseRows, type RowError } from './row-errors.ts';

export const REVIEW_LEDGER_HEADER = ['编号', '机关', '类型', '提起日期', '结果', '结果日期'] as const;

/**
 * Imports 行政复议 / 行政诉讼 records (`gongkai requests import-reviews`), all or nothing, as
 * read-only history. An empty 结果 is 尚未审结.
 */
export async function importReviewLedger(ctx: OpContext, data: Uint8Array, onProgress?: ImportProgress) {
  assertCan(ctx.actor, 'reports.import');
  const rows = await readLedgerRows(data, REVIEW_LEDGER_HEADER);
  const resolver = await loadUnitResolver(ctx.db);
  const today = todayInShanghai();
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const values: (typeof requestReviews.$inferInsert)[] = [];
  for (const { line, cells } of rows) {
    const err = (column: string, message: string) => errors.push({ line, column, message });
    const code = cells['编号'];
    const agency = resolver.resolveOne(cells['机关']);
    if (!cells['机关']) err('机关', '不能为空');
    else if (agency.kind !== 'unit') err('机关', `“${cells['机关']}”不是系统中的单位`);
    const key = `${agency.kind === 'unit' ? agency.unit.unitId : cells['机关']}\u0000${code}`;
    if (!code) err('编号', '不能为空');
    else if (code.length > 60) err('编号', '不能超过 60 字');
    else if (seen.has(key)) err('编号', `与第 ${seen.get(key)} 行重复`);
    else seen.set(key, line);
    const kind = cells['类型'] as ReviewKind;
    if (!REVIEW_KINDS.includes(kind)) err('类型', `“${cells['类型']}”应为 行政复议、直接起诉、复议后起诉 之一`);
    const filed = checkDate(cells['提起日期']);
    if (!filed) err('提起日期', cells['提起日期'] ? `“${cells['提起日期']}”不是有效日期（格式 YYYY-MM-DD）` : '不能为空');
    else if (filed > today) err('提起日期', '晚于今天');
    const result = cells['结果'] as ReviewResult | '';
    if (result && !REVIEW_RESULTS.includes(result)) err('结果', `“${result}”应为 维持、纠正、其他 之一，尚未审结的留空`);
    const resultCell = cells['结果日期'];
    const resultOn = resultCell ? checkDate(resultCell) : null;
    if (resultCell && !resultOn) err('结果日期', `“${resultCell}”不是有效日期（格式 YYYY-MM-DD）`);
    else if (resultOn && filed && resultOn < filed) err('结果日期', '早于提起日期');
    else if (resultOn && !result) err('结果', '填写了结果日期的须填写结果');
    if (agency.kind === 'unit' && code && filed && REVIEW_KINDS.includes(kind))
      values.push({ agencyUnitId: agency.unit.unitId, code, kind, filedOn: filed, result: result || null, resultOn, imported: true });
  }
  const byAgency = new Map<string, string[]>();
  for (const v of values) byAgency.set(v.agencyUnitId, [...(byAgency.get(v.agencyUnitId) ?? []), v.code]);
  for (const [agencyUnitId, codes] of byAgency)
    for (let i = 0; i < codes.length; i += 5000) {
      const taken = await ctx.db
        .select({ code: requestReviews.code })
        .from(requestReviews)
        .where(and(eq(requestReviews.agencyUnitId, agencyUnitId), inArray(requestReviews.code, codes.slice(i, i + 5000))));
      for (const t of taken) errors.push({ line: seen.get(`${agencyUnitId}\u0000${t.code}`)!, column: '编号', message: `“${t.code}”已在系统中` });
    }
  if (errors.length) refuseRows(errors.sort((a, b) => a.line - b.line));
  return inTransaction(ctx, async (tx) => {
    for (let i = 0; i < values.length; i += 2000) {
      await tx.db.insert(requestReviews).values(values.slice(i, i + 2000));
      onProgress?.(Math.min(i + 2000, values.length), values.length);
    }
    await writeAudit(tx, { action: 'request_review.import', entity: 'request_review', after: { rows: values.length } });
    return { imported: values.length };
  });
}
