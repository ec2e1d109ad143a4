import { desc, eq } from 'drizzle-orm';
import { qaEntryVersions } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { entryPolicies, entryVariants, loadEntry } from './load-entry.ts';

/** One entry for the editor: variants, policies and every version. */
export async function getEntry(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'qa.read');
  const entry = await loadEntry(ctx, id);
  const [variants, policies, versions] = await Promise.all([
    entryVariants(ctx, id),
    entryPolicies(ctx, id),
    ctx.db
      .select({ version: qaEntryVersions.version, snapshot: qaEntryVersions.snapshot, createdAt: qaEntryVersions.createdAt })
      .from(qaEntryVersions)
      .where(eq(qaEntryVersions.entryId, id))
      .orderBy(desc(qaEntryVersions.version))
      .limit(100),
  ]);
  return { ...entry, variants, policies, versions };
}
