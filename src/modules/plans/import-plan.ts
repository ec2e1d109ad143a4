import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { plans } from '../../db/schema/index.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadUnitResolver } from '../../platform/units/unit-resolver.ts';
import { ImportError, parseNotice, type ParsedPlan } from './import/index.ts';
import { importResolver } from './resolver-adapter.ts';
import { savePlanDraft, type DraftChange } from './save-plan-draft.ts';

export interface ImportInput {
  data: Buffer;
  filename?: string;
  year?: number;
  dryRun?: boolean;
}

export interface ImportResult {
  parsed: ParsedPlan;
  counts: { areas: number; subtasks: number; measures: number };
  /** Absent on a dry run. */
  planId?: string;
  outcome: 'preview' | 'created' | 'updated' | 'unchanged';
  /** On a dry run: what confirming would do. */
  wouldBe?: 'create' | 'update' | 'unchanged' | 'refused';
  changes: DraftChange[];
}

/** Reads a notice without touching the database: the resolver answers from the units already loaded. */
export async function parsePlanFile(ctx: OpContext | null, input: ImportInput): Promise<ParsedPlan> {
  // Without a database (a dry run on a machine with none yet) no written name can be checked: all stay unknown.
  const resolver = ctx ? importResolver(await loadUnitResolver(ctx.db)) : { resolve: () => null };
  try {
    return await parseNotice(input.data, { resolver, year: input.year, filename: input.filename });
  } catch (err) {
    if (err instanceof ImportError) throw new AppError(err.code === 'too_large' ? 'too_large' : 'invalid', err.code, err.message);
    throw err;
  }
}

export function countPlan(parsed: ParsedPlan) {
  const subtasks = parsed.areas.flatMap((a) => a.subtasks);
  return { areas: parsed.areas.length, subtasks: subtasks.length, measures: subtasks.reduce((n, s) => n + s.measures.length, 0) };
}

/**
 * Imports a notice (docx, xlsx or text) as a draft plan. The same file twice changes nothing; a
 * corrected version updates the draft in place and reports what changed. An issued plan is not
 * replaced by an import: its later edits are versioned one by one.
 */
export async function importPlan(ctx: OpContext, input: ImportInput): Promise<ImportResult> {
  assertCan(ctx.actor, 'plans.manage');
  const parsed = await parsePlanFile(ctx, input);
  const counts = countPlan(parsed);
  const year = input.year ?? parsed.year;
  const title = parsed.title ?? `${year}年政务公开工作要点任务分工`;
  const sourceHash = createHash('sha256').update(input.data).digest('hex');
  if (input.dryRun) {
    const [same] = await ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.sourceHash, sourceHash));
    const [existing] = year ? await ctx.db.select({ status: plans.status }).from(plans).where(and(eq(plans.title, title), eq(plans.year, year), eq(plans.kind, 'notice'))) : [];
    const wouldBe = same ? 'unchanged' : !existing ? 'create' : existing.status === 'draft' ? 'update' : 'refused';
    return { parsed, counts, outcome: 'preview', wouldBe, changes: [] };
  }
  if (counts.measures === 0) throw invalid('no_measures', '没有识别出任何举措，请检查文件内容');
  if (!year) throw invalid('year_unknown', '无法从标题判断年度，请指定年度');

  return inTransaction(ctx, async (tx) => {
    const [same] = await tx.db.select({ id: plans.id }).from(plans).where(eq(plans.sourceHash, sourceHash));
    if (same) return { parsed, counts, planId: same.id, outcome: 'unchanged' as const, changes: [] };
    const [existing] = await tx.db.select().from(plans).where(and(eq(plans.title, title), eq(plans.year, year), eq(plans.kind, 'notice')));
    if (existing && existing.status !== 'draft')
      throw conflict('plan_already_issued', `《${title}》已印发，不能再以导入覆盖；请在任务分工中逐条修改（修改会留存版本）`);
    const { planId, changes } = await savePlanDraft(
      tx,
      parsed,
      { year, title, sourceName: input.filename ?? null, sourceHash, coverText: null },
      existing?.id,
    );
    await writeAudit(tx, {
      action: existing ? 'plan.reimport' : 'plan.import',
      entity: 'plan',
      entityId: planId,
      after: { title, year, source: input.filename ?? null, ...counts, warnings: parsed.warnings.length, changes: changes.length },
    });
    return { parsed, counts, planId, outcome: existing ? ('updated' as const) : ('created' as const), changes };
  });
}
