import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxMessages } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { replyLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { bodyText, sanitizeBody } from '../catalog/document-content.ts';
import { scanText, PII_TYPE_LABELS } from '../catalog/pii/index.ts';
import { loadEntry } from '../qa/load-entry.ts';
import { rankedFor, recordInQaLedger } from './library-match.ts';
import { loadMessage } from './load-message.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import { recordMessageStep } from './message-events.ts';

export const replyInput = z.object({
  html: z.string().min(1, '请填写答复内容').max(50_000, '答复内容过长'),
  /** The replier confirms that the personal information found in the reply is meant to be there (it goes to the writer only). */
  confirmPii: z.boolean().optional(),
});

export const entryReplyInput = z.object({ entryId: z.uuid('请选择问答库条目') });

/**
 * The reply (rich text, sanitised): by the office (即办, or a message with it) or by the unit it was
 * sent to. It passes the catalog's personal-information gate: findings refuse the reply with
 * `pii_found` (listing them) until the replier confirms them — the reply reaches only the writer,
 * and publication masks it again.
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
  return sendReply(ctx, id, { html, text, entryId: null, note: findings.length ? `答复含个人信息 ${findings.length} 处，已由答复人确认` : null });
}

/**
 * 一步答复: a 咨询 answered with a published entry of the Q&A library, its answer as the reply (already
 * public, so no personal-information gate).
 */
export async function replyWithEntry(ctx: OpContext, id: string, raw: z.input<typeof entryReplyInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  const { entryId } = entryReplyInput.parse(raw);
  const entry = await loadEntry(ctx, entryId);
  if (entry.status !== 'published') throw notFound('qa_entry_not_found', '问答条目不存在或已停用');
  const html = sanitizeBody(entry.answerHtml);
  return sendReply(ctx, id, { html, text: bodyText(html).trim(), entryId: entry.id, note: `以问答库条目答复：${entry.question}` });
}

/**
 * The reply's one transaction: the message replied, its timeline, the ledger item (if any) replied,
 * and a 咨询 recorded in the qa module's ledger — proposed to the library when answered by hand.
 */
async function sendReply(ctx: OpContext, id: string, r: { html: string; text: string; entryId: string | null; note: string | null }) {
  const ranked = r.entryId ? [] : await rankedFor(ctx, await loadMessage(ctx, id));
  return inTransaction(ctx, async (tx) => {
    const m = await loadMessage(tx, id, { forUpdate: true, allowed: ['accepted', 'assigned'] });
    if (m.status === 'accepted' && !isDistrictWide(ctx.actor!)) throw invalid('message_not_assigned', '该留言尚未转交本单位');
    const repliedOn = todayInShanghai();
    const [after] = await tx.db
      .update(mailboxMessages)
      .set({ status: 'replied', replyHtml: r.html, replyText: r.text, replyUnitId: ctx.actor!.unitId, repliedOn, repliedBy: ctx.actor!.id, rating: null, updatedAt: new Date() })
      .where(eq(mailboxMessages.id, m.id))
      .returning();
    await recordMessageStep(tx, m.id, 'replied', r.note, { after: { repliedOn, onTime: repliedOn <= m.dueDate, ...(r.entryId && { entryId: r.entryId }) } });
    if (await ledgerItemOf(tx, SUBJECT_MESSAGE, m.id)) await replyLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id }, { repliedOn });
    if (m.type === '咨询') {
      const how = await recordInQaLedger(tx, m, { html: r.html, text: r.text, unitId: ctx.actor!.unitId, entryId: r.entryId, ranked });
      if (how === 'proposed') await recordMessageStep(tx, m.id, 'offered', '已答复的咨询已提交问答库，待本单位问答库专员审核入库');
    }
    return after;
  });
}
