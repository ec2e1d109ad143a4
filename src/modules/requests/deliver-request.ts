import { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { claimFiles } from '../../platform/files/file-access.ts';
import { requestFiles } from '../../db/schema/index.ts';
import { day, note, required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';
import { SERVICE_METHODS } from './statuses.ts';

export const deliverInput = z.object({
  method: z.enum(SERVICE_METHODS),
  servedOn: day,
  /** 送达证明: tracking number, e-mail receipt, signature … */
  proof: required(500, '送达凭证'),
  proofFileId: z.uuid().optional(),
  note,
});

/** 送达: the decision served closes the case; its closing day is the day served. */
export async function deliverRequest(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof deliverInput>) {
  const input = deliverInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx, actor) => {
    if (!statusIs(c, '已决定')) throw conflict('not_decided', '尚未作出决定，不能送达办结');
    if (input.servedOn > todayInShanghai()) throw invalid('served_in_future', '送达日期不能晚于今天');
    if (c.receivedOn && input.servedOn < c.receivedOn) throw invalid('served_before_receipt', `送达日期不能早于收到申请日期 ${c.receivedOn}`);
    if (input.proofFileId) {
      await claimFiles(tx, actor, [input.proofFileId], { kind: 'request_case', id: caseId });
      await tx.db.insert(requestFiles).values({ caseId, fileId: input.proofFileId, kind: '送达回证' }).onConflictDoNothing();
    }
    const late = c.dueOn !== null && input.servedOn > c.dueOn;
    return { kind: 'delivered', on: input.servedOn, data: { method: input.method, proof: input.proof, late }, note: input.note, set: { status: '已办结', closedOn: input.servedOn, applicantDueOn: null } };
  });
}
