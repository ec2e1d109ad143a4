import { eq, inArray } from 'drizzle-orm';
import { documents, qaEntries, qaEntryPolicies } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';

/**
 * The policy-making unit a registered question is routed to first: the owner unit of the closest
 * candidates (by their scores), else the issuing unit of the policies those candidates rest on. Null
 * leaves it to the office.
 */
export async function suggestUnit(tx: OpContext, candidates: { entryId: string; score: number }[]): Promise<string | null> {
  const top = candidates.slice(0, 3);
  if (!top.length) return null;
  const ids = top.map((c) => c.entryId);
  const owners = await tx.db.select({ id: qaEntries.id, unitId: qaEntries.ownerUnitId }).from(qaEntries).where(inArray(qaEntries.id, ids));
  const issuers = await tx.db.select({ id: qaEntryPolicies.entryId, unitId: documents.siteUnitId }).from(qaEntryPolicies).innerJoin(documents, eq(documents.id, qaEntryPolicies.documentId)).where(inArray(qaEntryPolicies.entryId, ids));
  const weight = new Map<string, number>();
  for (const c of top) {
    const own = owners.find((o) => o.id === c.entryId)?.unitId;
    if (own) weight.set(own, (weight.get(own) ?? 0) + c.score);
    for (const i of issuers.filter((x) => x.id === c.entryId)) weight.set(i.unitId, (weight.get(i.unitId) ?? 0) + c.score / 2);
  }
  let best: string | null = null;
  for (const [unit, w] of weight) if (best === null || w > weight.get(best)!) best = unit;
  return best;
}
