import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChecks, planMeasures, planReports, plans } from '../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../testing/test-app.ts';

/** The demo's 2021 plan: a believable year, every date in 2021, with something true for each list. */
describe('the demo plan year', () => {
  let t: TestApp;
  let office: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true, withYear: true });
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(() => t.close());

  it('is issued in 2021, most measures closed, a few units returned, overdue, late or waiting for a check', async () => {
    const [plan] = await t.database.db.select().from(plans);
    expect(plan).toMatchObject({ status: 'issued', issueDate: '2021-03-15' });
    const d = (await office.request('GET', `/api/plans/${plan.id}/dashboard`)).json();
    expect(d.totals.measures).toBe(46);
    expect(d.totals.closed / d.totals.measures).toBeGreaterThan(0.5);
    expect(d.totals.closed).toBeLessThan(46);
    expect(d.totals.accepted / d.totals.assignments).toBeGreaterThan(0.75);
    expect(d.totals.overdue).toBeGreaterThan(0);
    expect(d.totals.overdue / d.totals.assignments).toBeLessThan(0.15);
    expect(d.totals.returned).toBeGreaterThan(0);
    expect(d.totals.finishedLate).toBeGreaterThan(0);
    expect(d.byUnit.some((u: { reported: number }) => u.reported > 0)).toBe(true);
    // Units ahead and behind both exist.
    expect(d.byUnit.some((u: { overdue: number; returned: number }) => u.overdue === 0 && u.returned === 0)).toBe(true);
    expect(d.byUnit.some((u: { overdue: number }) => u.overdue > 0)).toBe(true);
  });

  it('dates every report, check and close-out within 2021', async () => {
    const span = async (col: typeof planReports.createdAt | typeof planChecks.createdAt | typeof planMeasures.closedAt) => {
      const [r] = await t.database.db.execute<{ lo: string; hi: string }>(
        sql`select to_char(min(${col}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as lo, to_char(max(${col}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as hi from ${col.table}`,
      ).then((x) => ((x as { rows?: unknown }).rows ?? x) as { lo: string; hi: string }[]);
      return r;
    };
    for (const col of [planReports.createdAt, planChecks.createdAt, planMeasures.closedAt]) {
      const r = await span(col);
      expect(r.lo >= '2021-03-15', `${r.lo}`).toBe(true);
      expect(r.hi <= '2021-12-31', `${r.hi}`).toBe(true);
    }
    const closed = await t.database.db.select().from(planMeasures).where(eq(planMeasures.status, 'closed'));
    expect(closed.length).toBeGreaterThan(0);
  });
});
