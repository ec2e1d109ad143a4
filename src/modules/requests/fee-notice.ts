import { z } from 'zod';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { applicantVolume } from './applicant-volume.ts';
import { FEE_PAYMENT_DAYS } from './clock/compute-due.ts';
import { feeByPages, feeForNthItem, MAX_FEE_PAGES } from './fees/compute-fee.ts';
import { day, note } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const feeNoticeInput = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('按件'), on: day, note }),
  z.object({ basis: z.literal('按量'), pages: z.number().int().min(1).max(MAX_FEE_PAGES), on: day, note }),
]);
export const feePaidInput = z.object({ on: day, note });

/**
 * 收费通知 (国办函〔2020〕109号): by number (the position of this case among the applicant's requests
 * in its receipt month) or by volume (pages), never both. `on` is the day the applicant received the
 * notice; they have 20 working days from the next day to pay. The payment period pauses the reply
 * clock when the setting says so.
 */
export async function sendFeeNotice(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof feeNoticeInput>) {
  const input = feeNoticeInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx) => {
    if (!statusIs(c, '办理中')) throw conflict('wrong_status', `当前状态“${c.status}”不能发出收费通知`);
    if (c.feeBasis) throw conflict('fee_already_charged', '该申请已发出过收费通知（一件申请只能按件或按量收费一次）');
    if (!c.receivedOn) throw conflict('not_received', '尚未确认收到申请');
    let yuan: number;
    let standard: string;
    if (input.basis === '按件') {
      const v = await applicantVolume(tx, c.applicantKey, c.receivedOn, c.id);
      yuan = feeForNthItem(v.position);
      standard = `按件计收：该申请人 ${v.month} 月第 ${v.position} 件申请`;
    } else {
      yuan = feeByPages(input.pages).yuan;
      standard = `按量计收：${input.pages} 页`;
    }
    if (yuan === 0) throw invalid('fee_free', `${standard}，在免费范围内，不应收费`);
    const applicantDueOn = (await loadCalendar(tx.db)).addWorkingDays(input.on, FEE_PAYMENT_DAYS);
    return {
      kind: 'fee_notice_received',
      on: input.on,
      data: { basis: input.basis, yuan, standard, applicantDueOn },
      note: input.note,
      set: { status: '待缴费', feeBasis: input.basis, feeYuan: yuan, applicantDueOn },
      result: { yuan, applicantDueOn },
    };
  });
}

export async function recordFeePayment(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof feePaidInput>) {
  const input = feePaidInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', (c) => {
    if (!statusIs(c, '待缴费')) throw conflict('wrong_status', '该申请没有待缴的费用');
    if (c.applicantDueOn && input.on > c.applicantDueOn) throw conflict('payment_late', `缴费期限 ${c.applicantDueOn} 已过，应按逾期未缴费处理`);
    return { kind: 'fee_paid', on: input.on, data: { yuan: c.feeYuan }, note: input.note, set: { status: '办理中', feePaidOn: input.on, applicantDueOn: null } };
  });
}
