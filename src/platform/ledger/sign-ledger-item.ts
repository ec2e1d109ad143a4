import { z } from 'zod';
import { inTransaction, type OpContext } from '../context.ts';
import { outOfScope } from '../errors.ts';
import { notifyOffice } from './notify-office.ts';
import { assertCan, isDistrictWide } from '../policy.ts';
import { loadLedgerItemForStep } from './load-ledger-item.ts';
import { recordLedgerStep } from './record-ledger-step.ts';

export const returnInput = z.object({ reason: z.string().trim().min(2, '请写明退回理由').max(500, '退回理由不超过 500 字') });

/** 签收: the assigned unit takes the item (pending → accepted). */
export async function signLedgerItem(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'ledger.handle');
  return inTransaction(ctx, async (tx) => {
    const item = await loadLedgerItemForStep(tx, id, ['pending']);
    return recordLedgerStep(tx, item, { action: 'accepted', change: { status: 'accepted' } });
  });
}

/**
 * 退回: the assigned unit gives the item back to the dispatcher with a reason (not its business);
 * the office is notified and reassigns it (改派) or answers itself. The clock keeps running.
 */
export async function returnLedgerItem(ctx: OpContext, id: string, raw: z.input<typeof returnInput>) {
  assertCan(ctx.actor, 'ledger.handle');
  const input = returnInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const item = await loadLedgerItemForStep(tx, id, ['pending', 'accepted']);
    if (!isDistrictWide(ctx.actor!) && item.unitId !== ctx.actor!.unitId) throw outOfScope('只能退回交办给本单位的事项');
    const after = await recordLedgerStep(tx, item, { action: 'returned', change: { status: 'returned', returnReason: input.reason }, note: input.reason, fromUnitId: item.unitId });
    await notifyOffice(tx, { kind: 'ledger.returned', title: `交办事项被退回：${item.title}`, body: input.reason, link: item.link ?? '/admin/ledger' });
    return after;
  });
}
