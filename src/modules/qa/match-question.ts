import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { qaEntries, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { libraryIndex } from './library-index.ts';
import type { MatchResult } from './matching/types.ts';

/** A question as asked: at most this long (longer ones are refused, not cut, so nobody is misread). */
export const MAX_ASK = 500;
export const questionText = z
  .string({ message: '请填写问题' })
  .trim()
  .min(2, '请把问题写完整（至少 2 个字）')
  .max(MAX_ASK, `问题请不超过 ${MAX_ASK} 字`);

export const matchInput = z.object({ question: questionText, limit: z.coerce.number().int().min(1).max(10).default(10) });

export interface RankedEntry {
  entryId: string;
  externalId: string | null;
  question: string;
  answerText: string;
  answerHtml: string;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  score: number;
  matchedText: string;
  conflicts: { slot: string; question: string | null; candidate: string | null }[];
}

/** Matches a question against the published library; the candidates carry what the callers show. */
export async function matchQuestion(ctx: OpContext, question: string, limit = 10): Promise<{ result: MatchResult; ranked: RankedEntry[] }> {
  const result = await libraryIndex(ctx.db).match(question, limit);
  const ids = result.ranked.map((c) => c.entryId);
  const rows = ids.length
    ? await ctx.db
        .select({ id: qaEntries.id, externalId: qaEntries.externalId, question: qaEntries.question, answerText: qaEntries.answerText, answerHtml: qaEntries.answerHtml, ownerUnitId: qaEntries.ownerUnitId, ownerUnitName: units.name, status: qaEntries.status })
        .from(qaEntries)
        .leftJoin(units, eq(units.id, qaEntries.ownerUnitId))
        .where(inArray(qaEntries.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = result.ranked.flatMap((c) => {
    const r = byId.get(c.entryId);
    // Retired a moment ago in another process: not shown, whatever the index still holds.
    if (!r || r.status !== 'published') return [];
    return [{ entryId: r.id, externalId: r.externalId, question: r.question, answerText: r.answerText, answerHtml: r.answerHtml, ownerUnitId: r.ownerUnitId, ownerUnitName: r.ownerUnitName, score: c.score, matchedText: c.matchedText, conflicts: c.conflicts }];
  });
  const answerOk = result.answerId !== null && ranked.some((r) => r.entryId === result.answerId);
  return { result: answerOk ? result : { ...result, decision: result.decision === 'answer' ? 'suggest' : result.decision, answerId: null }, ranked };
}

/** 坐席检索: the phone line's and the window's search. */
export async function searchForStaff(ctx: OpContext, raw: z.input<typeof matchInput>) {
  assertCan(ctx.actor, 'qa.consult');
  const { question, limit } = matchInput.parse(raw);
  const { result, ranked } = await matchQuestion(ctx, question, limit);
  return { decision: result.decision, answerId: result.answerId, score: result.score, margin: result.margin, ranked };
}
