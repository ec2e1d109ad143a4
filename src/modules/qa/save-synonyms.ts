import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { qaSynonyms } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { bumpLibraryVersion, libraryChanged } from './library-index.ts';

const term = z.string().trim().min(1).max(30, '同义词不超过 30 字');
export const synonymsInput = z.object({
  /** Each group: the canonical term first, then the words that mean the same (缓交, 延期缴纳). */
  groups: z.array(z.array(term).min(2, '每组至少两个词').max(30, '每组不超过 30 个词')).max(2000, '同义词组不超过 2000 组'),
});

export async function listSynonyms(ctx: OpContext): Promise<string[][]> {
  assertCan(ctx.actor, 'qa.read');
  const rows = await ctx.db.select({ terms: qaSynonyms.terms }).from(qaSynonyms).orderBy(asc(qaSynonyms.updatedAt), asc(qaSynonyms.id));
  return rows.map((r) => r.terms);
}

/** Replaces the synonym table (the office edits it as a whole); the matcher takes it on its next match. */
export async function saveSynonyms(ctx: OpContext, raw: z.input<typeof synonymsInput>): Promise<string[][]> {
  assertCan(ctx.actor, 'qa.manage');
  const groups = synonymsInput.parse(raw).groups.map((g) => [...new Set(g)]).filter((g) => g.length >= 2);
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db.select({ terms: qaSynonyms.terms }).from(qaSynonyms);
    await tx.db.delete(qaSynonyms);
    const now = new Date();
    if (groups.length) await tx.db.insert(qaSynonyms).values(groups.map((terms, i) => ({ terms, updatedAt: new Date(now.getTime() + i) })));
    await writeAudit(tx, { action: 'qa.synonyms_save', entity: 'qa_library', before: { groups: before.length }, after: { groups: groups.length } });
    await bumpLibraryVersion(tx);
  });
  libraryChanged(ctx);
  return groups;
}
