import { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { required } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const reopenInput = z.object({ reason: required(1000, '重新办理的原因').min(2, '请填写重新办理的原因') });

/** The office reopens a closed case with a reason (e.g. after a 复议 decision): open again, outcome cleared until decided anew. */
export async function reopenRequest(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof reopenInput>) {
  const input = reopenInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.reopen', (c) => {
    if (!statusIs(c, '已办结')) throw conflict('not_closed', '该申请尚未办结');
    if (c.imported) throw conflict('imported_case', '导入的历史记录只读');
    return { kind: 'reopened', on: todayInShanghai(), data: { reason: input.reason, closedOn: c.closedOn, outcome: c.outcome }, set: { status: '办理中', closedOn: null, outcome: null } };
  });
}
