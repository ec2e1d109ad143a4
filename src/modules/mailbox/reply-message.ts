import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxMessages } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { replyLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { bodyText, sanitizeBody } from '../catalog/document-content.ts';
import { scanText, PII_TYPE_LABELS } from '../catalog/pii/index.ts';
import { loadMessage } from './load-message.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import { recordMessageStep } from './message-events.ts';

export const replyInput = z.object({
  html: z.string().min(1, '请填写答复内容').max(50_000, '答复内容过长'),
  /** The replier confirms that the personal information found in the reply is meant to be there (it goes to the writer only). */
  confirmPii: z.boolean().optional(),
});

/**
 * The reply (rich text, sanitised): by the office (即办, or a message with it) or by the unit it was
 * sent to. It passes the catalog's personal-information gate: findings refuse the reply with
 * `pii_found` (listing them) until the replier confirms them — the reply reaches only the writer,
 * and publication masks it again. The ledger item, if any, is replied in the same transaction.
 */
export async function replyMessage(ctx: OpContext, id: string, raw: z.input<typeof replyInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  const input = replyInput.parse(raw);
  const html = sanitizeBody(input.html);
  const text = bodyText(html).trim();
  if (text.length < 2) throw invalid('reply_empty', '请填写答复内容');
  if (text.length > 10_000) throw invalid('reply_too_long', '答复内容不超过 10000 字');
  const findings = scanText(text);
  if (findings.length && !input.confirmPii)
    throw invalid('pii_found', `答复中含有个人信息（${[...new Set(findings.map((f) => PII_TYPE_LABELS[f.type]))].join('、')}），请核实后确认再发送`, findings.map((f) => ({ type: f.type, value: f.value, masked: f.masked })));
  return inTransaction(ctx, async (tx) => {
    const m = await loadMessage(tx, id, { forUpdate: true, allowed: ['accepted', 'assigned'] });
    if (m.status === 'accepted' && !isDistrictWide(ctx.actor!)) throw invalid('message_not_assigned', '该留言尚未转交本单位');
    const repliedOn = todayInShanghai();
    const [after] = await tx.db
      .update(mailboxMessages)
      .set({ status: 'replied', replyHtml: html, replyText: text, replyUnitId: ctx.actor!.unitId, repliedOn, repliedBy: ctx.actor!.id, rating: null, updatedAt: new Date() })
      .where(eq(mailboxMessages.id, m.id))
      .returning();
    await recordMessageStep(tx, m.id, 'replied', findings.length ? `答复含个人信息 ${findings.length} 处，已由答复人确认` : null, { after: { repliedOn, onTime: repliedOn <= m.dueDate } });
    if (await ledgerItemOf(tx, SUBJECT_MESSAGE, m.id)) await replyLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id }, { repliedOn });
    return after;
  });
}
