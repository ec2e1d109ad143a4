import { and, eq, inArray, ne } from 'drizzle-orm';
import { documents, qaEntries, qaEntryPolicies, qaEntryVersions, qaVariants } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { cleanBody } from '../catalog/document-content.ts';
import { cleanVariants, entryInput, type EntryInput } from './entry-input.ts';
import { bumpLibraryVersion, libraryChanged } from './library-index.ts';
import { assertMayWriteEntry, entrySnapshot, loadEntry, type EntryRow } from './load-entry.ts';
import { voidReason } from './policy-review.ts';

/**
 * Creates (no id) or edits an entry: question, answer (sanitised like a catalog body), variants,
 * policies, topic, tags, owner, review date. A new entry is a draft; an edit keeps the status. Every
 * save is a version; the change, its version and its audit row commit together.
 */
export async function saveEntry(ctx: OpContext, id: string | null, raw: EntryInput): Promise<EntryRow> {
  assertCan(ctx.actor, 'qa.edit');
  const actor = ctx.actor;
  const input = entryInput.parse(raw);
  const { html, text } = cleanBody(input.answerHtml);
  if (!text.trim()) throw invalid('qa_answer_empty', '答案没有文字内容');
  const variants = cleanVariants(input.variants, input.question);
  // A 专员 writes for their own unit; the office may leave the owner open.
  const ownerUnitId = input.ownerUnitId ?? (isDistrictWide(actor) ? null : actor.unitId);
  const result = await inTransaction(ctx, async (tx) => {
    const before = id ? await loadEntry(tx, id, { forUpdate: true }) : null;
    if (before) assertMayWriteEntry(actor, before);
    assertMayWriteEntry(actor, { ownerUnitId });
    if (before?.status === 'retired') throw conflict('qa_entry_retired', '已停用的条目不能修改，请先恢复为草稿');
    if (input.externalId) {
      const [dup] = await tx.db.select({ id: qaEntries.id }).from(qaEntries).where(and(eq(qaEntries.externalId, input.externalId), before ? ne(qaEntries.id, before.id) : undefined));
      if (dup) throw conflict('qa_external_id_taken', `编号“${input.externalId}”已被其他条目使用`);
    }
    const policies = input.policyIds.length
      ? await tx.db.select({ id: documents.id, title: documents.title, validity: documents.validity, status: documents.status }).from(documents).where(inArray(documents.id, input.policyIds))
      : [];
    if (policies.length !== new Set(input.policyIds).size) throw invalid('qa_policy_not_found', '关联的政策文件不存在');
    const voided = policies.map(voidReason).find((r) => r !== null) ?? null;
    const now = new Date();
    const values = {
      externalId: input.externalId ?? null,
      question: input.question,
      answerHtml: html,
      answerText: text,
      topic: input.topic ?? null,
      tags: [...new Set(input.tags)],
      ownerUnitId,
      reviewOn: input.reviewOn ?? null,
      updatedAt: now,
      ...(voided && { needsReview: true, reviewReason: voided }),
    };
    let entry: EntryRow;
    if (before) {
      [entry] = await tx.db.update(qaEntries).set({ ...values, version: before.version + 1 }).where(eq(qaEntries.id, before.id)).returning();
      await tx.db.delete(qaVariants).where(eq(qaVariants.entryId, before.id));
      await tx.db.delete(qaEntryPolicies).where(eq(qaEntryPolicies.entryId, before.id));
    } else {
      [entry] = await tx.db.insert(qaEntries).values({ ...values, status: 'draft', createdBy: actor.id }).returning();
    }
    if (variants.length) await tx.db.insert(qaVariants).values(variants.map((v, seq) => ({ entryId: entry.id, text: v, seq })));
    const policyIds = [...new Set(input.policyIds)];
    if (policyIds.length) await tx.db.insert(qaEntryPolicies).values(policyIds.map((documentId) => ({ entryId: entry.id, documentId })));
    await tx.db.insert(qaEntryVersions).values({ entryId: entry.id, version: entry.version, snapshot: entrySnapshot(entry, variants, policyIds), createdBy: actor.id });
    await writeAudit(tx, {
      action: before ? 'qa.entry_edit' : 'qa.entry_create',
      entity: 'qa_entry',
      entityId: entry.id,
      before: before ? { question: before.question, version: before.version } : undefined,
      after: { question: entry.question, version: entry.version, variants: variants.length, policies: policyIds.length },
    });
    if (entry.status === 'published') await bumpLibraryVersion(tx);
    return entry;
  });
  libraryChanged(ctx);
  return result;
}
