import { z } from 'zod';
import { qaConsultations, QA_CHANNELS } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { contactFields } from './consultation-input.ts';
import { replyDueOn } from './ledger-clock.ts';
import { loadEntry } from './load-entry.ts';
import { matchQuestion, questionText } from './match-question.ts';
import { suggestUnit } from './suggest-unit.ts';

export const recordInput = z.object({
  channel: z.enum(QA_CHANNELS, { message: '渠道应为 电话、窗口、信箱 或 网站' }),
  question: questionText,
  ...contactFields,
  /** Answered on the spot (the staff member read out an entry, or knew the answer). */
  answeredOnSpot: z.boolean(),
  /** The entry read out, when there was one. */
  matchedEntryId: z.uuid('条目不正确').nullish(),
});

export type ConsultationRow = typeof qaConsultations.$inferSelect;

/**
 * Records a consultation taken by phone, at the window or from the mailbox. Answered on the spot it is
 * one row of the ledger; otherwise it is registered: query code, suggested unit, reply due in 5
 * working days. Contact is needed for a reply.
 */
export async function recordConsultation(ctx: OpContext, raw: z.input<typeof recordInput>): Promise<ConsultationRow> {
  assertCan(ctx.actor, 'qa.consult');
  const actor = ctx.actor;
  const input = recordInput.parse(raw);
  if (!input.answeredOnSpot && !input.askerContact && !input.askerEmail) throw invalid('qa_contact_required', '未当场解答的咨询须登记联系电话或电子邮箱，以便答复');
  const { result, ranked } = await matchQuestion(ctx, input.question, 5);
  const candidates = ranked.map((r) => ({ entryId: r.entryId, score: r.score }));
  return inTransaction(ctx, async (tx) => {
    if (input.matchedEntryId) await loadEntry(tx, input.matchedEntryId);
    const now = new Date();
    const receivedOn = todayInShanghai(now);
    const registered = !input.answeredOnSpot;
    const suggested = registered ? await suggestUnit(tx, candidates) : null;
    const [row] = await tx.db
      .insert(qaConsultations)
      .values({
        channel: input.channel,
        question: input.question,
        askerName: input.askerName || null,
        askerContact: input.askerContact || null,
        askerEmail: input.askerEmail || null,
        receivedAt: now,
        answeredOnSpot: input.answeredOnSpot,
        matchedEntryId: input.matchedEntryId ?? result.answerId ?? ranked[0]?.entryId ?? null,
        candidates,
        score: Math.round(result.score * 100),
        status: registered ? 'registered' : 'answered',
        queryCode: registered ? await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.qa) : null,
        suggestedUnitId: suggested,
        unitId: suggested,
        receivedOn,
        dueOn: registered ? await replyDueOn(tx.db, receivedOn) : null,
        history: registered && suggested ? [{ at: now.toISOString(), action: 'suggest', unitId: suggested, by: '系统' }] : [],
        recordedBy: actor.id,
      })
      .returning();
    await writeAudit(tx, { action: registered ? 'qa.consultation_register' : 'qa.consultation_record', entity: 'qa_consultation', entityId: row.id, after: { channel: row.channel, status: row.status, queryCode: row.queryCode, dueOn: row.dueOn } });
    return row;
  });
}
