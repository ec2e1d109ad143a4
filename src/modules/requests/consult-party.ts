import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { requestEvents } from '../../db/schema/index.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { CONSULTATION_ANSWER_DAYS } from './clock/compute-due.ts';
import { day, note, required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const CONSULTATION_KINDS = ['第三方', '其他机关'] as const;
export const startConsultationInput = z.object({ on: day, party: required(200, '征求意见对象'), kind: z.enum(CONSULTATION_KINDS), note });
export const endConsultationInput = z.object({ on: day, answer: z.enum(['同意公开', '不同意公开', '逾期未答复']), note });

async function openConsultations(tx: OpContext, caseId: string) {
  const rows = await tx.db
    .select({ kind: requestEvents.kind })
    .from(requestEvents)
    .where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.voided, false), inArray(requestEvents.kind, ['consultation_started', 'consultation_ended'])));
  return rows.filter((r) => r.kind === 'consultation_started').length - rows.filter((r) => r.kind === 'consultation_ended').length;
}

/** 征求意见 of a third party (第三十二条) or other agencies (第三十四条): the clock pauses until the answer, at most 15 working days. */
export async function startConsultation(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof startConsultationInput>) {
  const input = startConsultationInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx) => {
    if (!statusIs(c, '办理中', '征求意见')) throw conflict('wrong_status', `当前状态“${c.status}”不能征求意见`);
    const answerDue = (await loadCalendar(tx.db)).addWorkingDays(input.on, CONSULTATION_ANSWER_DAYS);
    return { kind: 'consultation_started', on: input.on, data: { party: input.party, consultKind: input.kind, answerDue }, note: input.note, set: { status: '征求意见' } };
  });
}

/** The answer arrived (or the 15 working days ran out: 第三十二条 逾期未提出意见的，由行政机关依照本条例的规定决定). */
export async function endConsultation(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof endConsultationInput>) {
  const input = endConsultationInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx) => {
    if (!statusIs(c, '征求意见')) throw conflict('wrong_status', '该申请没有正在进行的征求意见');
    const open = await openConsultations(tx, caseId);
    return { kind: 'consultation_ended', on: input.on, data: { answer: input.answer }, note: input.note, set: { status: open > 1 ? '征求意见' : '办理中' } };
  });
}
