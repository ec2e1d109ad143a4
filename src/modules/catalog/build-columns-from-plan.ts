import { and, eq } from 'drizzle-orm';
import { catalogColumnMeasures, catalogPathMappings, planAssignments, planMeasures, units } from '../../db/schema/index.ts';
import { invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { applyPathMappings, ensureColumnPath } from './column-paths.ts';

/**
 * Turns every disclosure path and column-creation instruction of a plan into catalog columns: the district portal's tree for
 * ordinary paths, each responsible unit's own sub-site for `部门网页>…` paths. Each column keeps a
 * link to the measures that point at it. Running it again creates only what is missing.
 */
export async function buildColumnsFromPlan(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'catalog.manage');
  return inTransaction(ctx, async (tx) => {
    const [region] = await tx.db.select({ id: units.id }).from(units).where(eq(units.kind, 'region')).limit(1);
    if (!region) throw invalid('no_region', '尚未建立区（行政区域）单位');
    const measures = await tx.db.select().from(planMeasures).where(eq(planMeasures.planId, planId));
    // The office's mappings, read once for every path of the plan.
    const rules = await tx.db.select().from(catalogPathMappings);
    let created = 0;
    let links = 0;
    const cache = new Map<string, string>();
    const unitsOf = new Map<string, string[]>();
    for (const m of measures) {
      // Column-creation instructions (设置“法治政府建设年度报告”栏目, 至少设置“视频、图片、文字”3个子栏目) are paths too.
      const instructed = (m.columnInstructions as { parentPath: string[]; names: string[] }[]).flatMap((c) => c.names.map((n) => [...c.parentPath, n]));
      for (const raw of [...m.disclosurePaths, ...instructed]) {
        const { path } = applyPathMappings(rules, raw);
        const unitSite = path[0] === '部门网页';
        if (unitSite && !unitsOf.has(m.id)) unitsOf.set(m.id, await responsibleUnits(tx, m.id, m.responsible.flatMap((r) => r.unitIds)));
        const sites = unitSite ? unitsOf.get(m.id)! : [region.id];
        for (const site of sites) {
          const col = await ensureColumnPath(tx.db, site, unitSite ? path.slice(1) : path, { kind: 'plan', cache });
          created += col.created;
          const r = await tx.db.insert(catalogColumnMeasures).values({ columnId: col.id, measureId: m.id }).onConflictDoNothing().returning();
          links += r.length;
        }
      }
    }
    await writeAudit(tx, { action: 'catalog.columns_from_plan', entity: 'plan', entityId: planId, after: { created, links } });
    return { created, links };
  });
}

/** The units a measure was assigned to once issued, else the units its responsible cell names. */
async function responsibleUnits(tx: OpContext, measureId: string, named: string[]): Promise<string[]> {
  const assigned = await tx.db.select({ unitId: planAssignments.unitId }).from(planAssignments).where(and(eq(planAssignments.measureId, measureId)));
  return [...new Set(assigned.length ? assigned.map((a) => a.unitId) : named)];
}
