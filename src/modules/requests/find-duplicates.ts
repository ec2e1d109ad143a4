import { and, eq, gte, ne } from 'drizzle-orm';
import { requestCases } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';

export const DUPLICATE_SIMILARITY = 0.5;

const bigrams = (s: string) => {
  const t = s.replace(/[\s\p{P}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
};

/** Dice similarity of two descriptions over character pairs (Chinese text has no spaces). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Earlier requests of the same applicant within a year with a similar description, shown to the
 * handler; deciding 重复申请 (5.2) stays a human decision.
 */
export async function findDuplicates(ctx: OpContext, c: { id: string; applicantKey: string; description: string; receivedOn: string | null; createdAt: Date }) {
  const anchor = c.receivedOn ?? todayInShanghai(c.createdAt);
  const since = addDays(anchor, -365);
  const rows = await ctx.db
    .select({ id: requestCases.id, code: requestCases.code, description: requestCases.description, receivedOn: requestCases.receivedOn, status: requestCases.status, outcome: requestCases.outcome, agencyUnitId: requestCases.agencyUnitId })
    .from(requestCases)
    .where(and(eq(requestCases.applicantKey, c.applicantKey), ne(requestCases.id, c.id), gte(requestCases.createdAt, new Date(`${since}T00:00:00+08:00`))))
    .limit(200);
  return rows
    .map((r) => ({ ...r, similarity: Math.round(similarity(r.description, c.description) * 100) / 100 }))
    .filter((r) => r.similarity >= DUPLICATE_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 10);
}
