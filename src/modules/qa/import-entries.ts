import { eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { qaEntries, qaEntryVersions, qaVariants } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { assertCan, can, isDistrictWide } from '../../platform/policy.ts';
import { cleanBody } from '../catalog/document-content.ts';
import { cleanVariants, MAX_ANSWER, MAX_QUESTION, MAX_VARIANTS } from './entry-input.ts';
import { bumpLibraryVersion, libraryChanged } from './library-index.ts';
import { bankColumns, readBankFile, splitVariants, type BankRow } from './read-bank-file.ts';

export const importOptions = z.object({ replace: z.boolean().default(false) });

export interface ImportReport {
  imported: number;
  created: number;
  updated: number;
  retired: number;
  kind: 'xlsx' | 'tsv';
}

const BATCH = 500;

/** Plain text answers become paragraphs; HTML is sanitised like any answer. */
function answerHtml(answer: string): string {
  if (/<[a-z][^>]*>/iu.test(answer)) return answer;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return answer
    .split(/\r?\n|\\n/u)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
}

/** Every row checked before anything is written: the errors name their rows. */
export function checkBankRows(rows: string[][]): { entries: BankRow[]; errors: { row: number; message: string }[] } {
  const cols = bankColumns(rows[0] ?? []);
  const cell = (r: string[], k: keyof typeof cols) => (cols[k] === undefined ? '' : (r[cols[k]!] ?? '').trim());
  const entries: BankRow[] = [];
  const errors: { row: number; message: string }[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (!r.some((c) => c.trim())) continue;
    const row = i + 1;
    const id = cell(r, 'id');
    const question = cell(r, 'question').replace(/\s+/gu, ' ');
    const answer = cell(r, 'answer');
    const variants = splitVariants(cell(r, 'variants'));
    const problems: string[] = [];
    if (!id) problems.push('缺少 id');
    else if (id.length > 100) problems.push('id 超过 100 字');
    else if (seen.has(id)) problems.push(`id“${id}”与第 ${seen.get(id)} 行重复`);
    if (question.length < 2) problems.push('问题为空或过短');
    else if (question.length > MAX_QUESTION) problems.push(`问题超过 ${MAX_QUESTION} 字`);
    if (!answer) problems.push('答案为空');
    else if (answer.length > MAX_ANSWER) problems.push(`答案超过 ${MAX_ANSWER} 字`);
    if (variants.length > MAX_VARIANTS) problems.push(`相似问法超过 ${MAX_VARIANTS} 条`);
    if (variants.some((v) => v.length > MAX_QUESTION)) problems.push(`相似问法超过 ${MAX_QUESTION} 字`);
    if (problems.length) errors.push({ row, message: problems.join('；') });
    else {
      seen.set(id, row);
      entries.push({ row, id, question, answer, variants: cleanVariants(variants, question), topic: cell(r, 'topic') || null });
    }
  }
  return { entries, errors };
}

/**
 * Loads a bank (.xlsx or TSV; header with at least id, question, answer) into the library as published
 * entries: an id already in the library updates that entry (a new version), a new id creates one.
 * `replace` retires every other entry first. All or nothing: any bad row refuses the whole file, the
 * errors naming their row numbers.
 */
export async function importEntries(ctx: OpContext, data: Uint8Array, raw: z.input<typeof importOptions>): Promise<ImportReport> {
  assertCan(ctx.actor, 'qa.edit');
  const actor = ctx.actor;
  const { replace } = importOptions.parse(raw);
  if (replace && !can(actor, 'qa.manage')) throw forbidden('只有主管部门可以整体替换问答库');
  const { rows, kind } = await readBankFile(data);
  if (rows.length > 200_001) throw new AppError('too_large', 'qa_import_too_many', '一次最多导入 200000 条');
  const { entries, errors } = checkBankRows(rows);
  if (errors.length)
    throw new AppError('invalid', 'qa_import_rows', `有 ${errors.length} 行有误，未导入任何条目：${errors.slice(0, 5).map((e) => `第 ${e.row} 行${e.message}`).join('；')}${errors.length > 5 ? '……' : ''}`, errors.slice(0, 200));
  if (!entries.length) throw new AppError('invalid', 'qa_import_empty', '文件中没有可导入的问答');
  const cleaned = entries.map((e) => {
    const { html, text } = cleanBody(answerHtml(e.answer));
    return { ...e, html, text: text || e.answer };
  });
  const ownerUnitId = isDistrictWide(actor) ? null : actor.unitId;
  const result = await inTransaction(ctx, async (tx) => {
    const now = new Date();
    let retired = 0;
    if (replace) {
      const r = await tx.db.update(qaEntries).set({ status: 'retired', updatedAt: now, version: sqlPlusOne() }).where(ne(qaEntries.status, 'retired')).returning({ id: qaEntries.id });
      retired = r.length;
    }
    const existing = new Map<string, { id: string; version: number; ownerUnitId: string | null }>();
    const ids = cleaned.map((e) => e.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const found = await tx.db.select({ id: qaEntries.id, externalId: qaEntries.externalId, version: qaEntries.version, ownerUnitId: qaEntries.ownerUnitId }).from(qaEntries).where(inArray(qaEntries.externalId, ids.slice(i, i + BATCH)));
      for (const f of found) existing.set(f.externalId!, f);
    }
    if (!isDistrictWide(actor)) {
      const foreign = cleaned.filter((e) => existing.has(e.id) && existing.get(e.id)!.ownerUnitId !== actor.unitId);
      if (foreign.length) throw new AppError('forbidden', 'out_of_scope', `第 ${foreign[0].row} 行的 id“${foreign[0].id}”属于其他单位的条目，不能由本单位导入覆盖`);
    }
    const updates = cleaned.filter((e) => existing.has(e.id));
    const creates = cleaned.filter((e) => !existing.has(e.id));
    for (const e of updates) {
      const prev = existing.get(e.id)!;
      await tx.db
        .update(qaEntries)
        .set({ question: e.question, answerHtml: e.html, answerText: e.text, topic: e.topic, status: 'published', needsReview: false, reviewReason: null, version: prev.version + 1, updatedAt: now })
        .where(eq(qaEntries.id, prev.id));
    }
    const updatedIds = updates.map((e) => existing.get(e.id)!.id);
    for (let i = 0; i < updatedIds.length; i += BATCH) await tx.db.delete(qaVariants).where(inArray(qaVariants.entryId, updatedIds.slice(i, i + BATCH)));
    const idOf = new Map<string, { id: string; version: number }>(updates.map((e) => [e.id, { id: existing.get(e.id)!.id, version: existing.get(e.id)!.version + 1 }]));
    for (let i = 0; i < creates.length; i += BATCH) {
      const inserted = await tx.db
        .insert(qaEntries)
        .values(creates.slice(i, i + BATCH).map((e) => ({ externalId: e.id, question: e.question, answerHtml: e.html, answerText: e.text, topic: e.topic, status: 'published', ownerUnitId, createdBy: actor.id, createdAt: now, updatedAt: now })))
        .returning({ id: qaEntries.id, externalId: qaEntries.externalId });
      for (const r of inserted) idOf.set(r.externalId!, { id: r.id, version: 1 });
    }
    const variantRows = cleaned.flatMap((e) => e.variants.map((v, seq) => ({ entryId: idOf.get(e.id)!.id, text: v, seq, source: 'import' })));
    for (let i = 0; i < variantRows.length; i += BATCH * 2) await tx.db.insert(qaVariants).values(variantRows.slice(i, i + BATCH * 2));
    const versionRows = cleaned.map((e) => {
      const { id, version } = idOf.get(e.id)!;
      return { entryId: id, version, createdBy: actor.id, snapshot: { question: e.question, answerHtml: e.html, topic: e.topic, status: 'published', externalId: e.id, variants: e.variants, source: 'import' } };
    });
    for (let i = 0; i < versionRows.length; i += BATCH) await tx.db.insert(qaEntryVersions).values(versionRows.slice(i, i + BATCH)).onConflictDoNothing();
    await writeAudit(tx, { action: 'qa.import', entity: 'qa_library', after: { kind, imported: cleaned.length, created: creates.length, updated: updates.length, retired, replace } });
    await bumpLibraryVersion(tx);
    return { imported: cleaned.length, created: creates.length, updated: updates.length, retired, kind };
  });
  libraryChanged(ctx);
  return result;
}

const sqlPlusOne = () => sql`${qaEntries.version} + 1`;
