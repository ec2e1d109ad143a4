import { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { day, note } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';
import { RECEIPT_RULE, type Channel } from './statuses.ts';

export const confirmReceiptInput = z.object({ receivedOn: day, note });

/**
 * Confirms receipt with the receipt date of 第三十一条 for the channel: the day handed in (当面), the day
 * the agency signed for the letter (信函; ordinary letters: the day both sides confirm), the day both
 * sides confirm (网上, 电子邮件, 传真). The reply clock starts.
 */
export async function confirmReceipt(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof confirmReceiptInput>) {
  const input = confirmReceiptInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', (c) => {
    if (!statusIs(c, '待确认收到')) throw conflict('already_received', '该申请已确认收到');
    if (input.receivedOn > todayInShanghai()) throw invalid('received_in_future', '收到申请日期不能晚于今天');
    const submitted = todayInShanghai(c.createdAt);
    if ((c.channel === '网上' || c.channel === '电子邮件') && input.receivedOn < submitted) {
      throw invalid('received_before_submitted', `网上提交的申请，收到日期不能早于提交日期 ${submitted}（以双方确认之日为准）`);
    }
    return {
      kind: 'received',
      on: input.receivedOn,
      data: { channel: c.channel, rule: RECEIPT_RULE[c.channel as Channel] },
      note: input.note,
      set: { status: '办理中', receivedOn: input.receivedOn },
    };
  });
}
