import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requestItems } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { recordMessage } from '../mailbox/record-message.ts';
import { note, text } from './inputs.ts';
import { recordStep, statusIs } from './record-step.ts';
import type { RequestSettings } from './settings.ts';

export const routeComplaintInput = z.object({ reason: text(1000, '说明').optional(), note });

/**
 * 条例第三十九条: a complaint (信访、投诉、举报) sent as an information request is not handled as one.
 * It is routed as a complaint into the mailbox — a message of type 投诉 written by the mailbox's own
 * recordMessage, with its query code, due date and timeline — and the case is closed the same day
 * with outcome 三（五）1 信访举报投诉类申请 (route 信访投诉); each item carries the reason and the
 * message's code. One transaction: the message and the closing stand or fall together.
 */
export async function routeComplaint(ctx: OpContext, settings: RequestSettings, config: Config, caseId: string, raw: z.input<typeof routeComplaintInput>) {
  const input = routeComplaintInput.parse(raw);
  return recordStep(ctx, settings, caseId, 'requests.handle', async (c, tx, actor) => {
    if (!statusIs(c, '办理中')) throw conflict('wrong_status', `当前状态“${c.status}”不能按投诉转办（先确认收到申请；已决定或已办结的不能转）`);
    const message = await recordMessage(tx, config, {
      type: '投诉',
      title: `依申请公开转来的投诉（${c.code}）`,
      body: c.description.slice(0, 5000),
      name: c.applicantName,
      phone: c.applicantPhone,
      email: c.applicantEmail,
      note: `由依申请公开申请 ${c.code} 转入：申请人以政府信息公开申请的形式提出投诉（条例第三十九条）`,
      audit: { fromRequest: c.code },
    });
    const today = todayInShanghai();
    const reason = `申请人以政府信息公开申请的形式进行投诉、举报，不作为政府信息公开申请处理（条例第三十九条第一款），已转入公开信箱按投诉办理（查询码 ${message.code}）。${input.reason ?? ''}`;
    await tx.db.update(requestItems).set({ outcome: '5.1', reason, decidedBy: actor.id, decidedAt: new Date() }).where(eq(requestItems.caseId, caseId));
    return {
      kind: 'complaint_routed',
      on: today,
      data: { messageId: message.id, messageCode: message.code, outcome: '5.1' },
      note: input.note,
      set: { status: '已办结', outcome: '5.1', route: '信访投诉', closedOn: today },
      result: { messageCode: message.code },
    };
  });
}
