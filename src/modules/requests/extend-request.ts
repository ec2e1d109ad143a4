import { z } from 'zod';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { MAX_EXTENSION_DAYS } from './clock/compute-due.ts';
import { day, note, required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const extendInput = z.object({
  on: day,
  days: z.number().int('延期天数应为整数').min(1, '延期至少 1 个工作日').max(MAX_EXTENSION_DAYS, `延期最长 ${MAX_EXTENSION_DAYS} 个工作日（条例第三十三条）`),
  reason: required(1000, '延期理由'),
  /** How and when the applicant was told (the extension notice). */
  notice: required(500, '告知申请人的方式'),
  note,
});

/** 延期 (第三十三条第二款): once, at most 20 working days, approved by the office head (requests.extend). */
export async function extendRequest(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof extendInput>) {
  const input = extendInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.extend', (c) => {
    if (!statusIs(c, '办理中', '征求意见', '待缴费')) throw conflict('wrong_status', `当前状态“${c.status}”不能延期`);
    if (c.extendedDays > 0) throw conflict('extension_twice', '延期只能一次（条例第三十三条）');
    if (c.dueOn && input.on > c.dueOn) throw conflict('already_overdue', `答复期限 ${c.dueOn} 已过，不能再延期`);
    return { kind: 'extended', on: input.on, data: { days: input.days, reason: input.reason, notice: input.notice }, note: input.note };
  });
}
