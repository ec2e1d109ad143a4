import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { notifyUnits } from '../notifications/notify.ts';
import { assertCan } from '../policy.ts';
import { loadLedgerItemForStep } from './load-ledger-item.ts';
import { recordLedgerStep } from './record-ledger-step.ts';

export const reassignInput = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
});

/**
 * 改派: the office sends an open item to another unit (after a return, or on its own judgement);
 * it becomes 待签收 there. The due date stays: the clock counts from receipt, not from dispatch.
 */
export async function reassignLedgerItem(ctx: OpContext, id: string, raw: z.input<typeof reassignInput>) {
  assertCan(ctx.actor, 'ledger.dispatch');
  const input = reassignInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const item = await loadLedgerItemForStep(tx, id, ['pending', 'accepted', 'returned']);
    const [unit] = await tx.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('unit_not_found', '所选单位不存在');
    const after = await recordLedgerStep(tx, item, {
      action: 'reassigned',
      change: { unitId: unit.id, status: 'pending', returnReason: null, lastReminder: null },
      note: input.note,
      fromUnitId: item.unitId,
      toUnitId: unit.id,
    });
    await notifyUnits(tx.db, [unit.id], { kind: 'ledger.dispatched', title: `新交办事项：${item.title}（${item.dueDate} 前答复）`, link: item.link ?? '/admin/ledger' }, ['liaison', 'responder']);
    return after;
  });
}
