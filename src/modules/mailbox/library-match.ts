import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { mailboxMessages, qaConsultations } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { matchQuestion, MAX_ASK, questionText } from '../qa/match-question.ts';
import { loadMessage, type MessageRow } from './load-message.ts';

/** The candidates a handler sees: at most five, each with its score (0–100); below MIN_SCORE they are noise, not shown. */
const LIMIT = 5;
const MIN_SCORE = 15;
/** As in the qa module's own replies: a closest entry scoring this much (of 100) makes the answered question a proposed variant of it. */
const VARIANT_SCORE = 55;

/** What a message asks, as the library is asked it: the title, then as much of the body as fits. */
export function messageQuestion(m: Pick<MessageRow, 'title' | 'body'>): string {
  return `${m.title}。${m.body}`.replace(/\s+/g, ' ').slice(0, MAX_ASK);
}

/** A candidate as the qa ledger keeps it: the entry and its score in [0, 1]. */
export type LibraryCandidate = { entryId: string; score: number };

/** The library's candidates for a message's question, as `recordInQaLedger` takes them (none for other types). */
export async function rankedFor(ctx: OpContext, m: MessageRow): Promise<LibraryCandidate[]> {
  if (m.type !== '咨询') return [];
  const { ranked } = await matchQuestion(ctx, messageQuestion(m), LIMIT);
  return ranked.map((r) => ({ entryId: r.entryId, score: r.score }));
}

async function candidates(ctx: OpContext, question: string) {
  const { result, ranked } = await matchQuestion(ctx, question, LIMIT);
  return {
    decision: result.decision,
    answerId: result.answerId,
    items: ranked.filter((r) => r.score * 100 >= MIN_SCORE).map((r) => ({ entryId: r.entryId, question: r.question, matchedText: r.matchedText, answerText: r.answerText, answerHtml: r.answerHtml, ownerUnitName: r.ownerUnitName, score: Math.round(r.score * 100) })),
  };
}

/** 问答库匹配 of a 咨询 message: the library's candidates for its title and body, best first. */
export async function matchMessage(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'mailbox.read');
  const m = await loadMessage(ctx, id);
  return candidates(ctx, messageQuestion(m));
}

export const callMatchInput = z.object({ question: questionText });

/** The same match for a caller's question, from the call-logging screen. */
export async function matchCallQuestion(ctx: OpContext, raw: z.input<typeof callMatchInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  return candidates(ctx, callMatchInput.parse(raw).question);
}

/**
 * A 咨询 answered in the mailbox goes into the qa module's 咨询登记台账 (channel 信箱), as the Q&A issue
 * records every consultation: answered with a library entry, it is one answered row; answered by
 * hand, it is a replied question proposed to the library — a variant of the closest entry when that
 * was close, else a new entry — for the 专员 of the replying unit (qa's 待入库 list,
 * `reviewProposal`). One row per message (`qa_consultation_id`): a second reply (after 不满意) updates
 * the row while its proposal is undecided, and leaves a decided one alone. Called inside the reply's
 * transaction; `ranked` is the match made before it. Answers what happened to the library offer.
 */
export async function recordInQaLedger(
  tx: OpContext,
  m: MessageRow,
  reply: { html: string; text: string; unitId: string | null; entryId: string | null; ranked: LibraryCandidate[] },
): Promise<'answered' | 'proposed' | 'updated' | 'kept'> {
  const now = new Date();
  const top = reply.ranked[0];
  const topScore = top ? Math.round(top.score * 100) : 0;
  const variant = !!top && topScore >= VARIANT_SCORE;
  const row = {
    channel: 'mailbox',
    question: messageQuestion(m),
    askerName: m.name,
    askerContact: m.phone,
    askerEmail: m.email,
    receivedAt: m.receivedAt,
    receivedOn: m.receivedOn,
    candidates: reply.ranked,
    score: topScore,
    unitId: reply.unitId,
    replyHtml: reply.html,
    replyText: reply.text,
    repliedAt: now,
    repliedBy: tx.actor?.id ?? null,
    recordedBy: tx.actor?.id ?? null,
    isSample: m.sample,
    updatedAt: now,
    ...(reply.entryId
      ? { status: 'answered', answeredOnSpot: false, matchedEntryId: reply.entryId, proposalStatus: 'none', proposalKind: null, proposalEntryId: null }
      : { status: 'replied', matchedEntryId: top?.entryId ?? null, proposalStatus: 'pending', proposalKind: variant ? 'variant' : 'new', proposalEntryId: variant ? top.entryId : null }),
  };
  const [existing] = m.qaConsultationId ? await tx.db.select({ id: qaConsultations.id, proposalStatus: qaConsultations.proposalStatus }).from(qaConsultations).where(eq(qaConsultations.id, m.qaConsultationId)).for('update') : [];
  let outcome: 'answered' | 'proposed' | 'updated' | 'kept';
  if (existing && existing.proposalStatus !== 'none' && existing.proposalStatus !== 'pending') return 'kept';
  if (existing) {
    await tx.db.update(qaConsultations).set(row).where(eq(qaConsultations.id, existing.id));
    outcome = 'updated';
  } else {
    const [created] = await tx.db.insert(qaConsultations).values(row).returning({ id: qaConsultations.id });
    await tx.db.update(mailboxMessages).set({ qaConsultationId: created.id }).where(eq(mailboxMessages.id, m.id));
    outcome = reply.entryId ? 'answered' : 'proposed';
  }
  if (!reply.entryId && reply.unitId) await notifyUnits(tx.db, [reply.unitId], { kind: 'qa.proposal', title: '信箱已答复的咨询待纳入问答库', body: m.title.slice(0, 200), link: '/admin/qa/ledger' }, ['qa_specialist']);
  return outcome;
}
