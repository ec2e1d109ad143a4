import { asc, eq } from 'drizzle-orm';
import { documents, qaEntries, qaEntryPolicies, qaVariants } from '../../db/schema/index.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { assertUnitInScope, isDistrictWide } from '../../platform/policy.ts';
import { outOfScope } from '../../platform/errors.ts';

export type EntryRow = typeof qaEntries.$inferSelect;

/** The entry, locked for update when asked. */
export async function loadEntry(tx: OpContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<EntryRow> {
  const q = tx.db.select().from(qaEntries).where(eq(qaEntries.id, id));
  const [entry] = opts.forUpdate ? await q.for('update') : await q;
  if (!entry) throw notFound('qa_entry_not_found', '问答条目不存在');
  return entry;
}

/** A 专员 writes only their own unit's entries (and unowned ones are the office's); the office writes all. */
export function assertMayWriteEntry(actor: Actor, entry: { ownerUnitId: string | null }) {
  if (isDistrictWide(actor)) return;
  if (!entry.ownerUnitId) throw outOfScope('未指定所属单位的条目由主管部门维护');
  assertUnitInScope(actor, entry.ownerUnitId);
}

export async function entryVariants(tx: OpContext, entryId: string): Promise<string[]> {
  const rows = await tx.db.select({ text: qaVariants.text }).from(qaVariants).where(eq(qaVariants.entryId, entryId)).orderBy(asc(qaVariants.seq), asc(qaVariants.createdAt));
  return rows.map((r) => r.text);
}

/** The policies an entry rests on, with what the public may see of them. */
export async function entryPolicies(tx: OpContext, entryId: string) {
  return tx.db
    .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber, validity: documents.validity, status: documents.status, publisher: documents.publisher })
    .from(qaEntryPolicies)
    .innerJoin(documents, eq(documents.id, qaEntryPolicies.documentId))
    .where(eq(qaEntryPolicies.entryId, entryId));
}

/** The snapshot kept in qa_entry_versions for every saved state. */
export function entrySnapshot(entry: EntryRow, variants: string[], policyIds: string[]) {
  return {
    question: entry.question,
    answerHtml: entry.answerHtml,
    topic: entry.topic,
    tags: entry.tags,
    ownerUnitId: entry.ownerUnitId,
    status: entry.status,
    reviewOn: entry.reviewOn,
    needsReview: entry.needsReview,
    externalId: entry.externalId,
    variants,
    policyIds,
  };
}
