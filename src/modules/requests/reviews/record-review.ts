import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requestEvents, requestReviews, units } from '../../../db/schema/index.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { conflict, invalid } from '../../../platform/errors.ts';
import { assertCan, assertUnitInScope } from '../../../platform/policy.ts';
import { newQueryCode } from '../../../platform/public-intake/query-code.ts';
import { day, required, text } from '../inputs.ts';
import { loadCase } from '../load-case.ts';
import { REVIEW_KINDS, REVIEW_RESULTS } from '../outcomes.ts';

/** 尚未审结 is the absence of a result (section 四 counts it so); the input takes the word too. */
const result = z.preprocess((v) => (v === '尚未审结' || v === '' ? null : v), z.enum(REVIEW_RESULTS, '结果应为 维持、纠正、其他 或 尚未审结').nullable()).optional();

const reviewFields = {
  organ: required(200, '复议机关或受理法院'),
  result,
  resultOn: day.nullable().optional(),
  lessons: text(3000, '经验教训').nullable().optional(),
};

export const recordReviewInput = z.object({
  /** The case it concerns (its agency is the record's); without one (history), the agency. */
  caseId: z.uuid('申请编号不正确').optional(),
  agencyUnitId: z.uuid('机关不正确').optional(),
  /** 行政复议 | 直接起诉 (行政诉讼，未经复议) | 复议后起诉 */
  kind: z.enum(REVIEW_KINDS, '类型应为 行政复议、直接起诉 或 复议后起诉'),
  filedOn: day,
  /** 案号 / 编号 as written by the organ; generated when left out. */
  code: text(60, '案号').optional(),
  ...reviewFields,
});
export const updateReviewInput = z.object(reviewFields).partial();

/** The checks a record's dates and result must pass (record and update alike). */
export function checkReviewDates(r: { filedOn: string; result?: string | null; resultOn?: string | null }, today = todayInShanghai()) {
  if (r.filedOn > today) throw invalid('filed_in_future', '立案（申请）日期不能晚于今天');
  if (r.result && !r.resultOn) throw invalid('result_date_required', '有审理结果的，请填写结果日期');
  if (!r.result && r.resultOn) throw invalid('result_required', '填写了结果日期的，请选择结果（维持、纠正、其他）');
  if (r.resultOn && r.resultOn < r.filedOn) throw invalid('result_before_filing', `结果日期 ${r.resultOn} 早于立案（申请）日期 ${r.filedOn}`);
  if (r.resultOn && r.resultOn > today) throw invalid('result_in_future', '结果日期不能晚于今天');
}

/**
 * Records a 行政复议 or 行政诉讼 about a disclosure decision, linked to its case (written on the case's
 * timeline) or, for history without a case, to an agency. The annual report's section 四 counts these
 * records (reports/compute-section4.ts: filed in the year, by result as of 31 December).
 */
export async function recordReview(ctx: OpContext, raw: z.input<typeof recordReviewInput>) {
  assertCan(ctx.actor, 'requests.reviews');
  const actor = ctx.actor;
  const input = recordReviewInput.parse(raw);
  checkReviewDates(input);
  return inTransaction(ctx, async (tx) => {
    let agencyUnitId = input.agencyUnitId ?? actor.unitId;
    if (input.caseId) {
      const c = await loadCase(tx, actor, input.caseId);
      if (input.agencyUnitId && input.agencyUnitId !== c.agencyUnitId) throw invalid('agency_mismatch', '复议诉讼记录的机关应为该申请的受理机关');
      if (c.receivedOn && input.filedOn < c.receivedOn) throw invalid('filed_before_request', `立案（申请）日期 ${input.filedOn} 早于收到申请的日期 ${c.receivedOn}`);
      agencyUnitId = c.agencyUnitId;
    }
    assertUnitInScope(actor, agencyUnitId);
    const [agency] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, agencyUnitId));
    if (!agency) throw invalid('unknown_agency', '机关不存在');
    const [row] = await tx.db
      .insert(requestReviews)
      .values({
        agencyUnitId,
        caseId: input.caseId ?? null,
        code: input.code || newQueryCode(input.kind === '行政复议' ? 'FY' : 'SS', Number(input.filedOn.slice(0, 4))),
        kind: input.kind,
        filedOn: input.filedOn,
        organ: input.organ,
        result: input.result ?? null,
        resultOn: input.resultOn ?? null,
        lessons: input.lessons || null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('review_code_exists', `本机关已有案号为“${input.code}”的记录`);
    if (input.caseId) {
      await tx.db.insert(requestEvents).values({ caseId: input.caseId, kind: 'review_recorded', on: input.filedOn, data: { reviewId: row.id, kind: row.kind, organ: row.organ, result: row.result }, createdBy: actor.id });
    }
    await writeAudit(tx, { action: 'request.review_record', entity: 'request_review', entityId: row.id, after: { caseId: row.caseId, agencyUnitId, kind: row.kind, filedOn: row.filedOn, organ: row.organ, result: row.result, resultOn: row.resultOn } });
    return row;
  });
}
