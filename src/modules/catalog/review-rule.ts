import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns, documentReviews, documents, type ReviewStep } from '../../db/schema/index.ts';
import { AppError, forbidden, outOfScope } from '../../platform/errors.ts';
import type { Actor } from '../../platform/context.ts';
import { can, isDistrictWide } from '../../platform/policy.ts';

/** What decides whether a document is under review, and at which step. */
export interface ReviewState {
  status: string;
  reviewStep: number;
  workingCopy: unknown;
}

/** What a column contributes to the rule: its owning units and its review chain. */
export interface ReviewColumn {
  siteUnitId: string;
  ownerUnitIds: string[];
  reviewSteps: ReviewStep[];
  /** One person decides at most one step of a round (default on; see the schema). */
  reviewDistinctPeople?: boolean;
}

/** The column's part in the rule about who may take a step. */
type RuleColumn = Pick<ReviewColumn, 'siteUnitId' | 'ownerUnitIds' | 'reviewDistinctPeople'>;

/**
 * The index into the column's review chain of the step now waiting for a decision, or null when the
 * document is not under review. A draft in review is `in_review` at `reviewStep`; a published
 * document's working copy keeps the published status and marks its review by `reviewStep` ≥ 1
 * (step index + 1).
 */
export function currentStepIndex(doc: ReviewState): number | null {
  if (doc.workingCopy && doc.reviewStep > 0) return doc.reviewStep - 1;
  if (doc.status === 'in_review') return doc.reviewStep;
  return null;
}

/**
 * `currentStepIndex` and “under review” as SQL over `documents`, for lists. Written with literals
 * (no parameters) so that the planner can match the partial index `documents_review_queue_idx`.
 */
export const UNDER_REVIEW_SQL = sql`(${documents.status} = 'in_review' or (${documents.workingCopy} is not null and ${documents.reviewStep} > 0))`;
export const CURRENT_STEP_SQL = sql`(case when ${documents.workingCopy} is not null and ${documents.reviewStep} > 0 then ${documents.reviewStep} - 1 when ${documents.status} = 'in_review' then ${documents.reviewStep} end)`;

/** The step now waiting (null when not under review, or when the chain no longer has that step). */
export function currentStep(doc: ReviewState, column: Pick<ReviewColumn, 'reviewSteps'>): ReviewStep | null {
  const i = currentStepIndex(doc);
  return i === null ? null : (column.reviewSteps[i] ?? null);
}

/** The units whose people work on a column's documents: its site's unit and any listed owners. */
export const owningUnits = (column: Pick<ReviewColumn, 'siteUnitId' | 'ownerUnitIds'>): string[] => [...new Set([column.siteUnitId, ...column.ownerUnitIds])];

export type StepVerdict = 'ok' | 'no_permission' | 'own_submission' | 'already_decided' | 'out_of_scope' | 'wrong_role';

/**
 * Who sent the document's current version into review (its `送审` record), as SQL over `documents`:
 * whoever answers for the content of this round.
 */
// Written out with the table's name: drizzle leaves a lone table's columns unqualified, and inside
// this sub-select a bare "id" would be the review's own.
export const SUBMITTED_BY_SQL = sql<string | null>`(select r.created_by from ${documentReviews} r where r.document_id = "documents"."id" and r.version = "documents"."version" and r.decision = 'submit' order by r.created_at desc limit 1)`;

/**
 * Whether `userId` already approved a step of the document's current round (the decisions since its
 * last 送审), as SQL over `documents`; with the column's `review_distinct_people` off, never.
 */
export const decidedInRoundSql = (userId: string) => sql<boolean>`(exists (select 1 from ${documentReviews} r
  where r.document_id = "documents"."id" and r.decision = 'approve' and r.created_by = ${userId}
    and r.created_at >= (select max(s.created_at) from ${documentReviews} s where s.document_id = "documents"."id" and s.decision = 'submit'))
  and (select c.review_distinct_people from ${catalogColumns} c where c.id = "documents"."column_id"))`;

/** The reviews of a document in the order made, as far as the round rule needs them. */
type ReviewRecord = { decision: string; createdBy: string | null };

/** Who approved a step of the current round (since the last 送审), in order, from the document's reviews in the order made. */
export function roundDeciders(reviews: ReviewRecord[]): string[] {
  let start = -1;
  reviews.forEach((r, i) => {
    if (r.decision === 'submit') start = i;
  });
  if (start < 0) return [];
  return reviews.slice(start + 1).flatMap((r) => (r.decision === 'approve' && r.createdBy ? [r.createdBy] : []));
}

/** The people who approved a step of the document's current round (`roundDeciders` read from the database). */
export async function loadRoundDeciders(db: Db, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ decision: documentReviews.decision, createdBy: documentReviews.createdBy })
    .from(documentReviews)
    .where(eq(documentReviews.documentId, documentId))
    .orderBy(asc(documentReviews.createdAt), asc(documentReviews.step));
  return roundDeciders(rows);
}

/** Who sent the document's current version into review (null if nobody has yet): SUBMITTED_BY_SQL for one document. */
export async function roundSubmitter(db: Db, documentId: string): Promise<string | null> {
  const [row] = await db.select({ by: SUBMITTED_BY_SQL }).from(documents).where(eq(documents.id, documentId));
  return row?.by ?? null;
}

/**
 * Who may decide a review step: someone holding `documents.review`, of a unit that owns the column,
 * holding the step's role — or the district office (sys_admin, office_admin), which may take any
 * step anywhere. Nobody decides a step of a round they submitted themselves (三审: the content is
 * checked by someone other than who answers for it), and nobody decides two steps of one round
 * (三审 means three people), unless the column turns `reviewDistinctPeople` off. The one rule behind
 * `reviewDocument`, the “待我审核” queue, the next-reviewer notices and the editor's review panel.
 */
export function stepVerdict(actor: Actor, column: RuleColumn, step: ReviewStep, submittedBy: string | null = null, decidedBy: readonly string[] = []): StepVerdict {
  if (!can(actor, 'documents.review')) return 'no_permission';
  if (submittedBy === actor.id) return 'own_submission';
  if (column.reviewDistinctPeople !== false && decidedBy.includes(actor.id)) return 'already_decided';
  if (isDistrictWide(actor)) return 'ok';
  if (!owningUnits(column).includes(actor.unitId)) return 'out_of_scope';
  if (!actor.roles.includes(step.role as never)) return 'wrong_role';
  return 'ok';
}

export const mayTakeStep = (actor: Actor, column: RuleColumn, step: ReviewStep | null, submittedBy: string | null = null, decidedBy: readonly string[] = []): boolean =>
  !!step && stepVerdict(actor, column, step, submittedBy, decidedBy) === 'ok';

const ROLE_NAMES: Record<ReviewStep['role'], string> = { reviewer: '审核员', approver: '签发人', liaison: '单位联络员', office_admin: '主管部门管理员' };

/** Throws the error `reviewDocument` has always given for each way the rule can fail. */
export function assertMayTakeStep(actor: Actor, column: RuleColumn, step: ReviewStep, submittedBy: string | null, decidedBy: readonly string[] = []): void {
  const verdict = stepVerdict(actor, column, step, submittedBy, decidedBy);
  if (verdict === 'no_permission') throw forbidden();
  if (verdict === 'own_submission') throw new AppError('forbidden', 'own_submission', '不能审核本人送审的文件，请由其他审核人员办理');
  if (verdict === 'already_decided') throw new AppError('forbidden', 'already_decided_step', '您已办理本轮审核中的一个步骤；三审须由不同的人办理，请由其他审核人员办理');
  if (verdict === 'out_of_scope') throw outOfScope('只能处理本单位栏目中的文件');
  if (verdict === 'wrong_role') throw forbidden(`“${step.name}”须由${ROLE_NAMES[step.role] ?? step.role}办理`);
}
