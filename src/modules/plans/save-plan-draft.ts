import { asc, eq, inArray } from 'drizzle-orm';
import { planAreas, planMeasureLeads, planMeasures, plans, planSubtasks, type ResponsibleEntry } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import type { ParsedMeasure, ParsedPlan } from './import/index.ts';
import { measureDueDate } from './measure-due-date.ts';

export interface DraftChange {
  kind: 'added' | 'changed' | 'removed';
  seq: number;
  /** For a change: which parts differ. */
  fields?: ('text' | 'lead' | 'responsible' | 'dueDate')[];
  before?: string;
  after?: string;
}

/** What a responsible cell resolved to, kept per written name so the office can see and fix it. */
export function responsibleEntries(m: ParsedMeasure): ResponsibleEntry[] {
  const byWritten = new Map<string, ResponsibleEntry>();
  for (const r of m.responsible) {
    const e = byWritten.get(r.written) ?? {
      written: r.written,
      kind: r.group ? 'group' : r.unitId ? 'unit' : 'unknown',
      unitIds: [],
      ...(r.group && { groupName: r.group }),
      ...(r.group && !r.unitId && { perUse: true }),
      role: r.role,
    };
    if (r.unitId && !e.unitIds.includes(r.unitId)) e.unitIds.push(r.unitId);
    byWritten.set(r.written, e);
  }
  return [...byWritten.values()];
}

function measureRow(planId: string, subtaskId: string, m: ParsedMeasure, year: number) {
  return {
    planId,
    subtaskId,
    seq: m.globalSeq,
    text: m.text,
    items: m.items,
    leadWritten: m.lead.map((l) => l.written),
    responsible: responsibleEntries(m),
    deadlines: m.deadlines,
    disclosurePaths: m.disclosurePaths,
    otherChannels: m.otherChannels,
    columnInstructions: m.columnInstructions,
    targets: m.targets,
    dueDate: measureDueDate(m.deadlines, year),
  };
}

/**
 * Writes a parsed notice as a draft plan. Re-importing into an existing draft keeps measure ids
 * where position and text still match, updates changed rows, and reports what changed.
 * Call inside a transaction.
 */
export async function savePlanDraft(
  tx: OpContext,
  parsed: ParsedPlan,
  meta: { year: number; title: string; sourceName: string | null; sourceHash: string; coverText: string | null },
  existingId?: string,
): Promise<{ planId: string; changes: DraftChange[] }> {
  const db = tx.db;
  const planValues = {
    title: meta.title,
    year: meta.year,
    issuer: parsed.issuer,
    issueDate: parsed.issueDate,
    docNumber: parsed.docNumber,
    coverText: meta.coverText,
    sourceName: meta.sourceName,
    sourceHash: meta.sourceHash,
    updatedAt: new Date(),
  };
  const planId = existingId
    ? (await db.update(plans).set(planValues).where(eq(plans.id, existingId)).returning({ id: plans.id }))[0].id
    : (await db.insert(plans).values({ ...planValues, status: 'draft' }).returning({ id: plans.id }))[0].id;

  // One after another: this runs in a transaction, whose single connection takes one query at a time.
  const oldMeasures = existingId ? await db.select().from(planMeasures).where(eq(planMeasures.planId, planId)).orderBy(asc(planMeasures.seq)) : [];
  const oldAreas = existingId ? await db.select().from(planAreas).where(eq(planAreas.planId, planId)) : [];
  const oldSubtasks = existingId ? await db.select().from(planSubtasks).where(eq(planSubtasks.planId, planId)) : [];
  // Re-import: areas, sub-tasks and measures are matched by position and updated in place, so
  // measure ids (and anything that points at them) survive a corrected notice.
  const oldBySeq = new Map(oldMeasures.map((m) => [m.seq, m]));
  const changes: DraftChange[] = [];
  const seenMeasures = new Set<number>();
  const keptAreas = new Set<string>();
  const keptSubtasks = new Set<string>();
  for (const a of parsed.areas) {
    const oldArea = oldAreas.find((x) => x.seq === a.seq);
    const areaId = oldArea
      ? (await db.update(planAreas).set({ label: a.label, title: a.title }).where(eq(planAreas.id, oldArea.id)).returning({ id: planAreas.id }))[0].id
      : (await db.insert(planAreas).values({ planId, seq: a.seq, label: a.label, title: a.title }).returning({ id: planAreas.id }))[0].id;
    keptAreas.add(areaId);
    for (const s of a.subtasks) {
      const oldSub = oldSubtasks.find((x) => x.areaId === areaId && x.seq === s.seq);
      const subId = oldSub
        ? (await db.update(planSubtasks).set({ label: s.label, title: s.title }).where(eq(planSubtasks.id, oldSub.id)).returning({ id: planSubtasks.id }))[0].id
        : (await db.insert(planSubtasks).values({ planId, areaId, seq: s.seq, label: s.label, title: s.title }).returning({ id: planSubtasks.id }))[0].id;
      keptSubtasks.add(subId);
      for (const m of s.measures) {
        seenMeasures.add(m.globalSeq);
        const row = measureRow(planId, subId, m, meta.year);
        const old = oldBySeq.get(m.globalSeq);
        let measureId: string;
        if (old) {
          measureId = old.id;
          await db.update(planMeasures).set(row).where(eq(planMeasures.id, old.id));
          const fields: DraftChange['fields'] = [];
          if (old.text !== m.text) fields.push('text');
          if (old.leadWritten.join('、') !== row.leadWritten.join('、')) fields.push('lead');
          if (old.responsible.map((r) => r.written).join('、') !== row.responsible.map((r) => r.written).join('、')) fields.push('responsible');
          if (old.dueDate !== row.dueDate) fields.push('dueDate');
          if (fields.length) changes.push({ kind: 'changed', seq: m.globalSeq, fields, before: old.text, after: m.text });
        } else {
          measureId = (await db.insert(planMeasures).values(row).returning({ id: planMeasures.id }))[0].id;
          if (existingId) changes.push({ kind: 'added', seq: m.globalSeq, after: m.text });
        }
        await db.delete(planMeasureLeads).where(eq(planMeasureLeads.measureId, measureId));
        const leadIds = [...new Set(m.lead.map((l) => l.unitId).filter((x): x is string => !!x))];
        if (leadIds.length) await db.insert(planMeasureLeads).values(leadIds.map((unitId) => ({ measureId, unitId })));
      }
    }
  }
  const removed = oldMeasures.filter((m) => !seenMeasures.has(m.seq));
  for (const m of removed) changes.push({ kind: 'removed', seq: m.seq, before: m.text });
  if (removed.length) await db.delete(planMeasures).where(inArray(planMeasures.id, removed.map((m) => m.id)));
  const goneSubtasks = oldSubtasks.filter((x) => !keptSubtasks.has(x.id)).map((x) => x.id);
  if (goneSubtasks.length) await db.delete(planSubtasks).where(inArray(planSubtasks.id, goneSubtasks));
  const goneAreas = oldAreas.filter((x) => !keptAreas.has(x.id)).map((x) => x.id);
  if (goneAreas.length) await db.delete(planAreas).where(inArray(planAreas.id, goneAreas));
  return { planId, changes };
}
