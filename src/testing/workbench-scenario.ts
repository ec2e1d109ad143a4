import { eq } from 'drizzle-orm';
import { planAssignments, planMeasureLeads, plans, units } from '../db/schema/index.ts';
import { addDays, todayInShanghai } from '../platform/calendar/dates.ts';
import type { ApiClient, TestApp } from './test-app.ts';

async function expectStatus(p: Promise<{ statusCode: number; body: string }>, status: number) {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/**
 * A working day for the workbench, on whatever the seed holds: the demo plan issued (if still a
 * draft), one report waiting for its lead unit's check, one returned for rework (due again in three
 * days) and a 通报 mark to decide. Returns the units and liaisons involved; counts are for the
 * tests to compute from the database.
 */
export async function prepareWorkbenchScenario(t: TestApp, office: ApiClient) {
  const [plan] = (await office.request('GET', '/api/plans')).json().items;
  if (plan.status === 'draft') {
    const preview = (await office.request('GET', `/api/plans/${plan.id}/issue-preview`)).json();
    const selections = Object.fromEntries(preview.selections.map((s: { measureId: string; suggested: string[] }) => [s.measureId, s.suggested.slice(0, 3)]));
    await expectStatus(office.request('POST', `/api/plans/${plan.id}/issue`, { selections }), 200);
  }
  const db = t.database.db;
  const rows = (await db.select().from(planAssignments).innerJoin(plans, eq(plans.id, planAssignments.planId)).where(eq(plans.status, 'issued'))).map((r) => r.plan_assignments);
  const leads = await db.select().from(planMeasureLeads);
  const unitRows = await db.select().from(units);
  const shortOf = (id: string) => unitRows.find((u) => u.id === id)!.shortName!;
  // A measure with one lead unit and at least two untouched responsible units other than it.
  const fresh = (m: string, leadIds: string[]) => rows.filter((x) => x.measureId === m && !leadIds.includes(x.unitId) && x.checkStatus === 'pending' && x.status === 'not_started');
  const measure = [...new Set(rows.map((r) => r.measureId))].find((m) => {
    const l = leads.filter((x) => x.measureId === m).map((x) => x.unitId);
    return l.length === 1 && fresh(m, l).length >= 2;
  });
  if (!measure) throw new Error('no measure fit for the workbench scenario');
  const leadId = leads.find((x) => x.measureId === measure)!.unitId;
  const [a1, a2] = fresh(measure, [leadId]);
  const lead = { unitId: leadId, short: shortOf(leadId) };
  const resp = { unitId: a1.unitId, short: shortOf(a1.unitId) };
  const leadLiaison = await t.userWith(['liaison'], lead.short);
  const respLiaison = await t.userWith(['liaison'], resp.short);
  const other = await t.userWith(['liaison'], shortOf(a2.unitId));
  const report = { status: 'done', summary: '已按要求完成并公开', completedOn: '2021-06-30', evidence: [{ kind: 'link', url: 'http://www.cqyz.gov.cn/zwgk/t1.html', title: '公开页面' }] };
  await expectStatus(respLiaison.request('POST', `/api/assignments/${a1.id}/reports`, report), 201);
  await expectStatus(other.request('POST', `/api/assignments/${a2.id}/reports`, report), 201);
  const returnedDue = addDays(todayInShanghai(), 3);
  await expectStatus(leadLiaison.request('POST', `/api/assignments/${a2.id}/checks`, { decision: 'return', comment: '佐证不全', newDueDate: returnedDue }), 201);
  await expectStatus(office.request('POST', `/api/plans/${a1.planId}/marks`, { unitId: resp.unitId, kind: 'commend', reason: '按时高质量完成' }), 200);
  return { planId: a1.planId, lead, resp, leadLiaison, respLiaison, returnedDue };
}
