import { and, arrayOverlaps, desc, eq, inArray } from 'drizzle-orm';
import { documentReviews, users } from '../../db/schema/index.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { notifyUsers } from '../../platform/notifications/notify.ts';
import type { Role } from '../../platform/policy.ts';
import { mayTakeStep, owningUnits, type ReviewColumn } from './review-rule.ts';

/** Where a notification about a document leads: its page in the admin app (links carry the /admin base). */
export const documentLink = (id: string) => `/admin/catalog/documents/${id}`;

/**
 * Tells the people who may take the step now waiting: active users of the column's owning units
 * holding the step's role, as the review rule judges them (so nobody is told of a step they cannot
 * take). The district office is not told of every unit's steps. Runs in the caller's transaction.
 */
export async function notifyNextReviewers(
  tx: OpContext,
  doc: { id: string; title: string },
  column: ReviewColumn & { name: string },
  stepIndex: number,
  by: Actor,
  /** Who sent this round into review: never told to review it (see review-rule.ts). */
  submittedBy: string | null,
  /** Who already approved a step of this round: not told either, unless the column allows it. */
  decidedBy: readonly string[] = [],
): Promise<number> {
  const step = column.reviewSteps[stepIndex];
  if (!step) return 0;
  const candidates = await tx.db
    .select({ id: users.id, username: users.username, name: users.displayName, unitId: users.unitId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.unitId, owningUnits(column)), eq(users.disabled, false), arrayOverlaps(users.roles, [step.role])));
  const recipients = candidates.filter((u) => mayTakeStep({ ...u, roles: u.roles as Role[] }, column, step, submittedBy, decidedBy)).map((u) => u.id);
  return notifyUsers(tx.db, recipients, {
    kind: 'document.review',
    title: `待您审核（${step.name}）：${doc.title}`,
    body: `栏目：${column.name}；${stepIndex === 0 ? '送审' : '上一步审核通过'}：${by.name}`,
    link: documentLink(doc.id),
  });
}

/**
 * Tells the author that a step returned or rejected the document: whoever created it and whoever
 * sent this round into review (the editor of a working copy may not be its creator), not the
 * reviewer themselves.
 */
export async function notifyAuthor(
  tx: OpContext,
  doc: { id: string; title: string; createdBy: string | null },
  decision: 'return' | 'reject',
  stepName: string,
  comment: string | null,
  by: Actor,
): Promise<number> {
  const [submit] = await tx.db
    .select({ by: documentReviews.createdBy })
    .from(documentReviews)
    .where(and(eq(documentReviews.documentId, doc.id), eq(documentReviews.decision, 'submit')))
    .orderBy(desc(documentReviews.createdAt))
    .limit(1);
  const authors = [doc.createdBy, submit?.by].filter((id): id is string => !!id && id !== by.id);
  return notifyUsers(tx.db, authors, {
    kind: decision === 'return' ? 'document.returned' : 'document.rejected',
    title: `${decision === 'return' ? '已退回修改' : '已驳回'}（${stepName}）：${doc.title}`,
    body: comment ? `审核意见：${comment}` : undefined,
    link: documentLink(doc.id),
  });
}
