import { and, asc, eq, inArray } from 'drizzle-orm';
import { planMeasures, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadUnitResolver } from '../../platform/units/unit-resolver.ts';
import { loadPlan } from './load-plan.ts';

/**
 * What issuing needs from the office: names still unknown (to map by adding a unit or an alias),
 * and for each measure naming a per-use group (区政府有关部门) a suggested set of units to confirm or
 * trim — every department, so that no unit is missed by default.
 */
export async function previewIssue(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'plans.manage');
  const plan = await loadPlan(ctx, planId);
  const resolver = await loadUnitResolver(ctx.db);
  const measures = await ctx.db.select().from(planMeasures).where(eq(planMeasures.planId, planId)).orderBy(asc(planMeasures.seq));
  const departments = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.active, true), inArray(units.kind, ['department'])))
    .orderBy(asc(units.sort));
  const unknown: { measureId: string; seq: number; written: string }[] = [];
  const selections: { measureId: string; seq: number; text: string; groups: string[]; suggested: string[] }[] = [];
  for (const m of measures) {
    for (const w of [...m.leadWritten, ...m.responsible.map((r) => r.written)])
      if (resolver.resolveOne(w).kind === 'unknown') unknown.push({ measureId: m.id, seq: m.seq, written: w });
    const perUse = m.responsible
      .map((r) => resolver.resolveOne(r.written))
      .filter((r) => r.kind === 'group' && r.group.membership === 'per_use')
      .map((r) => (r.kind === 'group' ? r.group.name : ''));
    if (perUse.length) selections.push({ measureId: m.id, seq: m.seq, text: m.text.slice(0, 60), groups: perUse, suggested: departments.map((d) => d.id) });
  }
  return { planId: plan.id, status: plan.status, unknown, selections };
}
