import { z } from 'zod';
import { inTransaction, type OpContext } from '../context.ts';
import { conflict, outOfScope } from '../errors.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { notifyUnits } from '../notifications/notify.ts';
import { assertCan, isDistrictWide } from '../policy.ts';
import { ledgerDueDate } from './ledger-clock.ts';
import { loadLedgerItemForStep } from './load-ledger-item.ts';
import { notifyOffice } from './notify-office.ts';
import { recordLedgerStep } from './record-ledger-step.ts';

export const extensionRequestInput = z.object({
  days: z.coerce.number().int('延期天数应为整数').min(1, '延期至少 1 个工作日').max(30, '延期最多 30 个工作日'),
  reason: z.string().trim().min(2, '请写明延期理由').max(500, '延期理由不超过 500 字'),
});
export const extensionDecisionInput = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500, '意见不超过 500 字').optional(),
});

/** 申请延期: the assigned unit asks once for more working days; the office decides. */
export async function requestLedgerExtension(ctx: OpContext, id: string, raw: z.input<typeof extensionRequestInput>) {
  assertCan(ctx.actor, 'ledger.handle');
  const input = extensionRequestInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const item = await loadLedgerItemForStep(tx, id, ['pending', 'accepted']);
    if (!isDistrictWide(ctx.actor!) && item.unitId !== ctx.actor!.unitId) throw outOfScope('只能为交办给本单位的事项申请延期');
    if (item.extension !== 'none') throw conflict('extension_used', '每个事项只能申请一次延期');
    const after = await recordLedgerStep(tx, item, {
      action: 'extension_requested',
      change: { extension: 'requested', extensionDays: input.days, extensionReason: input.reason },
      note: input.reason,
      data: { days: input.days },
    });
    await notifyOffice(tx, { kind: 'ledger.extension_requested', title: `延期申请：${item.title}（${input.days} 个工作日）`, body: input.reason, link: item.link ?? '/admin/ledger' });
    return after;
  });
}

/** 审批延期: the office approves (the due date is recomputed with the extra working days) or refuses. */
export async function decideLedgerExtension(ctx: OpContext, id: string, raw: z.input<typeof extensionDecisionInput>) {
  assertCan(ctx.actor, 'ledger.dispatch');
  const input = extensionDecisionInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const item = await loadLedgerItemForStep(tx, id, ['pending', 'accepted', 'returned']);
    if (item.extension !== 'requested') throw conflict('no_extension_request', '该事项没有待审批的延期申请');
    let change;
    if (input.approve) {
      const extendedDays = item.extensionDays ?? 0;
      const dueDate = ledgerDueDate(await loadCalendar(tx.db), item.receivedOn, item.workingDays, extendedDays);
      change = { extension: 'approved', extendedDays, dueDate, lastReminder: null };
    } else change = { extension: 'refused' };
    const after = await recordLedgerStep(tx, item, { action: input.approve ? 'extension_approved' : 'extension_refused', change, note: input.note });
    if (item.unitId)
      await notifyUnits(tx.db, [item.unitId], { kind: 'ledger.extension_decided', title: `${input.approve ? '延期已同意' : '延期未同意'}：${item.title}（答复期限 ${after.dueDate}）`, link: item.link ?? '/admin/ledger' }, ['liaison', 'responder']);
    return after;
  });
}
