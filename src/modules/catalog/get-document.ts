import { asc, eq } from 'drizzle-orm';
import { documentReviews, documentRevisions } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadDocument } from './load-document.ts';

/** A document as its editors and reviewers see it: content, working copy, revisions and review trail. */
export async function getDocumentForEditor(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'catalog.read');
  const { doc, column } = await loadDocument(ctx, id);
  const [revisions, reviews] = await Promise.all([
    ctx.db.select({ version: documentRevisions.version, title: documentRevisions.title, createdAt: documentRevisions.createdAt }).from(documentRevisions).where(eq(documentRevisions.documentId, id)).orderBy(asc(documentRevisions.version)),
    ctx.db.select().from(documentReviews).where(eq(documentReviews.documentId, id)).orderBy(asc(documentReviews.createdAt)),
  ]);
  const { searchVector: _sv, ...rest } = doc;
  return { document: rest, column: { id: column.id, name: column.name, reviewSteps: column.reviewSteps }, revisions, reviews };
}
