import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns, catalogPathMappings } from '../../db/schema/index.ts';
import { DEFAULT_REVIEW_STEPS, guessCategory, UPDATE_INTERVAL_DAYS } from './standard-columns.ts';

/** Applies the office's prefix mappings: the longest matching prefix wins. */
export async function mapPath(db: Db, path: string[]): Promise<string[]> {
  const rules = await db.select().from(catalogPathMappings);
  let best: (typeof rules)[number] | null = null;
  for (const r of rules)
    if (r.fromPrefix.length <= path.length && r.fromPrefix.every((seg, i) => seg === path[i]) && (!best || r.fromPrefix.length > best.fromPrefix.length))
      best = r;
  return best ? [...best.toPrefix, ...path.slice(best.fromPrefix.length)] : path;
}

const newSlug = () => `c${randomBytes(4).toString('hex')}`;

/** Finds or creates each column along `path` on a site; returns the last one's id and how many were created. */
export async function ensureColumnPath(
  db: Db,
  siteUnitId: string,
  path: string[],
  opts: { kind?: string; cache?: Map<string, string> } = {},
): Promise<{ id: string; created: number }> {
  let parentId: string | null = null;
  let created = 0;
  for (const name of path) {
    // Building a plan's columns walks the same prefixes hundreds of times; remember what was found.
    const key: string = `${siteUnitId}|${parentId}|${name}`;
    const known: string | undefined = opts.cache?.get(key);
    if (known) {
      parentId = known;
      continue;
    }
    const [found]: { id: string }[] = await db
      .select({ id: catalogColumns.id })
      .from(catalogColumns)
      .where(and(eq(catalogColumns.siteUnitId, siteUnitId), parentId ? eq(catalogColumns.parentId, parentId) : isNull(catalogColumns.parentId), eq(catalogColumns.name, name)));
    if (found) {
      parentId = found.id;
      opts.cache?.set(key, found.id);
      continue;
    }
    const category = guessCategory(name);
    const [row]: { id: string }[] = await db
      .insert(catalogColumns)
      .values({ siteUnitId, parentId, name, slug: newSlug(), kind: opts.kind ?? 'custom', category, updateIntervalDays: UPDATE_INTERVAL_DAYS[category], reviewSteps: DEFAULT_REVIEW_STEPS, ownerUnitIds: [siteUnitId] })
      .returning({ id: catalogColumns.id });
    parentId = row.id;
    opts.cache?.set(key, row.id);
    created++;
  }
  return { id: parentId!, created };
}
