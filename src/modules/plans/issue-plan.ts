import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments, planMeasureLeads, planMeasures, plans, units, type ResponsibleEntry } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadUnitResolver, type UnitResolver } from '../../platform/units/unit-resolver.ts';
import { loadPlan } from './load-plan.ts';

export const issuePlanInput = z.object({
  /** For measures naming a per-use group (区政府有关部门): the units the office chose, by measure id. */
  selections: z.record(z.uuid(), z.array(z.uuid()).max(500)).default({}),
});
export type IssuePlanInput = z.input<typeof issuePlanInput>;

/** Resolves the written names again, so names the office mapped after import (a new alias) now count. */
function resolveEntries(resolver: UnitResolver, entries: ResponsibleEntry[]): ResponsibleEntry[] {
  return entries.map((e) => {
    const r = resolver.resolveOne(e.written);
    if (r.kind === 'unit') return { ...e, kind: 'unit', unitIds: [r.unit.unitId], perUse: undefined, groupName: undefined };
    if (r.kind === 'group')
      return { ...e, kind: 'group', groupName: r.group.name, perUse: r.group.membership === 'per_use' || undefined, unitIds: r.units.map((u) => u.unitId) };
    return { ...e, kind: 'unknown', unitIds: [] };
  });
}

/**
 * Issues a draft: one assignment per measure and responsible unit (groups expanded, per-use groups
 * as the office chose), every unit notified, the text fixed (later edits are versioned).
 */
export async function issuePlan(ctx: OpContext, planId: string, raw: IssuePlanInput) {
  assertCan(ctx.actor, 'plans.manage');
  const input = issuePlanInput.parse(raw);
  const resolver = await loadUnitResolver(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const plan = await loadPlan(tx, planId, { forUpdate: true });
    if (plan.status !== 'draft') throw conflict('plan_not_draft', '只有草稿状态的任务分工可以印发');
    const measures = await tx.db.select().from(planMeasures).where(eq(planMeasures.planId, planId));
    const unknown: { seq: number; written: string }[] = [];
    const needSelection: number[] = [];
    const rows: { planId: string; measureId: string; unitId: string; dueDate: string }[] = [];
    for (const m of measures) {
      const responsible = resolveEntries(resolver, m.responsible);
      const leadIds: string[] = [];
      for (const w of m.leadWritten) {
        const r = resolver.resolveOne(w);
        if (r.kind === 'unit') leadIds.push(r.unit.unitId);
        else if (r.kind === 'group') leadIds.push(...r.units.map((u) => u.unitId));
        else unknown.push({ seq: m.seq, written: w });
      }
      const unitIds = new Set<string>();
      for (const e of responsible) {
        if (e.kind === 'unknown') unknown.push({ seq: m.seq, written: e.written });
        e.unitIds.forEach((id) => unitIds.add(id));
      }
      const chosen = input.selections[m.id] ?? [];
      if (responsible.some((e) => e.perUse) && chosen.length === 0) needSelection.push(m.seq);
      chosen.forEach((id) => unitIds.add(id));
      for (const unitId of unitIds) rows.push({ planId, measureId: m.id, unitId, dueDate: m.dueDate });
      // A per-use group stands, for this measure, for the units the office chose: kept with the measure.
      const stored = responsible.map((e) => (e.perUse ? { ...e, unitIds: [...new Set(chosen)] } : e));
      await tx.db.update(planMeasures).set({ responsible: stored }).where(eq(planMeasures.id, m.id));
      await tx.db.delete(planMeasureLeads).where(eq(planMeasureLeads.measureId, m.id));
      const leads = [...new Set(leadIds)];
      if (leads.length) await tx.db.insert(planMeasureLeads).values(leads.map((unitId) => ({ measureId: m.id, unitId })));
    }
    if (unknown.length)
      throw invalid('unresolved_units', `有 ${unknown.length} 处单位名称未能识别（如第 ${unknown[0].seq} 项“${unknown[0].written}”），请新建单位或添加别名后再印发`, unknown);
    if (needSelection.length)
      throw invalid('selection_required', `第 ${needSelection.join('、')} 项的责任单位含“区政府有关部门”等需逐项确定的单位组，请选定具体单位后再印发`, needSelection);
    const chosenIds = [...new Set(Object.values(input.selections).flat())];
    if (chosenIds.length) {
      const found = await tx.db.select({ id: units.id }).from(units).where(inArray(units.id, chosenIds));
      if (found.length !== chosenIds.length) throw invalid('unknown_unit', '选定的单位中有不存在的单位');
    }
    for (let i = 0; i < rows.length; i += 1000) await tx.db.insert(planAssignments).values(rows.slice(i, i + 1000));
    const [issued] = await tx.db
      .update(plans)
      .set({ status: 'issued', issuedAt: new Date(), issuedBy: ctx.actor!.id, updatedAt: new Date() })
      .where(and(eq(plans.id, planId), eq(plans.status, 'draft')))
      .returning();
    const perUnit = new Map<string, number>();
    for (const r of rows) perUnit.set(r.unitId, (perUnit.get(r.unitId) ?? 0) + 1);
    for (const [unitId, n] of perUnit)
      await notifyUnits(tx.db, [unitId], {
        kind: 'plan.issued',
        title: `《${plan.title}》已印发，本单位承担 ${n} 项任务`,
        body: '请在“我的任务”中查看并按时报送进展。',
        link: `/admin/plans/${planId}/mine`,
      });
    await writeAudit(tx, {
      action: 'plan.issue',
      entity: 'plan',
      entityId: planId,
      before: { status: 'draft' },
      after: { status: 'issued', measures: measures.length, assignments: rows.length, units: perUnit.size },
    });
    return { plan: issued, assignments: rows.length, units: perUnit.size };
  });
}
