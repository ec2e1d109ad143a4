import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertHandles, loadConsultation, withHistory } from './load-consultation.ts';
import { officeUnitIds } from './office-units.ts';

export const returnInput = z.object({ reason: z.string().trim().min(2, '请说明退回理由').max(500, '理由不超过 500 字') });

/** 退回: the unit says the question is not theirs; it goes back to the office to route again. */
export async function returnConsultation(ctx: OpContext, id: string, raw: z.input<typeof returnInput>) {
  assertCan(ctx.actor, 'qa.reply');
  const actor = ctx.actor;
  const { reason } = returnInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const c = await loadConsultation(tx, id, { forUpdate: true });
    assertHandles(actor, c);
    if (c.status !== 'registered' || !c.unitId) throw conflict('qa_not_open', '只有已交办、待答复的咨询可以退回');
    const now = new Date();
    const [row] = await tx.db
      .update(qaConsultations)
      .set({ unitId: null, acceptedAt: null, updatedAt: now, history: withHistory(c, { at: now.toISOString(), action: 'return', unitId: c.unitId, reason, by: actor.name }) })
      .where(eq(qaConsultations.id, id))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_return', entity: 'qa_consultation', entityId: id, before: { unitId: c.unitId }, after: { unitId: null, reason } });
    await notifyUnits(tx.db, await officeUnitIds(tx), { kind: 'qa.returned', title: '政策咨询被退回，请重新交办', body: `${c.question.slice(0, 100)}（理由：${reason}）`, link: `/admin/qa/ledger/${id}` }, ['office_admin']);
    return row;
  });
}
