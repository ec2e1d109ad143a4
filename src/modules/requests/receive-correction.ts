import { z } from 'zod';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { day, note } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const receiveCorrectionInput = z.object({ on: day, note });

/** The applicant's correction arrived: the reply clock counts again from that day (when the notice was timely). */
export async function receiveCorrection(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof receiveCorrectionInput>) {
  const input = receiveCorrectionInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', (c) => {
    if (!statusIs(c, '待补正')) throw conflict('wrong_status', '该申请没有在等待补正');
    return { kind: 'correction_received', on: input.on, note: input.note, set: { status: '办理中', applicantDueOn: null } };
  });
}
