import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaEntries, qaEntryPolicies, qaEntryVersions } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { bumpLibraryVersion, libraryChanged } from './library-index.ts';
import { assertMayWriteEntry, entrySnapshot, entryVariants, loadEntry, type EntryRow } from './load-entry.ts';

export const statusInput = z.object({
  /** publish 发布 (also: reviewed after a policy change) | retire 停用 | draft 恢复为草稿 */
  action: z.enum(['publish', 'retire', 'draft'], { message: '操作应为 publish、retire 或 draft' }),
});

const TARGET = { publish: 'published', retire: 'retired', draft: 'draft' } as const;
const ALLOWED: Record<string, string[]> = { publish: ['draft', 'published'], retire: ['draft', 'published'], draft: ['retired', 'published'] };

/**
 * Publishes, retires or returns an entry to draft. Publishing an entry that was flagged because its
 * policy changed is the 专员's confirmation that the answer was reviewed: the flag is cleared.
 */
export async function setEntryStatus(ctx: OpContext, id: string, raw: z.input<typeof statusInput>): Promise<EntryRow> {
  assertCan(ctx.actor, 'qa.edit');
  const actor = ctx.actor;
  const { action } = statusInput.parse(raw);
  const result = await inTransaction(ctx, async (tx) => {
    const before = await loadEntry(tx, id, { forUpdate: true });
    assertMayWriteEntry(actor, before);
    if (!ALLOWED[action].includes(before.status) || (action === 'publish' && before.status === 'published' && !before.needsReview))
      throw conflict('qa_status_not_allowed', `条目当前为“${STATUS_NAMES[before.status]}”，不能${ACTION_NAMES[action]}`);
    const [entry] = await tx.db
      .update(qaEntries)
      .set({ status: TARGET[action], version: before.version + 1, updatedAt: new Date(), ...(action === 'publish' && { needsReview: false, reviewReason: null }) })
      .where(eq(qaEntries.id, id))
      .returning();
    const policyIds = (await tx.db.select({ id: qaEntryPolicies.documentId }).from(qaEntryPolicies).where(eq(qaEntryPolicies.entryId, id))).map((p) => p.id);
    await tx.db.insert(qaEntryVersions).values({ entryId: id, version: entry.version, snapshot: entrySnapshot(entry, await entryVariants(tx, id), policyIds), createdBy: actor.id });
    await writeAudit(tx, { action: `qa.entry_${action}`, entity: 'qa_entry', entityId: id, before: { status: before.status, needsReview: before.needsReview }, after: { status: entry.status } });
    await bumpLibraryVersion(tx);
    return entry;
  });
  libraryChanged(ctx);
  return result;
}

export const STATUS_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', retired: '已停用' };
const ACTION_NAMES: Record<string, string> = { publish: '发布', retire: '停用', draft: '恢复为草稿' };
