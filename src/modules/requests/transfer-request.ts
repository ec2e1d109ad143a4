import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { openLedgerItem } from '../../platform/ledger/open-ledger-item.ts';
import { reopenLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

/** The ledger subject of a transfer (one item per case; a later transfer reopens it). */
export const SUBJECT_TRANSFER = 'request_transfer';
/** Working days the receiving agency or unit has to sign for (签收) or return (退回) a transferred request. */
export const TRANSFER_SIGN_DAYS = 5;

export const transferInput = z.object({
  unitId: z.uuid('请选择转送的机关或单位'),
  reason: required(500, '转送理由'),
});

/**
 * 转送: a request addressed to the wrong agency goes to the competent agency or unit through the
 * dispatch ledger (item `request_transfer`, due in TRANSFER_SIGN_DAYS working days). The case waits
 * as 已转办 until the receiver signs for it (签收: the case moves there, transfer-wiring.ts) or
 * returns it with a reason (退回: back where it was). Every step on the case timeline and in the
 * audit log; the transfer notice to the applicant is the letter `transfer`.
 */
export async function transferRequest(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof transferInput>) {
  const input = transferInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx) => {
    if (!statusIs(c, '待确认收到', '办理中')) throw conflict('wrong_status', `当前状态“${c.status}”不能转送（只有待确认收到或办理中的申请可以转送）`);
    if (input.unitId === c.agencyUnitId) throw invalid('transfer_same_unit', '不能转送给本机关');
    const [to] = await tx.db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, input.unitId), eq(units.active, true)));
    if (!to) throw invalid('unknown_unit', '转送的机关或单位不存在');
    const today = todayInShanghai();
    const subject = { subjectType: SUBJECT_TRANSFER, subjectId: caseId };
    const title = `依申请公开转送 ${c.code}：${c.description.split('\n')[0].slice(0, 80)}`;
    // A case transferred before has its (closed) item at the earlier receiver, which the ledger's staff
    // rule hides from this agency; the module has checked its own permission and reopens it as itself.
    if (await ledgerItemOf(tx, SUBJECT_TRANSFER, caseId)) await reopenLedgerItem({ ...tx, actor: null }, subject, { unitId: to.id, workingDays: TRANSFER_SIGN_DAYS, receivedOn: today, note: input.reason });
    else await openLedgerItem(tx, { ...subject, title, link: `/admin/requests/${caseId}`, unitId: to.id, receivedOn: today, workingDays: TRANSFER_SIGN_DAYS, note: input.reason });
    return {
      kind: 'transferred',
      on: today,
      data: { fromUnitId: c.agencyUnitId, toUnitId: to.id, toName: to.name, previousStatus: c.status },
      note: input.reason,
      set: { status: '已转办' },
      result: { toName: to.name },
    };
  });
}
