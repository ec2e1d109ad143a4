import { asc, eq } from 'drizzle-orm';
import { catalogColumns, documentAttachments, documentInterpretations, documentReviews, documentRevisions, documents, files, users } from '../../db/schema/index.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { assertColumnOwner, loadDocument } from './load-document.ts';
import { currentStep, mayTakeStep, roundDeciders } from './review-rule.ts';

/** A document as its editors and reviewers see it: content, working copy, revisions and review trail. */
export async function getDocumentForEditor(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'catalog.read');
  const { doc, column } = await loadDocument(ctx, id);
  // Drafts, working copies and the review trail may hold personal data not yet masked: owners only.
  assertColumnOwner(ctx.actor, column);
  const [revisions, reviews, attachments, interpretations, interprets] = await Promise.all([
    ctx.db.select({ version: documentRevisions.version, title: documentRevisions.title, createdAt: documentRevisions.createdAt }).from(documentRevisions).where(eq(documentRevisions.documentId, id)).orderBy(asc(documentRevisions.version)),
    ctx.db
      .select({ review: documentReviews, createdByName: users.displayName })
      .from(documentReviews)
      .leftJoin(users, eq(users.id, documentReviews.createdBy))
      .where(eq(documentReviews.documentId, id))
      .orderBy(asc(documentReviews.createdAt)),
    ctx.db
      .select({ fileId: files.id, name: files.originalName, mime: files.mime, size: files.size })
      .from(documentAttachments)
      .innerJoin(files, eq(files.id, documentAttachments.fileId))
      .where(eq(documentAttachments.documentId, id)),
    linkedDocuments(ctx, 'interpretations', id),
    linkedDocuments(ctx, 'interprets', id),
  ]);
  const { searchVector: _sv, ...rest } = doc;
  const submittedBy = reviews.findLast((r) => r.review.decision === 'submit' && r.review.version === doc.version)?.review.createdBy ?? null;
  const step = currentStep(doc, column);
  const decidedBy = roundDeciders(reviews.map((r) => r.review));
  return {
    document: rest,
    column: { id: column.id, name: column.name, reviewSteps: column.reviewSteps, reviewDistinctPeople: column.reviewDistinctPeople },
    revisions,
    reviews: reviews.map((r) => ({ ...r.review, createdByName: r.createdByName })),
    /** Whether the caller may decide the step now waiting (review-rule.ts); false when none waits. */
    yourStep: mayTakeStep(ctx.actor!, column, step, submittedBy, decidedBy),
    /** The caller approved an earlier step of this round: 三审 needs someone else for this one. */
    decidedEarlierStep: step !== null && column.reviewDistinctPeople && decidedBy.includes(ctx.actor!.id),
    /** The caller sent this round up: someone else must review it. */
    ownSubmission: step !== null && submittedBy === ctx.actor!.id,
    attachments,
    /** 政策解读 of this document (it is the policy), and the policies this document interprets. */
    interpretations,
    interprets,
  };
}

/** Statuses whose title has passed the final review (and its PII gate), so any unit may read it. */
const CLEARED = new Set(['published', 'scheduled', 'withdrawn']);
const owns = (actor: Actor, column: { siteUnitId: string; ownerUnitIds: string[] }) =>
  isDistrictWide(actor) || column.siteUnitId === actor.unitId || column.ownerUnitIds.includes(actor.unitId);

/**
 * The documents linked to this one, either way. A linked document of another unit that has not
 * passed its review shows no title (it may hold personal data not yet masked). `canUnlink` follows
 * link-interpretation.ts: the interpretation's owners (or the office) may undo a link.
 */
async function linkedDocuments(ctx: OpContext, side: 'interpretations' | 'interprets', id: string) {
  const actor = ctx.actor!;
  const other = side === 'interpretations' ? documentInterpretations.interpretationId : documentInterpretations.policyId;
  const self = side === 'interpretations' ? documentInterpretations.policyId : documentInterpretations.interpretationId;
  const rows = await ctx.db
    .select({
      id: documents.id,
      title: documents.title,
      status: documents.status,
      publishedAt: documents.publishedAt,
      form: documentInterpretations.form,
      columnName: catalogColumns.name,
      siteUnitId: catalogColumns.siteUnitId,
      ownerUnitIds: catalogColumns.ownerUnitIds,
    })
    .from(documentInterpretations)
    .innerJoin(documents, eq(documents.id, other))
    .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
    .where(eq(self, id))
    .orderBy(asc(documents.createdAt));
  return rows.map(({ siteUnitId, ownerUnitIds, ...r }) => {
    const mine = owns(actor, { siteUnitId, ownerUnitIds });
    const readable = mine || CLEARED.has(r.status);
    return {
      ...r,
      title: readable ? r.title : null,
      // This document's own owners read it (checked above); unlinking needs the interpretation's owner.
      canUnlink: side === 'interprets' || mine,
    };
  });
}
