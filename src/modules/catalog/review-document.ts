import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentReviews, documents, type ReviewStep } from '../../db/schema/index.ts';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type Actor, type OpContext } from '../../platform/context.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { searchVectorSql } from './document-content.ts';
import { assertColumnOwner, contentOf, loadDocument } from './load-document.ts';
import { openFindings } from './pii-gate.ts';

/** Sends a draft (or a published document's working copy) into the review chain. */
export async function submitDocument(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'documents.edit');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    const editing = (doc.status === 'published' || doc.status === 'scheduled') && doc.workingCopy;
    if (!editing && !['draft', 'returned'].includes(doc.status)) throw conflict('not_submittable', '只有草稿或被退回的文件可以送审');
    await tx.db.update(documents).set({ status: editing ? doc.status : 'in_review', reviewStep: editing ? 1 : 0, updatedAt: new Date() }).where(eq(documents.id, id));
    // A working copy's review is marked by reviewStep ≥ 1 (step index + 1) while the published status stays.
    await tx.db.insert(documentReviews).values({ documentId: id, version: doc.version, step: 0, stepName: '送审', decision: 'submit', createdBy: actor.id });
    await writeAudit(tx, { action: 'document.submit', entity: 'document', entityId: id, after: { version: doc.version, workingCopy: !!editing } });
  });
}

export const reviewInput = z.object({
  decision: z.enum(['approve', 'return', 'reject'], { message: '审核结论应为通过、退回或驳回' }),
  comment: z.string().trim().max(2000, '意见不能超过 2000 字').optional().nullable(),
  /** 保密审查: the last step's approver confirms nothing secret is published. */
  secrecyConfirmed: z.boolean().default(false),
});

function assertStepRole(actor: Actor, step: ReviewStep) {
  if (isDistrictWide(actor)) return;
  if (!actor.roles.includes(step.role as never)) throw forbidden(`“${step.name}”须由${step.role === 'approver' ? '签发人' : '审核员'}办理`);
}

/**
 * One step of 三审: approve (the last approval publishes, and waits for every personal-information
 * finding to be masked or kept with a reason, and for the 保密审查 confirmation), return with
 * comments, or reject.
 */
export async function reviewDocument(ctx: OpContext, id: string, raw: z.input<typeof reviewInput>) {
  assertCan(ctx.actor, 'documents.review');
  const input = reviewInput.parse(raw);
  const actor = ctx.actor;
  if (input.decision !== 'approve' && !input.comment) throw invalid('comment_required', '退回或驳回时请填写意见');
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    const editing = !!doc.workingCopy && doc.reviewStep > 0;
    if (doc.status !== 'in_review' && !editing) throw conflict('not_in_review', '该文件不在审核中');
    const stepIndex = editing ? doc.reviewStep - 1 : doc.reviewStep;
    const steps = column.reviewSteps;
    const step = steps[stepIndex];
    assertStepRole(actor, step);
    const last = stepIndex === steps.length - 1;
    await tx.db.insert(documentReviews).values({ documentId: id, version: doc.version, step: stepIndex + 1, stepName: step.name, decision: input.decision, comment: input.comment ?? null, secrecyConfirmed: input.secrecyConfirmed, createdBy: actor.id });
    const audit = (action: string, after: unknown) => writeAudit(tx, { action, entity: 'document', entityId: id, before: { status: doc.status, step: step.name }, after });

    if (input.decision === 'return') {
      await tx.db.update(documents).set(editing ? { reviewStep: 0 } : { status: 'returned', reviewStep: 0 }).where(eq(documents.id, id));
      return audit('document.return', { comment: input.comment });
    }
    if (input.decision === 'reject') {
      await tx.db.update(documents).set(editing ? { workingCopy: null, reviewStep: 0 } : { status: 'rejected', reviewStep: 0 }).where(eq(documents.id, id));
      return audit('document.reject', { comment: input.comment });
    }
    if (!last) {
      await tx.db.update(documents).set({ reviewStep: doc.reviewStep + 1 }).where(eq(documents.id, id));
      return audit('document.approve_step', { step: step.name });
    }
    const findings = await openFindings(tx, doc);
    if (findings.length)
      throw new AppError('conflict', 'pii_unresolved', `发现 ${findings.length} 处个人信息尚未处理（去标识化或记录保留理由），不能发布`, findings);
    if (!input.secrecyConfirmed) throw invalid('secrecy_unconfirmed', '终审须确认已完成保密审查');
    const content = contentOf(doc);
    const copy = doc.workingCopy as { meta: Record<string, unknown>; columnId: string } | null;
    const now = new Date();
    const publishedAt = editing ? doc.publishedAt : doc.publishAt && doc.publishAt > now ? doc.publishAt : now;
    await tx.db
      .update(documents)
      .set({
        ...(copy && { ...copy.meta, columnId: copy.columnId }),
        title: content.title,
        bodyHtml: content.bodyHtml,
        bodyText: content.bodyText,
        workingCopy: null,
        reviewStep: 0,
        status: publishedAt && publishedAt > now ? 'scheduled' : 'published',
        publishedAt,
        updatedAt: now,
        searchVector: searchVectorSql({ title: content.title, docNumber: (copy?.meta.docNumber as string | null | undefined) ?? doc.docNumber, indexNo: doc.indexNo }, content.bodyText),
      })
      .where(eq(documents.id, id));
    return audit('document.publish', { version: doc.version, publishedAt, scheduled: !!publishedAt && publishedAt > now });
  });
}

export const withdrawInput = z.object({ reason: z.string().trim().min(2, '请填写撤稿原因').max(1000) });

/** 撤稿: the page then says it was withdrawn, and why. */
export async function withdrawDocument(ctx: OpContext, id: string, raw: z.input<typeof withdrawInput>) {
  assertCan(ctx.actor, 'documents.review');
  const { reason } = withdrawInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    if (doc.status !== 'published' && doc.status !== 'scheduled') throw conflict('not_published', '只有已发布的文件可以撤稿');
    await tx.db.update(documents).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: reason, workingCopy: null, reviewStep: 0 }).where(eq(documents.id, id));
    await tx.db.insert(documentReviews).values({ documentId: id, version: doc.version, step: 0, stepName: '撤稿', decision: 'withdraw', comment: reason, createdBy: actor.id });
    await writeAudit(tx, { action: 'document.withdraw', entity: 'document', entityId: id, before: { status: doc.status }, after: { status: 'withdrawn', reason } });
  });
}

