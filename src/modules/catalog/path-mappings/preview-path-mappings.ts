import { asc, eq } from 'drizzle-orm';
import { catalogColumns, catalogPathMappings, planMeasures, units } from '../../../db/schema/index.ts';
import type { OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';
import { loadPlan } from '../../plans/load-plan.ts';
import { applyPathMappings, columnPathNames } from '../column-paths.ts';

export interface PathPreviewRow {
  /** The path as the notice writes it (without the leading 政府网站). */
  raw: string[];
  /** Where it lands after the mappings: a path of the district portal, or of each unit's page (部门网页 > …). */
  mapped: string[];
  mapping: { id: string; fromPrefix: string[]; toPrefix: string[] } | null;
  site: 'region' | 'unit';
  /** The district column at the mapped path, if it exists yet (unit pages differ per unit: null). */
  column: { id: string; slug: string; url: string } | null;
  /** Sequence numbers of the measures that write this path. */
  measures: number[];
  /** Written as a column-creation instruction (设置“…”栏目) rather than a 公开路径. */
  instruction: boolean;
}

/**
 * What the mappings do to one plan: every distinct disclosure path (and column-creation
 * instruction) of the plan with the column path it maps to, through the same mapping function that
 * builds the columns.
 */
export async function previewPathMappings(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'catalog.read');
  const plan = await loadPlan(ctx, planId);
  const [measures, rules, [region]] = await Promise.all([
    ctx.db
      .select({ seq: planMeasures.seq, disclosurePaths: planMeasures.disclosurePaths, columnInstructions: planMeasures.columnInstructions })
      .from(planMeasures)
      .where(eq(planMeasures.planId, planId))
      .orderBy(asc(planMeasures.seq)),
    ctx.db.select().from(catalogPathMappings),
    ctx.db.select({ id: units.id }).from(units).where(eq(units.kind, 'region')).limit(1),
  ]);
  const cols = region
    ? await ctx.db.select({ id: catalogColumns.id, parentId: catalogColumns.parentId, name: catalogColumns.name, slug: catalogColumns.slug }).from(catalogColumns).where(eq(catalogColumns.siteUnitId, region.id))
    : [];
  const names = columnPathNames(cols);
  const byPath = new Map(cols.map((c) => [names.get(c.id)!.join('>'), c]));

  const rows = new Map<string, PathPreviewRow>();
  for (const m of measures) {
    const instructed = (m.columnInstructions as { parentPath: string[]; names: string[] }[]).flatMap((c) => c.names.map((n) => [...c.parentPath, n]));
    const written = [...m.disclosurePaths.map((p) => ({ p, instruction: false })), ...instructed.map((p) => ({ p, instruction: true }))];
    for (const { p, instruction } of written) {
      const key = p.join('>');
      const seen = rows.get(key);
      if (seen) {
        if (!seen.measures.includes(m.seq)) seen.measures.push(m.seq);
        seen.instruction &&= instruction;
        continue;
      }
      const { path, rule } = applyPathMappings(rules, p);
      const site = path[0] === '部门网页' ? 'unit' : 'region';
      const col = site === 'region' ? byPath.get(path.join('>')) : undefined;
      rows.set(key, {
        raw: p,
        mapped: path,
        mapping: rule && { id: rule.id, fromPrefix: rule.fromPrefix, toPrefix: rule.toPrefix },
        site,
        column: col ? { id: col.id, slug: col.slug, url: `/xxgk/${col.slug}` } : null,
        measures: [m.seq],
        instruction,
      });
    }
  }
  const items = [...rows.values()];
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year, status: plan.status },
    items,
    counts: {
      paths: items.length,
      mapped: items.filter((r) => r.mapping).length,
      missing: items.filter((r) => r.site === 'region' && !r.column).length,
    },
  };
}
