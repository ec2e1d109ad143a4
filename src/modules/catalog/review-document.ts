import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentReviews, documents } from '../../db/schema/index.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { scheduleJob } from '../../platform/jobs/job-runner.ts';
import { assertCan } from '../../platform/policy.ts';
import { searchVectorSql } from './document-content.ts';
import { ensureIndexNo } from './index-number.ts';
import { assertColumnOwner, contentOf, loadDocument } from './load-document.ts';
import { openFindings } from './pii-gate.ts';
import { notifyPolicyChanged } from './policy-listeners.ts';
import { notifyAuthor, notifyNextReviewers } from './review-notifications.ts';
import { assertMayTakeStep, currentStepIndex, loadRoundDeciders, roundSubmitter } from './review-rule.ts';

type DocumentRow = typeof documents.$inferSelect;

/** An edit of a published (or scheduled) document, kept beside it until its review ends. */
export interface WorkingCopy {
  title: string;
  bodyHtml: string;
  bodyText: string;
  meta: Record<string, unknown>;
  columnId: string;
  /** 定时发布 of the edit (ISO); absent in copies saved before it was kept. */
  publishAt?: string | null;
  /** Set when the last step approved a copy whose publishAt was still ahead: it replaces the published version then. */
  approvedAt?: string;
}

/** Job that puts an approved working copy in place of the published version at its publishAt. */
export const APPLY_WORKING_COPY_JOB = 'catalog-apply-working-copy';

/** Whether the public sees the document now: published, or scheduled and its time has come. */
const isPublic = (doc: DocumentRow, now: Date) => doc.status === 'published' || (doc.status === 'scheduled' && !!doc.publishedAt && doc.publishedAt <= now);

/** Sends a draft (or a published document's working copy) into the review chain. */
export async function submitDocument(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'documents.edit');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    const copy = doc.workingCopy as WorkingCopy | null;
    const editing = (doc.status === 'published' || doc.status === 'scheduled') && !!copy;
    if (!editing && !['draft', 'returned'].includes(doc.status)) throw conflict('not_submittable', '只有草稿或被退回的文件可以送审');
    if (editing && doc.reviewStep > 0) throw conflict('not_submittable', '修改稿已在审核中');
    if (copy?.approvedAt) throw conflict('copy_scheduled', '修改稿已审核通过，将在定时发布时间替换公开版本；如需再改，请先修改保存后送审');
    // No document goes up for publication without its 索引号, nor with a made-up one.
    await ensureIndexNo(tx, doc);
    await tx.db.update(documents).set({ status: editing ? doc.status : 'in_review', reviewStep: editing ? 1 : 0, updatedAt: new Date() }).where(eq(documents.id, id));
    // A working copy's review is marked by reviewStep ≥ 1 (step index + 1) while the published status stays.
    await tx.db.insert(documentReviews).values({ documentId: id, version: doc.version, step: 0, stepName: '送审', decision: 'submit', createdBy: actor.id });
    await writeAudit(tx, { action: 'document.submit', entity: 'document', entityId: id, after: { version: doc.version, workingCopy: editing } });
    await notifyNextReviewers(tx, { id, title: contentOf(doc).title }, column, 0, actor, actor.id);
  });
}

export const reviewInput = z.object({
  decision: z.enum(['approve', 'return', 'reject'], { message: '审核结论应为通过、退回或驳回' }),
  comment: z.string().trim().max(2000, '意见不能超过 2000 字').optional().nullable(),
  /** 保密审查: the last step's approver confirms nothing secret is published. */
  secrecyConfirmed: z.boolean().default(false),
});

/**
 * One step of 三审: approve (the last approval publishes, and waits for every personal-information
 * finding to be masked or kept with a reason, and for the 保密审查 confirmation), return with
 * comments, or reject. The next step's reviewers, or the author on a return or rejection, are
 * notified in the same transaction.
 */
export async function reviewDocument(ctx: OpContext, id: string, raw: z.input<typeof reviewInput>) {
  assertCan(ctx.actor, 'documents.review');
  const input = reviewInput.parse(raw);
  const actor = ctx.actor;
  if (input.decision !== 'approve' && !input.comment) throw invalid('comment_required', '退回或驳回时请填写意见');
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    const stepIndex = currentStepIndex(doc);
    if (stepIndex === null) throw conflict('not_in_review', '该文件不在审核中');
    const editing = doc.status !== 'in_review';
    const steps = column.reviewSteps;
    const step = steps[stepIndex];
    if (!step) throw conflict('review_step_missing', '栏目的审核流程已变更，当前步骤不存在；请退回后重新送审');
    const submittedBy = await roundSubmitter(tx.db, id);
    const decidedBy = await loadRoundDeciders(tx.db, id);
    assertMayTakeStep(actor, column, step, submittedBy, decidedBy);
    const last = stepIndex === steps.length - 1;
    const now = new Date();
    const title = contentOf(doc).title;
    await tx.db.insert(documentReviews).values({ documentId: id, version: doc.version, step: stepIndex + 1, stepName: step.name, decision: input.decision, comment: input.comment ?? null, secrecyConfirmed: input.secrecyConfirmed, createdBy: actor.id });
    const audit = (action: string, after: unknown) => writeAudit(tx, { action, entity: 'document', entityId: id, before: { status: doc.status, step: step.name }, after });
    // The column lets one person take several steps (a very small unit): each such decision is recorded as an exception.
    if (decidedBy.includes(actor.id))
      await audit('document.review_same_person', { step: step.name, decision: input.decision, version: doc.version, reason: '栏目审核流程允许同一人办理多个步骤' });

    if (input.decision === 'return') {
      await tx.db.update(documents).set(editing ? { reviewStep: 0, updatedAt: now } : { status: 'returned', reviewStep: 0, updatedAt: now }).where(eq(documents.id, id));
      await audit('document.return', { comment: input.comment });
      await notifyAuthor(tx, { id, title, createdBy: doc.createdBy }, 'return', step.name, input.comment ?? null, actor);
      return;
    }
    if (input.decision === 'reject') {
      await tx.db.update(documents).set(editing ? { workingCopy: null, reviewStep: 0, updatedAt: now } : { status: 'rejected', reviewStep: 0, updatedAt: now }).where(eq(documents.id, id));
      await audit('document.reject', { comment: input.comment });
      await notifyAuthor(tx, { id, title, createdBy: doc.createdBy }, 'reject', step.name, input.comment ?? null, actor);
      return;
    }
    if (!last) {
      await tx.db.update(documents).set({ reviewStep: doc.reviewStep + 1, updatedAt: now }).where(eq(documents.id, id));
      await audit('document.approve_step', { step: step.name });
      await notifyNextReviewers(tx, { id, title }, column, stepIndex + 1, actor, submittedBy, [...decidedBy, actor.id]);
      return;
    }
    const findings = await openFindings(tx, doc);
    if (findings.length)
      throw new AppError('conflict', 'pii_unresolved', `发现 ${findings.length} 处个人信息尚未处理（去标识化或记录保留理由），不能发布`, findings);
    if (!input.secrecyConfirmed) throw invalid('secrecy_unconfirmed', '终审须确认已完成保密审查');

    const copy = doc.workingCopy as WorkingCopy | null;
    if (editing && copy) {
      const requested = requestedPublishAt(doc, copy);
      if (isPublic(doc, now) && requested && requested > now) {
        // The published version stays up; the approved edit replaces it at its publishAt.
        await tx.db.update(documents).set({ workingCopy: { ...copy, approvedAt: now.toISOString() }, reviewStep: 0, updatedAt: now }).where(eq(documents.id, id));
        await scheduleJob(tx.db, { kind: APPLY_WORKING_COPY_JOB, runKey: `${APPLY_WORKING_COPY_JOB}:${id}:${doc.version}`, runAt: requested, payload: { documentId: id, version: doc.version } });
        return audit('document.approve_scheduled_edit', { version: doc.version, publishAt: requested });
      }
      const publishedAt = await applyWorkingCopy(tx, doc, copy, now);
      return audit('document.publish', { version: doc.version, publishedAt, scheduled: publishedAt > now });
    }
    const content = contentOf(doc);
    // Sent for review before its agency had a code (or before 索引号 waited for one): numbered now, or refused.
    const indexNo = await ensureIndexNo(tx, doc);
    const publishedAt = doc.publishAt && doc.publishAt > now ? doc.publishAt : now;
    await tx.db
      .update(documents)
      .set({
        reviewStep: 0,
        status: publishedAt > now ? 'scheduled' : 'published',
        publishedAt,
        updatedAt: now,
        searchVector: searchVectorSql({ title: content.title, docNumber: doc.docNumber, indexNo }, content.bodyText),
      })
      .where(eq(documents.id, id));
    return audit('document.publish', { version: doc.version, publishedAt, scheduled: publishedAt > now });
  });
}

/**
 * The publish time an edit asks for: its own publishAt (null: as soon as approved). A copy saved
 * before working copies kept publishAt keeps the document's publication time.
 */
function requestedPublishAt(doc: DocumentRow, copy: WorkingCopy): Date | null {
  if (copy.publishAt === undefined) return doc.publishedAt;
  return copy.publishAt ? new Date(copy.publishAt) : null;
}

/**
 * Puts a working copy in place of the document's content. A document the public already sees keeps
 * its publication date (an edit is a correction of it); one still waiting for its time takes the
 * copy's publishAt, or is published now. Returns the publication time.
 */
async function applyWorkingCopy(tx: OpContext, doc: DocumentRow, copy: WorkingCopy, now: Date): Promise<Date> {
  const requested = requestedPublishAt(doc, copy);
  const publishedAt = isPublic(doc, now) && doc.publishedAt ? doc.publishedAt : requested && requested > now ? requested : now;
  const docNumber = (copy.meta.docNumber as string | null | undefined) ?? null;
  await tx.db
    .update(documents)
    .set({
      ...copy.meta,
      columnId: copy.columnId,
      ...(copy.publishAt !== undefined && { publishAt: requested }),
      title: copy.title,
      bodyHtml: copy.bodyHtml,
      bodyText: copy.bodyText,
      workingCopy: null,
      reviewStep: 0,
      status: publishedAt > now ? 'scheduled' : 'published',
      publishedAt,
      updatedAt: now,
      searchVector: searchVectorSql({ title: copy.title, docNumber, indexNo: doc.indexNo }, copy.bodyText),
    })
    .where(eq(documents.id, doc.id));
  await notifyPolicyChanged(tx, doc.id);
  return publishedAt;
}

/**
 * The job at an approved edit's publishAt: replaces the published version, unless the copy was
 * edited again, rejected or the document withdrawn since (then there is nothing to do).
 */
export async function applyScheduledWorkingCopy(ctx: OpContext, payload: { documentId: string; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const { doc } = await loadDocument(tx, payload.documentId, { forUpdate: true });
    const copy = doc.workingCopy as WorkingCopy | null;
    if (!copy?.approvedAt || doc.version !== payload.version) return false;
    const now = new Date();
    const publishedAt = await applyWorkingCopy(tx, doc, copy, now);
    await writeAudit(tx, { action: 'document.publish', entity: 'document', entityId: doc.id, before: { status: doc.status }, after: { version: doc.version, publishedAt, scheduledEdit: true } });
    return true;
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
    await notifyPolicyChanged(tx, id);
  });
}
