import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requestEvents } from '../../db/schema/index.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { day, note, required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const sendCorrectionInput = z.object({ on: day, needed: required(3000, '需要补正的事项'), note });

/**
 * 补正 notice (第三十条): once, listing everything to correct. Sent within 7 working days of receipt
 * it restarts the reply clock when the correction arrives; a later one restarts nothing (the
 * answer says so). The applicant's period is the setting (default 15 working days).
 */
export async function sendCorrection(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof sendCorrectionInput>) {
  const input = sendCorrectionInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx) => {
    if (!statusIs(c, '办理中')) throw conflict('wrong_status', `当前状态“${c.status}”不能发出补正通知`);
    const [earlier] = await tx.db.select({ id: requestEvents.id }).from(requestEvents).where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.kind, 'correction_sent'), eq(requestEvents.voided, false)));
    if (earlier) throw conflict('correction_already_sent', '补正通知只能发一次，应一次性告知需要补正的全部事项');
    const calendar = await loadCalendar(tx.db);
    const applicantDueOn = calendar.addWorkingDays(input.on, settings.correctionDays);
    const inTime = c.correctionWindowEnds !== null && input.on <= c.correctionWindowEnds;
    return {
      kind: 'correction_sent',
      on: input.on,
      data: { needed: input.needed, applicantDueOn, restartsClock: inTime },
      note: input.note,
      set: { status: '待补正', applicantDueOn },
      result: { applicantDueOn, restartsClock: inTime },
    };
  });
}
