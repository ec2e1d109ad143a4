import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { catalogColumns, documents, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan, can, isDistrictWide } from '../../platform/policy.ts';
import { loadColumn } from './load-document.ts';
import { openFindings } from './pii-gate.ts';
import { uuidArray } from './public/sql.ts';
import { CURRENT_STEP_SQL, currentStep, currentStepIndex, decidedInRoundSql, mayTakeStep, SUBMITTED_BY_SQL, UNDER_REVIEW_SQL } from './review-rule.ts';

/** The statuses a document row really takes (src/db/schema/catalog.ts). */
export const DOCUMENT_STATUSES = ['draft', 'in_review', 'returned', 'rejected', 'scheduled', 'published', 'withdrawn'] as const;

export const listDocumentsQuery = z.object({
  /** A column; its sub-columns are included. */
  columnId: z.uuid('栏目编号格式不正确').optional(),
  /** A site: the district portal's region unit or a unit's own sub-site. */
  siteUnitId: z.uuid('站点编号格式不正确').optional(),
  /** `in_review` also finds published documents whose working copy is under review. */
  status: z.enum(DOCUMENT_STATUSES, { message: '状态应为 draft、in_review、returned、rejected、scheduled、published 或 withdrawn' }).optional(),
  /** Part of the title or the document number (发文字号), any case, taken literally. */
  q: z.string().trim().max(100, '关键词不能超过 100 字').optional(),
  /** `mine`: the documents whose current review step the caller may take (待我审核). */
  awaiting: z.enum(['mine'], { message: 'awaiting 只能为 mine（待我审核）' }).optional(),
  /** `me`: the documents the caller created (我起草的), across every site in reach. */
  author: z.enum(['me'], { message: 'author 只能为 me（我起草的）' }).optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});
export type ListDocumentsQuery = z.input<typeof listDocumentsQuery>;

/**
 * 文件列表: documents of the caller's reach, newest-updated first. District-wide roles see every
 * unit's documents; everyone else those of the columns their unit owns (drafts may hold personal
 * data not yet masked, so other units' drafts — even their titles — stay out of sight, as on the
 * detail page). `awaiting=mine` keeps the documents whose current step the caller may take, by the
 * same rule `reviewDocument` enforces.
 */
/**
 * The list's question as SQL: the caller's reach and the filters, `onColumn` needing the join with
 * the column. Null when nothing can match (待我审核 with no step the caller may take).
 */
async function documentListCondition(ctx: OpContext, query: z.output<typeof listDocumentsQuery>) {
  const actor = ctx.actor!;
  const where: SQL[] = [];
  /** Conditions on the column (scope, site) need the join; the count of a plain list does not. */
  const onColumn: SQL[] = [];
  const scope = isDistrictWide(actor) ? undefined : or(eq(catalogColumns.siteUnitId, actor.unitId), sql`${actor.unitId}::uuid = any(${catalogColumns.ownerUnitIds})`)!;
  if (scope) onColumn.push(scope);
  if (query.siteUnitId) onColumn.push(eq(catalogColumns.siteUnitId, query.siteUnitId));
  if (query.columnId) {
    // A forged or stale id is an error (column_not_found), not an empty list.
    const column = await loadColumn(ctx, query.columnId);
    where.push(sql`${documents.columnId} in (
      with recursive sub(id) as (select ${column.id}::uuid union all select c.id from ${catalogColumns} c join sub on c.parent_id = sub.id)
      select id from sub)`);
  }
  if (query.status === 'in_review') where.push(UNDER_REVIEW_SQL);
  else if (query.status) where.push(eq(documents.status, query.status));
  if (query.author === 'me') where.push(eq(documents.createdBy, actor.id));
  if (query.q) {
    // A literal, case-insensitive substring: no LIKE pattern, so % and _ in the words are just characters
    // (and PGlite's ILIKE over Chinese text is several times slower than this).
    const q = query.q.toLowerCase();
    where.push(sql`(strpos(lower(${documents.title}), ${q}) > 0 or strpos(lower(coalesce(${documents.docNumber}, '')), ${q}) > 0)`);
  }

  if (query.awaiting === 'mine') {
    // The rule depends on the person, the column and the step, never on the document: judge each
    // step of each column in reach once, then ask for the documents waiting at an allowed step.
    const columns = await ctx.db
      .select({ id: catalogColumns.id, siteUnitId: catalogColumns.siteUnitId, ownerUnitIds: catalogColumns.ownerUnitIds, reviewSteps: catalogColumns.reviewSteps })
      .from(catalogColumns)
      .where(and(...onColumn));
    const allowed = new Map<number, string[]>();
    for (const c of columns)
      c.reviewSteps.forEach((step, i) => {
        if (mayTakeStep(actor, c, step)) allowed.set(i, [...(allowed.get(i) ?? []), c.id]);
      });
    if (!allowed.size) return null;
    where.push(UNDER_REVIEW_SQL, or(...[...allowed].map(([i, ids]) => sql`(${CURRENT_STEP_SQL} = ${sql.raw(String(i))} and ${documents.columnId} = any(${uuidArray(ids)}))`))!);
    // Not a round one sent up oneself, nor one where one already decided a step (review-rule.ts).
    where.push(sql`${SUBMITTED_BY_SQL} is distinct from ${actor.id}`, sql`not ${decidedInRoundSql(actor.id)}`);
  }
  return { cond: and(...onColumn, ...where), joinColumn: onColumn.length > 0 };
}

/** How many documents the list would show for `raw` (the workbench's counts open these lists). */
export async function countDocuments(ctx: OpContext, raw: ListDocumentsQuery): Promise<number> {
  assertCan(ctx.actor, 'catalog.read');
  const question = await documentListCondition(ctx, listDocumentsQuery.parse(raw));
  if (!question) return 0;
  const counted = ctx.db.select({ total: count() }).from(documents);
  const [{ total }] = await (question.joinColumn ? counted.innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId)) : counted).where(question.cond);
  return total;
}

/**
 * The documents waiting for the caller's review step (待我审核), with what sets their due date, at
 * most `limit` (those due first), by the same rule as the list.
 */
export async function reviewQueue(ctx: OpContext, limit: number) {
  assertCan(ctx.actor, 'catalog.read');
  const question = await documentListCondition(ctx, listDocumentsQuery.parse({ awaiting: 'mine' }));
  if (!question) return [];
  return ctx.db
    .select({ id: documents.id, title: documents.title, writtenOn: documents.writtenOn, publishAt: documents.publishAt, updatedAt: documents.updatedAt })
    .from(documents)
    .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
    .where(question.cond)
    // Those due first: a scheduled publication's day, else the 成文日期 the legal period runs from.
    .orderBy(sql`coalesce((${documents.publishAt} at time zone 'Asia/Shanghai')::date, ${documents.writtenOn}) asc nulls last`, desc(documents.updatedAt))
    .limit(limit);
}

export async function listDocuments(ctx: OpContext, raw: ListDocumentsQuery) {
  assertCan(ctx.actor, 'catalog.read');
  const actor = ctx.actor;
  const query = listDocumentsQuery.parse(raw);
  const empty = { total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const question = await documentListCondition(ctx, query);
  if (!question) return empty;
  const { cond } = question;
  const counted = ctx.db.select({ total: count() }).from(documents);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: documents.id,
        title: documents.title,
        columnId: documents.columnId,
        columnName: catalogColumns.name,
        reviewSteps: catalogColumns.reviewSteps,
        siteUnitId: catalogColumns.siteUnitId,
        unitName: sql<string>`coalesce(${units.shortName}, ${units.name})`,
        status: documents.status,
        reviewStep: documents.reviewStep,
        copyState: sql<'draft' | 'in_review' | 'scheduled' | null>`case when ${documents.workingCopy} is null then null
          when ${documents.reviewStep} > 0 then 'in_review' when ${documents.workingCopy} ->> 'approvedAt' is not null then 'scheduled' else 'draft' end`,
        docNumber: documents.docNumber,
        indexNo: documents.indexNo,
        updatedAt: documents.updatedAt,
        publishedAt: documents.publishedAt,
      })
      .from(documents)
      .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
      .innerJoin(units, eq(units.id, catalogColumns.siteUnitId))
      .where(cond)
      .orderBy(desc(documents.updatedAt), desc(documents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    (question.joinColumn ? counted.innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId)) : counted).where(cond),
  ]);

  // In the review queue, documents at their last step show how much personal information is still
  // open: publication waits for it. (Scanning is a few ms per page of text, so only there.)
  const findings = new Map<string, number>();
  const atGate = rows.filter((r) => currentStepIndex({ status: r.status, reviewStep: r.reviewStep, workingCopy: r.copyState !== null }) === r.reviewSteps.length - 1);
  if (query.awaiting === 'mine' && atGate.length && can(actor, 'documents.findings')) {
    const full = await ctx.db.select().from(documents).where(inArray(documents.id, atGate.map((r) => r.id)));
    for (const doc of full) findings.set(doc.id, (await openFindings(ctx, doc)).length);
  }

  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ reviewSteps, reviewStep, copyState, ...r }) => ({
      ...r,
      currentStep: currentStep({ status: r.status, reviewStep, workingCopy: copyState !== null }, { reviewSteps })?.name ?? null,
      hasWorkingCopy: copyState !== null,
      /** draft: saved, not yet sent; in_review; scheduled: approved, replaces the published version at its publishAt. */
      workingCopyState: copyState,
      ...(findings.has(r.id) && { openFindings: findings.get(r.id) }),
    })),
  };
}

export type DocumentListItem = Awaited<ReturnType<typeof listDocuments>>['items'][number];