import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requestEvents, requestReviews } from '../../../db/schema/index.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { assertCan, isDistrictWide } from '../../../platform/policy.ts';
import { checkReviewDates, updateReviewInput } from './record-review.ts';

/**
 * The result of a 复议 / 诉讼 when it comes (维持 / 纠正 / 其他, with its date), a corrected organ, the
 * lessons drawn. Imported history is read-only. On the case's timeline when linked; audited.
 */
export async function updateReview(ctx: OpContext, id: string, raw: z.input<typeof updateReviewInput>) {
  assertCan(ctx.actor, 'requests.reviews');
  const actor = ctx.actor;
  const input = updateReviewInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(requestReviews).where(eq(requestReviews.id, id)).for('update');
    if (!before || (!isDistrictWide(actor) && before.agencyUnitId !== actor.unitId)) throw notFound('review_not_found', '复议诉讼记录不存在');
    if (before.imported) throw conflict('review_imported', '导入的往年记录不能修改');
    const next = {
      organ: input.organ ?? before.organ,
      result: input.result !== undefined ? input.result : before.result,
      resultOn: input.resultOn !== undefined ? input.resultOn : before.resultOn,
      lessons: input.lessons !== undefined ? input.lessons || null : before.lessons,
    };
    checkReviewDates({ filedOn: before.filedOn, ...next });
    const [after] = await tx.db.update(requestReviews).set(next).where(eq(requestReviews.id, id)).returning();
    if (before.caseId && (next.result !== before.result || next.resultOn !== before.resultOn)) {
      await tx.db.insert(requestEvents).values({ caseId: before.caseId, kind: 'review_result', on: next.resultOn ?? todayInShanghai(), data: { reviewId: id, kind: before.kind, result: next.result }, createdBy: actor.id });
    }
    await writeAudit(tx, { action: 'request.review_update', entity: 'request_review', entityId: id, before: { organ: before.organ, result: before.result, resultOn: before.resultOn, lessons: before.lessons }, after: next });
    return after;
  });
}
