import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requestItems } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { caseOutcome } from './case-outcome.ts';
import { note, text } from './inputs.ts';
import { OUTCOME_CODES, type OutcomeCode } from './outcomes.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

/** Outcomes the system sets itself when the applicant's period lapses (lapse-request.ts), never chosen by hand. */
const LAPSE_OUTCOMES: OutcomeCode[] = ['6.1', '6.2'];

export const decideInput = z.object({
  decisions: z
    .array(
      z.object({
        seq: z.number().int().min(1).max(100),
        outcome: z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]], '办理结果代码无效'),
        /** Facts and reasons; for information already published, where and how to find it. */
        reason: text(3000, '理由').default(''),
      }),
    )
    .min(1)
    .max(20),
  note,
});

/**
 * Decides every item of the case (per-item outcomes from outcomes.ts); the case's outcome — the report
 * row it counts in, once — is caseOutcome(items). A request that is a complaint (第三十九条) is decided
 * 5.1 and routed as a complaint; one for published information is 予以公开 with where to find it.
 */
export async function decideRequest(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof decideInput>) {
  const input = decideInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx, actor) => {
    if (!statusIs(c, '办理中', '已决定')) throw conflict('wrong_status', `当前状态“${c.status}”不能作出决定（等待补正、征求意见或缴费时先完成该环节）`);
    const items = await tx.db.select().from(requestItems).where(eq(requestItems.caseId, caseId));
    const bySeq = new Map(items.map((i) => [i.seq, i]));
    const seen = new Set<number>();
    for (const d of input.decisions) {
      if (!bySeq.has(d.seq)) throw invalid('unknown_item', `没有第 ${d.seq} 项申请内容`);
      if (seen.has(d.seq)) throw invalid('item_twice', `第 ${d.seq} 项重复作出决定`);
      if (LAPSE_OUTCOMES.includes(d.outcome)) throw invalid('lapse_outcome', '逾期不补正、逾期不缴费由系统在期限届满后处理，不能手工选择');
      if (d.outcome !== '1' && !d.reason.trim()) throw invalid('reason_required', `第 ${d.seq} 项：除予以公开外，应写明理由和依据`);
      seen.add(d.seq);
    }
    const merged = items.map((i) => ({ seq: i.seq, outcome: input.decisions.find((d) => d.seq === i.seq)?.outcome ?? i.outcome }));
    const outcome = caseOutcome(merged);
    const now = new Date();
    for (const d of input.decisions) {
      await tx.db
        .update(requestItems)
        .set({ outcome: d.outcome, reason: d.reason || null, decidedBy: actor.id, decidedAt: now })
        .where(and(eq(requestItems.caseId, caseId), eq(requestItems.seq, d.seq)));
    }
    return {
      kind: 'decided',
      on: todayInShanghai(),
      data: { outcome, items: input.decisions.map((d) => ({ seq: d.seq, outcome: d.outcome })) },
      note: input.note,
      set: { status: '已决定', outcome, route: outcome === '5.1' ? '信访投诉' : '申请' },
      result: { outcome },
    };
  });
}
