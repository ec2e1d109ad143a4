import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { contactFields } from './consultation-input.ts';
import { replyDueOn } from './ledger-clock.ts';
import { notifyRouted } from './notify-ledger.ts';
import { newQueryCode } from './query-code.ts';
import { suggestUnit } from './suggest-unit.ts';

export const registerInput = z.object({ consultationId: z.uuid('咨询记录不正确'), ...contactFields });

/**
 * The asker registers a question the library did not answer: a query code, the reply-by date (5
 * working days after receipt) and the suggested policy-making unit, which is notified. The contact is
 * kept for the reply and never shown publicly.
 */
export async function registerQuestion(ctx: OpContext, raw: z.input<typeof registerInput>) {
  const input = registerInput.parse(raw);
  if (!input.askerContact && !input.askerEmail) throw invalid('qa_contact_required', '请留下手机号码或电子邮箱，答复将通过它告知您');
  return inTransaction(ctx, async (tx) => {
    const [c] = await tx.db.select().from(qaConsultations).where(eq(qaConsultations.id, input.consultationId)).for('update');
    if (!c || c.channel !== 'web') throw conflict('qa_consultation_closed', '该咨询不存在');
    if (c.status !== 'open') throw conflict('qa_consultation_closed', c.queryCode ? `该问题已登记，查询码 ${c.queryCode}` : '该咨询已解答');
    const suggested = await suggestUnit(tx, c.candidates as { entryId: string; score: number }[]);
    const dueOn = await replyDueOn(tx.db, c.receivedOn!);
    const code = newQueryCode();
    const now = new Date();
    const [row] = await tx.db
      .update(qaConsultations)
      .set({
        status: 'registered',
        queryCode: code,
        askerName: input.askerName || null,
        askerContact: input.askerContact || null,
        askerEmail: input.askerEmail || null,
        suggestedUnitId: suggested,
        unitId: suggested,
        dueOn,
        history: suggested ? [{ at: now.toISOString(), action: 'suggest', unitId: suggested, by: '系统' }] : [],
        updatedAt: now,
      })
      .where(and(eq(qaConsultations.id, c.id), eq(qaConsultations.status, 'open')))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_register', entity: 'qa_consultation', entityId: c.id, after: { queryCode: code, dueOn, unitId: suggested } });
    await notifyRouted(tx, suggested, row);
    return { queryCode: code, dueOn, receivedOn: row.receivedOn! };
  });
}
