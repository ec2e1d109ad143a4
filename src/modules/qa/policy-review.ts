import { and, eq, inArray } from 'drizzle-orm';
import { documents, qaEntries, qaEntryPolicies } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { OpContext } from '../../platform/context.ts';
import { onPolicyChanged } from '../catalog/policy-listeners.ts';
import { bumpLibraryVersion } from './library-index.ts';

const VOID_VALIDITY: Record<string, string> = { repealed: '已废止', expired: '已失效' };

/** Why an answer resting on this document must be reviewed, or null while the document stands. */
export function voidReason(doc: { title: string; validity: string; status: string }): string | null {
  if (doc.status === 'withdrawn') return `所依据的《${doc.title}》已撤稿`;
  const v = VOID_VALIDITY[doc.validity];
  return v ? `所依据的《${doc.title}》${v}` : null;
}

/**
 * The catalog changed a document: every entry resting on it that is not yet flagged is flagged for
 * review (never auto-answered until its 专员 publishes it again), in the catalog's transaction.
 */
export async function flagEntriesForPolicy(tx: OpContext, documentId: string): Promise<number> {
  const [doc] = await tx.db.select({ title: documents.title, validity: documents.validity, status: documents.status }).from(documents).where(eq(documents.id, documentId));
  const reason = doc ? voidReason(doc) : null;
  if (!reason) return 0;
  const linked = await tx.db.select({ entryId: qaEntryPolicies.entryId }).from(qaEntryPolicies).where(eq(qaEntryPolicies.documentId, documentId));
  if (!linked.length) return 0;
  const flagged = await tx.db
    .update(qaEntries)
    .set({ needsReview: true, reviewReason: reason, updatedAt: new Date() })
    .where(and(inArray(qaEntries.id, linked.map((l) => l.entryId)), eq(qaEntries.needsReview, false)))
    .returning({ id: qaEntries.id, status: qaEntries.status });
  for (const e of flagged) await writeAudit(tx, { action: 'qa.entry_flag', entity: 'qa_entry', entityId: e.id, after: { needsReview: true, reason, documentId } });
  if (flagged.some((e) => e.status === 'published')) await bumpLibraryVersion(tx);
  return flagged.length;
}

onPolicyChanged('qa', async (tx, documentId) => {
  await flagEntriesForPolicy(tx, documentId);
});
