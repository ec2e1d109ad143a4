import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxMessages, units } from '../../db/schema/index.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { openLedgerItem } from '../../platform/ledger/open-ledger-item.ts';
import { reassignLedgerItem } from '../../platform/ledger/reassign-ledger-item.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadMessage } from './load-message.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import { recordMessageStep } from './message-events.ts';

export const triageInput = z.discriminatedUnion('triage', [
  /** 即办: the office answers itself (then POST …/reply). */
  z.object({ triage: z.literal('immediate'), note: z.string().trim().max(500).optional() }),
  /** 转办: to a unit, which signs for it (签收) in the ledger, may return it, and replies. */
  z.object({ triage: z.literal('transfer'), unitId: z.uuid('请选择承办单位'), note: z.string().trim().max(500, '说明不超过 500 字').optional() }),
  /** 呈办: to a leader for instruction; the instruction is recorded, then 即办 or 转办. */
  z.object({ triage: z.literal('leader'), note: z.string().trim().max(500, '说明不超过 500 字').optional() }),
  z.object({ triage: z.literal('instruction'), instruction: z.string().trim().min(2, '请填写领导批示').max(1000, '批示不超过 1000 字') }),
]);

/**
 * Triage of an accepted message by the office. 转办 opens (or, for a message returned by a unit or
 * reopened, reassigns) its ledger item: the unit's clock is the message's — due in the type's working
 * days from receipt, not from dispatch.
 */
export async function triageMessage(ctx: OpContext, id: string, raw: z.input<typeof triageInput>) {
  assertCan(ctx.actor, 'mailbox.manage');
  const input = triageInput.parse(raw);
  if (input.triage === 'transfer') {
    const existing = await ledgerItemOf(ctx, SUBJECT_MESSAGE, id);
    if (existing) {
      // returned or reopened: the ledger's reassignment (改派) moves it; the listener keeps the message in step
      await loadMessage(ctx, id, { allowed: ['accepted'] });
      await reassignLedgerItem(ctx, existing.id, { unitId: input.unitId, note: input.note });
      return loadMessage(ctx, id);
    }
  }
  return inTransaction(ctx, async (tx) => {
    const m = await loadMessage(tx, id, { forUpdate: true, allowed: ['accepted'] });
    if (input.triage === 'instruction') {
      const [after] = await tx.db.update(mailboxMessages).set({ leaderInstruction: input.instruction, updatedAt: new Date() }).where(eq(mailboxMessages.id, m.id)).returning();
      await recordMessageStep(tx, m.id, 'instructed', input.instruction);
      return after;
    }
    if (input.triage === 'transfer') {
      const [unit] = await tx.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, input.unitId));
      if (!unit) throw invalid('unit_not_found', '所选单位不存在');
      const [after] = await tx.db.update(mailboxMessages).set({ triage: 'transfer', status: 'assigned', unitId: unit.id, updatedAt: new Date() }).where(eq(mailboxMessages.id, m.id)).returning();
      await recordMessageStep(tx, m.id, 'transferred', `转${unit.name}办理${input.note ? `：${input.note}` : ''}`, { after: { unitId: unit.id } });
      await openLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id, title: `【${m.type}】${m.title}`, link: `/admin/mailbox/messages/${m.id}`, unitId: unit.id, receivedOn: m.receivedOn, workingDays: m.workingDays + m.extendedDays, note: input.note });
      return after;
    }
    const [after] = await tx.db.update(mailboxMessages).set({ triage: input.triage, updatedAt: new Date() }).where(eq(mailboxMessages.id, m.id)).returning();
    await recordMessageStep(tx, m.id, input.triage, input.note ?? null);
    return after;
  });
}
