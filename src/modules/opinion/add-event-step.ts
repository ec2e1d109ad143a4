import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { opinionEventSteps, opinionEvents } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertDocumentsExist } from './catalog-links.ts';
import { loadEventInReach } from './event-scope.ts';
import { RESPONSE_KINDS, STEP_LABEL, type EventStatus, type StepKind } from './kinds.ts';
import { httpUrl } from './register-event.ts';

const text = (label: string, max: number) => z.string().trim().min(2, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const at = z.coerce.date({ message: '时间格式不正确' });

export const stepInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consult'), at, participants: text('参加会商的单位和人员', 500), content: text('会商结论', 5000) }),
  z.object({ kind: z.literal('assess'), at, content: text('研判意见', 5000), responseKind: z.enum(RESPONSE_KINDS, { message: `拟采取的回应方式应为：${RESPONSE_KINDS.join('、')}` }) }),
  z.object({
    kind: z.literal('respond'),
    at,
    responseKind: z.enum(RESPONSE_KINDS, { message: `回应方式应为：${RESPONSE_KINDS.join('、')}` }),
    content: text('回应内容', 5000),
    documentId: z.uuid('目录文件编号格式不正确').nullish(),
    url: httpUrl.nullish(),
  }),
  z.object({ kind: z.literal('evaluate'), at, content: text('回应效果', 5000), followUp: z.string().trim().max(2000, '后续工作不能超过 2000 字').nullish() }),
], { error: () => '环节应为会商（consult）、研判（assess）、回应（respond）或评估（evaluate）' });

/** Which step may follow which state, and the state it leads to. Responses may repeat (keep publishing). */
const NEXT: Record<StepKind, { from: EventStatus[]; to: EventStatus }> = {
  consult: { from: ['registered', 'consulted'], to: 'consulted' },
  assess: { from: ['consulted', 'assessed'], to: 'assessed' },
  respond: { from: ['assessed', 'responded'], to: 'responded' },
  evaluate: { from: ['responded'], to: 'evaluated' },
};

/** 会商 → 研判 → 回应 → 评估, one step at a time, each with who (the recorder) and when. */
export async function addEventStep(ctx: OpContext, eventId: string, raw: z.input<typeof stepInput>) {
  assertCan(ctx.actor, 'opinion.handle');
  const input = stepInput.parse(raw);
  const actor = ctx.actor;
  if (input.at.getTime() > Date.now() + 5 * 60_000) throw invalid('step_in_future', '环节时间不能晚于现在');
  return inTransaction(ctx, async (tx) => {
    const { event } = await loadEventInReach({ ...tx, actor }, eventId, { forUpdate: true });
    const rule = NEXT[input.kind];
    if (!rule.from.includes(event.status as EventStatus))
      throw conflict('step_out_of_order', event.status === 'evaluated' ? '该舆情已评估办结，不能再添加环节' : `当前环节不能进行${STEP_LABEL[input.kind]}（顺序为会商 → 研判 → 回应 → 评估）`);
    if (input.at < event.firstSeenAt) throw invalid('step_before_first_seen', '环节时间不能早于首次发现时间');
    if (input.kind === 'respond') {
      if (!input.documentId && !input.url) throw invalid('response_link_required', '请关联已发布的目录文件或填写回应链接');
      await assertDocumentsExist(tx.db, [input.documentId]);
    }
    const [step] = await tx.db
      .insert(opinionEventSteps)
      .values({
        eventId,
        kind: input.kind,
        at: input.at,
        content: input.content,
        participants: input.kind === 'consult' ? input.participants : null,
        responseKind: input.kind === 'assess' || input.kind === 'respond' ? input.responseKind : null,
        documentId: input.kind === 'respond' ? (input.documentId ?? null) : null,
        url: input.kind === 'respond' ? (input.url ?? null) : null,
        followUp: input.kind === 'evaluate' ? (input.followUp ?? null) : null,
        createdBy: actor.id,
      })
      .returning();
    await tx.db.update(opinionEvents).set({ status: rule.to, updatedAt: new Date() }).where(eq(opinionEvents.id, eventId));
    await writeAudit(tx, { action: `opinion.event_${input.kind}`, entity: 'opinion_event', entityId: eventId, before: { status: event.status }, after: { status: rule.to, step: step.id, ...input } });
    return step;
  });
}
