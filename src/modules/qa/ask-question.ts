import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, qaEntries } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { entryPolicies } from './load-entry.ts';
import { matchQuestion, questionText, type RankedEntry } from './match-question.ts';

export const askInput = z.object({ question: questionText });

/** A policy as the public sees it: only published documents, linked on the portal. */
export interface PublicPolicy {
  id: string;
  title: string;
  docNumber: string | null;
  validity: string;
}

export interface AskResult {
  consultationId: string;
  decision: 'answer' | 'suggest' | 'register';
  answer: { entryId: string; question: string; answerHtml: string; policies: PublicPolicy[] } | null;
  /** "您是否想问": at most 3. */
  suggestions: { entryId: string; question: string }[];
  /** Not answered because the question names another place than the library's (江北 for a 渝中区 entry): that place. */
  elsewhere: string | null;
}

export async function publicPolicies(ctx: OpContext, entryId: string): Promise<PublicPolicy[]> {
  return (await entryPolicies(ctx, entryId)).filter((p) => p.status === 'published').map((p) => ({ id: p.id, title: p.title, docNumber: p.docNumber, validity: p.validity }));
}

/**
 * 一网答: a citizen's question. Every question is a consultation of the ledger (channel 网站): answered
 * at once when the engine is sure, else "open" with up to 3 suggestions, until the asker takes one or
 * registers the question (register-question.ts).
 */
export async function askQuestion(ctx: OpContext, raw: z.input<typeof askInput>): Promise<AskResult> {
  const { question } = askInput.parse(raw);
  const { result, ranked } = await matchQuestion(ctx, question, 10);
  const answered = result.decision === 'answer' ? ranked.find((r) => r.entryId === result.answerId) ?? null : null;
  const now = new Date();
  const [row] = await ctx.db
    .insert(qaConsultations)
    .values({
      channel: 'web',
      question,
      receivedAt: now,
      receivedOn: todayInShanghai(now),
      answeredOnSpot: answered !== null,
      matchedEntryId: answered?.entryId ?? ranked[0]?.entryId ?? null,
      candidates: ranked.slice(0, 5).map((r) => ({ entryId: r.entryId, score: r.score })),
      score: Math.round(result.score * 100),
      status: answered ? 'answered' : 'open',
      ip: ctx.ip ?? null,
    })
    .returning({ id: qaConsultations.id });
  const suggestions = answered ? [] : result.decision === 'suggest' ? ranked.slice(0, 3).map((r: RankedEntry) => ({ entryId: r.entryId, question: r.question })) : [];
  return {
    consultationId: row.id,
    decision: answered ? 'answer' : suggestions.length ? 'suggest' : 'register',
    answer: answered ? { entryId: answered.entryId, question: answered.question, answerHtml: answered.answerHtml, policies: await publicPolicies(ctx, answered.entryId) } : null,
    suggestions,
    elsewhere: answered ? null : (ranked[0]?.conflicts.find((c) => c.slot === 'place')?.question ?? null),
  };
}

export const takeInput = z.object({ consultationId: z.uuid('咨询记录不正确'), entryId: z.uuid('条目不正确') });

/** The asker took one of the suggestions: the consultation is answered by it. */
export async function takeSuggestion(ctx: OpContext, raw: z.input<typeof takeInput>) {
  const { consultationId, entryId } = takeInput.parse(raw);
  const [entry] = await ctx.db.select({ id: qaEntries.id, question: qaEntries.question, answerHtml: qaEntries.answerHtml, status: qaEntries.status }).from(qaEntries).where(eq(qaEntries.id, entryId));
  if (!entry || entry.status !== 'published') throw notFound('qa_entry_not_found', '该问答不存在或已停用');
  const updated = await ctx.db
    .update(qaConsultations)
    .set({ status: 'answered', matchedEntryId: entryId, updatedAt: new Date() })
    .where(and(eq(qaConsultations.id, consultationId), eq(qaConsultations.status, 'open')))
    .returning({ id: qaConsultations.id });
  if (!updated.length) throw conflict('qa_consultation_closed', '该咨询已解答或已登记');
  return { consultationId, entryId, question: entry.question, answerHtml: entry.answerHtml, policies: await publicPolicies(ctx, entryId) };
}

export const feedbackInput = z.object({ consultationId: z.uuid('咨询记录不正确'), useful: z.boolean() });

/** 有用 / 没用, once per answered consultation. */
export async function giveFeedback(ctx: OpContext, raw: z.input<typeof feedbackInput>) {
  const { consultationId, useful } = feedbackInput.parse(raw);
  const updated = await ctx.db
    .update(qaConsultations)
    .set({ feedback: useful ? 'useful' : 'not_useful', updatedAt: new Date() })
    .where(and(eq(qaConsultations.id, consultationId), isNull(qaConsultations.feedback), inArray(qaConsultations.status, ['answered', 'replied'])))
    .returning({ id: qaConsultations.id, status: qaConsultations.status });
  if (!updated.length) throw conflict('qa_feedback_given', '已收到您的评价，谢谢');
  return { ok: true as const };
}
