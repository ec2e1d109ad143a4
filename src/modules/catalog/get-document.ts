import { asc, eq } from 'drizzle-orm';
import { documentAttachments, documentReviews, documentRevisions, files, users } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertColumnOwner, loadDocument } from './load-document.ts';

/** A document as its editors and reviewers see it: content, working copy, revisions and review trail. */
export async function getDocumentForEditor(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'catalog.read');
  const { doc, column } = await loadDocument(ctx, id);
  // Drafts, working copies and the review trail may hold personal data not yet masked: owners only.
  assertColumnOwner(ctx.actor, column);
  const [revisions, reviews, attachments] = await Promise.all([
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
  ]);
  const { searchVector: _sv, ...rest } = doc;
  return {
    document: rest,
    column: { id: column.id, name: column.name, reviewSteps: column.reviewSteps },
    revisions,
    reviews: reviews.map((r) => ({ ...r.review, createdByName: r.createdByName })),
    attachments,
  };
}
