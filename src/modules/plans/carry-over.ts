import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { planAreas, planAssignments, planMeasureLeads, planMeasures, plans, planSubtasks } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadPlan } from './load-plan.ts';

export const carryOverInput = z.object({
  dueDate: z.string().refine(isValidDate, '整改时限格式应为 YYYY-MM-DD'),
});

/**
 * 回头看: the unfinished measures of a plan go into a rectification ledger (整改台账) for the next
 * year, with a new deadline, assigned to the units that had not finished; it is run to close-out
 * like any plan, and each carried measure points at the one it continues.
 */
export async function carryOver(ctx: OpContext, planId: string, raw: z.input<typeof carryOverInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const { dueDate } = carryOverInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const plan = await loadPlan(tx, planId, { forUpdate: true });
    if (plan.status !== 'issued') throw conflict('plan_not_issued', '只有已印发的任务分工可以开展“回头看”');
    const year = plan.year + 1;
    if (Number(dueDate.slice(0, 4)) < year) throw invalid('due_in_past', `整改时限应在 ${year} 年或之后`);
    const [already] = await tx.db.select({ id: plans.id }).from(plans).where(and(eq(plans.fromPlanId, planId), eq(plans.kind, 'rectification')));
    if (already) throw conflict('already_carried', '该任务分工已建立整改台账');
    const measures = await tx.db.select().from(planMeasures).where(and(eq(planMeasures.planId, planId), eq(planMeasures.status, 'open'))).orderBy(asc(planMeasures.seq));
    if (!measures.length) throw conflict('nothing_to_carry', '所有举措均已销号，无需建立整改台账');
    const unfinished = await tx.db
      .select()
      .from(planAssignments)
      .where(and(inArray(planAssignments.measureId, measures.map((m) => m.id)), ne(planAssignments.checkStatus, 'accepted')));
    const [rect] = await tx.db
      .insert(plans)
      .values({ kind: 'rectification', title: `${plan.title}整改台账（回头看）`, year, issuer: plan.issuer, status: 'issued', fromPlanId: planId, issuedAt: new Date(), issuedBy: actor.id })
      .returning();
    const subtaskIds = [...new Set(measures.map((m) => m.subtaskId))];
    const oldSubs = await tx.db.select().from(planSubtasks).where(inArray(planSubtasks.id, subtaskIds));
    const oldAreas = await tx.db.select().from(planAreas).where(inArray(planAreas.id, [...new Set(oldSubs.map((s) => s.areaId))]));
    const areaMap = new Map<string, string>();
    for (const a of oldAreas.sort((x, y) => x.seq - y.seq)) {
      const [n] = await tx.db.insert(planAreas).values({ planId: rect.id, seq: a.seq, label: a.label, title: a.title }).returning({ id: planAreas.id });
      areaMap.set(a.id, n.id);
    }
    const subMap = new Map<string, string>();
    for (const s of oldSubs) {
      const [n] = await tx.db.insert(planSubtasks).values({ planId: rect.id, areaId: areaMap.get(s.areaId)!, seq: s.seq, label: s.label, title: s.title }).returning({ id: planSubtasks.id });
      subMap.set(s.id, n.id);
    }
    const leads = await tx.db.select().from(planMeasureLeads).where(inArray(planMeasureLeads.measureId, measures.map((m) => m.id)));
    let assignments = 0;
    const unitsNotified = new Set<string>();
    for (const m of measures) {
      const { id: _old, planId: _p, subtaskId, status: _s, closedAt: _c, closedBy: _b, version: _v, ...rest } = m;
      const [n] = await tx.db.insert(planMeasures).values({ ...rest, planId: rect.id, subtaskId: subMap.get(subtaskId)!, dueDate, fromMeasureId: m.id }).returning({ id: planMeasures.id });
      const ls = leads.filter((l) => l.measureId === m.id);
      if (ls.length) await tx.db.insert(planMeasureLeads).values(ls.map((l) => ({ measureId: n.id, unitId: l.unitId })));
      const rows = unfinished.filter((a) => a.measureId === m.id).map((a) => ({ planId: rect.id, measureId: n.id, unitId: a.unitId, dueDate }));
      if (rows.length) await tx.db.insert(planAssignments).values(rows);
      rows.forEach((r) => unitsNotified.add(r.unitId));
      assignments += rows.length;
    }
    await notifyUnits(tx.db, [...unitsNotified], { kind: 'plan.carried', title: `《${plan.title}》未完成任务已转入整改台账，整改时限 ${dueDate}`, link: `/admin/plans/${rect.id}/mine` });
    await writeAudit(tx, { action: 'plan.carry_over', entity: 'plan', entityId: rect.id, after: { fromPlanId: planId, measures: measures.length, assignments, dueDate } });
    return { plan: rect, measures: measures.length, assignments };
  });
}
