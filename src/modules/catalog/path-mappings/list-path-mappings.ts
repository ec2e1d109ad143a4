import { asc } from 'drizzle-orm';
import { catalogPathMappings } from '../../../db/schema/index.ts';
import type { OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';

/** The office's path mappings (公开路径映射), ordered by the prefix they rewrite. */
export async function listPathMappings(ctx: OpContext) {
  assertCan(ctx.actor, 'catalog.read');
  return ctx.db.select().from(catalogPathMappings).orderBy(asc(catalogPathMappings.fromPrefix), asc(catalogPathMappings.id));
}
