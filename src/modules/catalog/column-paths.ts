import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns } from '../../db/schema/index.ts';
import { DEFAULT_REVIEW_STEPS, guessCategory, UPDATE_INTERVAL_DAYS } from './standard-columns.ts';

/** The office's prefix mappings applied to a path, over rules already read (the longest matching prefix wins); says which rule applied. */
export function applyPathMappings<R extends { fromPrefix: string[]; toPrefix: string[] }>(rules: readonly R[], path: string[]): { path: string[]; rule: R | null } {
  let best: R | null = null;
  for (const r of rules)
    if (r.fromPrefix.length <= path.length && r.fromPrefix.every((seg, i) => seg === path[i]) && (!best || r.fromPrefix.length > best.fromPrefix.length))
      best = r;
  return { path: best ? [...best.toPrefix, ...path.slice(best.fromPrefix.length)] : path, rule: best };
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

/** Each column's names from its site's root down (`政务公开 > 政府信息公开目录 > 通知公告`), from a site's flat column list. */
export function columnPathNames(cols: readonly { id: string; parentId: string | null; name: string }[]): Map<string, string[]> {
  const byId = new Map(cols.map((c) => [c.id, c]));
  const out = new Map<string, string[]>();
  const walk = (id: string, depth = 0): string[] => {
    const known = out.get(id);
    if (known) return known;
    const c = byId.get(id);
    if (!c) return [];
    // A parent outside the list (or a cycle written by hand) ends the walk instead of looping.
    const names = [...(c.parentId && depth < 50 ? walk(c.parentId, depth + 1) : []), c.name];
    out.set(id, names);
    return names;
  };
  for (const c of cols) walk(c.id);
  return out;
}
