import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, qaEntries, qaEntryPolicies, qaEntryVersions, qaVariants } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { cleanBody } from '../catalog/document-content.ts';
import { MAX_ANSWER, MAX_QUESTION } from './entry-input.ts';
import { bumpLibraryVersion, libraryChanged } from './library-index.ts';
import { loadConsultation } from './load-consultation.ts';
import { assertMayWriteEntry, entrySnapshot, entryVariants, loadEntry } from './load-entry.ts';

export const proposalInput = z.object({
  decision: z.enum(['accept', 'decline'], { message: '应为 accept 或 decline' }),
  /** new: a new entry; variant: a new way of asking entryId. Defaults to what was proposed. */
  kind: z.enum(['new', 'variant']).optional(),
  entryId: z.uuid('条目不正确').nullish(),
  /** The question as it goes into the library (edited), and for a new entry its answer. */
  question: z.string().trim().min(2, '问题至少 2 个字').max(MAX_QUESTION).optional(),
  answerHtml: z.string().trim().min(1).max(MAX_ANSWER).optional(),
});

/**
 * The 专员 of the owner unit takes an answered question into the library — as a new published entry
 * (its answer the reply, both editable) or as a variant of an entry — or declines it.
 */
export async function reviewProposal(ctx: OpContext, consultationId: string, raw: z.input<typeof proposalInput>) {
  assertCan(ctx.actor, 'qa.edit');
  const actor = ctx.actor;
  const input = proposalInput.parse(raw);
  const result = await inTransaction(ctx, async (tx) => {
    const c = await loadConsultation(tx, consultationId, { forUpdate: true });
    if (c.proposalStatus !== 'pending') throw conflict('qa_proposal_closed', '该建议已处理');
    const kind = input.kind ?? (c.proposalKind as 'new' | 'variant');
    const question = input.question ?? c.question;
    const now = new Date();
    let entryId: string | null = null;
    if (input.decision === 'accept' && kind === 'variant') {
      const target = await loadEntry(tx, input.entryId ?? c.proposalEntryId ?? '00000000-0000-0000-0000-000000000000', { forUpdate: true });
      assertMayWriteEntry(actor, target);
      await tx.db.insert(qaVariants).values({ entryId: target.id, text: question, seq: 1000, source: 'consultation' }).onConflictDoNothing();
      const [entry] = await tx.db.update(qaEntries).set({ version: target.version + 1, updatedAt: now }).where(eq(qaEntries.id, target.id)).returning();
      const policyIds = (await tx.db.select({ id: qaEntryPolicies.documentId }).from(qaEntryPolicies).where(eq(qaEntryPolicies.entryId, target.id))).map((p) => p.id);
      await tx.db.insert(qaEntryVersions).values({ entryId: target.id, version: entry.version, snapshot: entrySnapshot(entry, await entryVariants(tx, target.id), policyIds), createdBy: actor.id });
      entryId = target.id;
    } else if (input.decision === 'accept') {
      const ownerUnitId = c.unitId;
      assertMayWriteEntry(actor, { ownerUnitId });
      const { html, text } = cleanBody(input.answerHtml ?? c.replyHtml ?? '');
      if (!text.trim()) throw invalid('qa_answer_empty', '答案没有文字内容');
      const [entry] = await tx.db.insert(qaEntries).values({ question, answerHtml: html, answerText: text, ownerUnitId, status: 'published', createdBy: actor.id, createdAt: now, updatedAt: now }).returning();
      await tx.db.insert(qaEntryVersions).values({ entryId: entry.id, version: 1, snapshot: entrySnapshot(entry, [], []), createdBy: actor.id });
      entryId = entry.id;
    } else {
      assertMayWriteEntry(actor, { ownerUnitId: c.unitId });
    }
    await tx.db
      .update(qaConsultations)
      .set({ proposalStatus: input.decision === 'accept' ? 'accepted' : 'declined', proposalKind: kind, proposalEntryId: entryId ?? c.proposalEntryId, updatedAt: now })
      .where(eq(qaConsultations.id, c.id));
    await writeAudit(tx, { action: `qa.proposal_${input.decision}`, entity: 'qa_consultation', entityId: c.id, after: { kind, entryId } });
    if (entryId) await bumpLibraryVersion(tx);
    return { decision: input.decision, kind, entryId };
  });
  libraryChanged(ctx);
  return result;
}
