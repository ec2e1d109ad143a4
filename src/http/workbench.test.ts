import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, planAssignments, planMeasureLeads, plans, units } from '../db/schema/index.ts';
import { addDays, todayInShanghai } from '../platform/calendar/dates.ts';
import { lateness } from '../modules/plans/lateness.ts';
import { getWorkbench } from '../platform/workbench/get-workbench.ts';
import { registerWorkbenchSource } from '../platform/workbench/workbench-source.ts';
import { createTestApp, type ApiClient, type TestApp } from '../testing/test-app.ts';
import { prepareWorkbenchScenario } from '../testing/workbench-scenario.ts';

interface Item {
  key: string;
  label: string;
  count: number;
  href: string;
  hint?: string;
}
interface Source {
  id: string;
  status: 'ok' | 'unavailable';
  items: Item[];
}
interface Workbench {
  asOf: string;
  weekEnd: string;
  sources: Source[];
  deadlines: { date: string; label: string; href: string; sourceId: string }[];
}
type Client = ApiClient & { actor: { id: string; unitId: string } };
type Row = typeof planAssignments.$inferSelect;

/**
 * The workbench (工作台) against the seeded district: every count is computed here from the database
 * rows (not from the seed's numbers), and every count's link opens a list of exactly that many rows.
 */
describe('GET /api/workbench', () => {
  let t: TestApp;
  let office: Client;
  let today: string;

  const workbench = async (c: ApiClient): Promise<Workbench> => {
    const res = await c.request('GET', '/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const source = (w: Workbench, id: string) => w.sources.find((s) => s.id === id);
  const count = (w: Workbench, id: string, key: string) => source(w, id)?.items.find((i) => i.key === key)?.count;
  const issuedRows = async (): Promise<Row[]> =>
    (await t.database.db.select().from(planAssignments).innerJoin(plans, eq(plans.id, planAssignments.planId)).where(eq(plans.status, 'issued'))).map((r) => r.plan_assignments);
  const tally = (rows: Row[]) => ({
    open: rows.filter((r) => r.checkStatus !== 'accepted').length,
    // lateness.ts's rule: not reported done (or cannot be completed) and past the due date.
    overdue: rows.filter((r) => lateness(r, today).overdue).length,
    returned: rows.filter((r) => r.checkStatus === 'returned').length,
    reported: rows.filter((r) => ['done', 'cannot_complete'].includes(r.status) && r.checkStatus === 'pending').length,
  });

  /** The number of rows the list behind `href` shows to `c`: the admin page's own API call. */
  async function listed(c: ApiClient, href: string): Promise<number> {
    const url = new URL(href, 'http://x');
    const q = url.searchParams;
    const get = async (path: string) => {
      const res = await c.request('GET', path);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.json();
    };
    let m = url.pathname.match(/^\/plans\/([0-9a-f-]{36})\/assignments$/);
    if (m) return (await get(`/api/plans/${m[1]}/assignments?${q}&pageSize=1`)).total;
    m = url.pathname.match(/^\/plans\/([0-9a-f-]{36})$/);
    if (m && q.get('tab') === 'circulars' && q.get('marks') === 'pending') return (await get(`/api/plans/${m[1]}/marks`)).items.filter((x: { pending: boolean }) => x.pending).length;
    if (url.pathname === '/plans/mine') {
      const todo = await get('/api/plans/todo');
      if (q.get('tab') === 'check') return todo.toCheck.length;
      return tally(todo.mine)[q.get('filter') as 'open' | 'overdue' | 'returned'];
    }
    if (url.pathname === '/catalog/documents') {
      if (q.get('view') === 'mine') return (await get('/api/documents?awaiting=mine&pageSize=1')).total;
      if (q.get('view') === 'authored') return (await get(`/api/documents?author=me&status=${q.get('status')}&pageSize=1`)).total;
    }
    if (url.pathname === '/catalog/columns') return (await get('/api/catalog/health'))[q.get('health')!].length;
    if (url.pathname === '/qa/ledger') return (await get(`/api/qa/ledger?due=${q.get('filter')}${q.get('dueOn') ? `&dueOn=${q.get('dueOn')}` : ''}&pageSize=1`)).total;
    if (url.pathname === '/requests') return (await get(`/api/requests?${q}&pageSize=1`)).total;
    if (url.pathname === '/mailbox') return (await get(`/api/mailbox/messages?${q}&pageSize=1`)).total;
    if (url.pathname === '/mailbox/calls') return (await get(`/api/mailbox/calls?${q}&pageSize=1`)).total;
    throw new Error(`no list known for ${href}`);
  }

  /** Every count on the caller's workbench equals the rows of the list it links to. */
  async function expectCountsOpenTheirLists(c: ApiClient, w: Workbench) {
    const items = w.sources.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(await listed(c, i.href), `${i.label} → ${i.href}`).toBe(i.count);
  }

  let lead: { unitId: string; short: string };
  let resp: { unitId: string; short: string };
  let leadLiaison: Client;
  let respLiaison: Client;

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    today = todayInShanghai();
    office = await t.userWith(['office_admin'], '区政府办公室');
    ({ lead, resp, leadLiaison, respLiaison } = await prepareWorkbenchScenario(t, office));
  });
  afterAll(() => t.close());

  it('gives the office the district\'s counts, each opening a list of that many rows', async () => {
    const w = await workbench(office);
    expect(w.asOf).toBe(today);
    expect(w.weekEnd).toBe(addDays(today, 6));
    expect(w.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['plans.office', 'catalog.review', 'catalog.health']));
    expect(w.sources.every((s) => s.status === 'ok')).toBe(true);
    const rows = await issuedRows();
    const expected = tally(rows);
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.status, 'issued'));
    expect(count(w, 'plans.office', `overdue:${plan.id}`)).toBe(expected.overdue);
    // Reports past their due date still waiting for the lead unit's check: "not accepted" would count
    // them overdue; the one lateness rule (reported, so not 逾期未完成) does not.
    const waitingPastDue = rows.filter((r) => r.dueDate < today && r.checkStatus !== 'accepted' && ['done', 'cannot_complete'].includes(r.status));
    expect(waitingPastDue.length).toBeGreaterThanOrEqual(1);
    expect(count(w, 'plans.office', `overdue:${plan.id}`)).toBe(rows.filter((r) => r.dueDate < today && r.checkStatus !== 'accepted').length - waitingPastDue.length);
    expect(count(w, 'plans.office', `reported:${plan.id}`)).toBe(expected.reported);
    expect(count(w, 'plans.office', `returned:${plan.id}`)).toBe(expected.returned);
    expect(expected.reported).toBeGreaterThanOrEqual(1);
    expect(expected.returned).toBeGreaterThanOrEqual(1);
    expect(count(w, 'plans.office', `marks:${plan.id}`)).toBe(1);
    await expectCountsOpenTheirLists(office, w);
    // The week's deadlines are within the week, in date order, each with a link.
    const dates = w.deadlines.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= today && d <= w.weekEnd)).toBe(true);
    // The returned assignment is due again in three days: the office sees that day's tasks.
    const due = w.deadlines.find((d) => d.date === addDays(today, 3) && d.sourceId === 'plans.office');
    expect(due?.href).toContain(`due=${addDays(today, 3)}`);
    expect(await listed(office, due!.href)).toBeGreaterThanOrEqual(1);
  });

  it('a 通报 in which the marks went out leaves none to decide', async () => {
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.status, 'issued'));
    const c = (await office.request('POST', `/api/plans/${plan.id}/circulars`)).json();
    expect((await office.request('POST', `/api/circulars/${c.id}/issue`)).statusCode).toBe(200);
    expect(count(await workbench(office), 'plans.office', `marks:${plan.id}`)).toBe(0);
  });

  it('gives a liaison only their own unit\'s work: tasks, returns, overdue and checks to do', async () => {
    const rows = await issuedRows();
    const mine = tally(rows.filter((r) => r.unitId === resp.unitId));
    const w = await workbench(respLiaison);
    expect(source(w, 'plans.office')).toBeUndefined();
    expect(source(w, 'catalog.health')).toBeUndefined();
    expect(count(w, 'plans.unit', 'open')).toBe(mine.open);
    expect(count(w, 'plans.unit', 'overdue')).toBe(mine.overdue);
    expect(count(w, 'plans.unit', 'returned')).toBe(mine.returned);
    await expectCountsOpenTheirLists(respLiaison, w);

    // The lead unit's liaison has the report to check; the responsible unit's has none of it.
    const leadIds = new Set((await t.database.db.select().from(planMeasureLeads).where(eq(planMeasureLeads.unitId, lead.unitId))).map((l) => l.measureId));
    const toCheck = rows.filter((r) => leadIds.has(r.measureId) && ['done', 'cannot_complete'].includes(r.status) && r.checkStatus === 'pending').length;
    expect(toCheck).toBeGreaterThanOrEqual(1);
    const lw = await workbench(leadLiaison);
    expect(count(lw, 'plans.unit', 'to-check')).toBe(toCheck);
    expect(count(lw, 'plans.unit', 'open')).toBe(tally(rows.filter((r) => r.unitId === lead.unitId)).open);
    await expectCountsOpenTheirLists(leadLiaison, lw);
    // Deadlines of a liaison are their own unit's only.
    const ownMeasures = new Set(rows.filter((r) => r.unitId === resp.unitId).map((r) => r.measureId));
    for (const d of w.deadlines.filter((x) => x.sourceId === 'plans.unit')) expect(ownMeasures.has(d.href.split('/').pop()!)).toBe(true);
  });

  it('never shows a liaison another unit\'s counts', async () => {
    const rows = await issuedRows();
    const byUnit = new Map<string, number>();
    for (const r of rows) if (r.checkStatus !== 'accepted') byUnit.set(r.unitId, (byUnit.get(r.unitId) ?? 0) + 1);
    // A unit whose open count differs from the responsible unit's, so a leak would show.
    const [otherId] = [...byUnit].find(([id, n]) => id !== resp.unitId && id !== lead.unitId && n !== byUnit.get(resp.unitId))!;
    const [other] = await t.database.db.select().from(units).where(eq(units.id, otherId));
    const otherLiaison = await t.userWith(['liaison'], other.shortName!);
    const ow = await workbench(otherLiaison);
    expect(count(ow, 'plans.unit', 'open')).toBe(byUnit.get(otherId));
    expect(count(await workbench(respLiaison), 'plans.unit', 'open')).toBe(byUnit.get(resp.unitId));
    // A unit without assignments sees zeros, not the district's totals.
    const empty = (await t.database.db.select().from(units)).find((u) => u.kind !== 'region' && !byUnit.has(u.id) && !rows.some((r) => r.unitId === u.id));
    if (empty) {
      const ew = await workbench(await t.userWith(['liaison'], empty.shortName!));
      expect(count(ew, 'plans.unit', 'open')).toBe(0);
      expect(ew.deadlines.filter((d) => d.sourceId === 'plans.unit')).toEqual([]);
    }
    // The endpoint takes no unit: a query string cannot widen it.
    const widened = await otherLiaison.request('GET', `/api/workbench?unitId=${resp.unitId}`);
    expect(widened.json().sources).toEqual(ow.sources);
  });

  it('gives reviewers 待我审核 with the due dates, and editors their drafts and returned documents', async () => {
    const db = t.database.db;
    const [tzgg] = await db.select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    const editor = await t.userWith(['editor'], '区政府办公室');
    const reviewer = await t.userWith(['reviewer'], '区政府办公室');
    const before = count(await workbench(reviewer), 'catalog.review', 'awaiting-mine')!;
    const publishAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const make = async (title: string, extra: Record<string, unknown> = {}) => {
      const res = await editor.request('POST', '/api/documents', { columnId: tzgg.id, title, bodyHtml: '<p>现将有关事项通知如下。</p>', publisher: '重庆市渝中区人民政府办公室', writtenOn: today, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const sent = await make('关于做好2026年冬季安全生产工作的通知', { publishAt });
    await make('关于开展政务公开培训的通知（草稿）');
    const back = await make('关于调整办公时间的通知');
    for (const id of [sent, back]) expect((await editor.request('POST', `/api/documents/${id}/submit`)).statusCode).toBe(200);
    expect((await reviewer.request('POST', `/api/documents/${back}/reviews`, { decision: 'return', comment: '请补充发文字号' })).statusCode).toBe(200);

    const rw = await workbench(reviewer);
    expect(count(rw, 'catalog.review', 'awaiting-mine')).toBe(before + 1);
    // The earliest due date of the queue is named beside the count.
    expect(source(rw, 'catalog.review')!.items[0].hint).toMatch(/前须公开|已过公开时限/);
    expect(source(rw, 'plans.office')).toBeUndefined();
    // The scheduled publication is the review's due date, in this week's list.
    expect(rw.deadlines.find((d) => d.href === `/catalog/documents/${sent}`)?.date).toBe(todayInShanghai(new Date(publishAt)));
    await expectCountsOpenTheirLists(reviewer, rw);

    const ew = await workbench(editor);
    expect(count(ew, 'catalog.drafts', 'drafts')).toBe(1);
    expect(count(ew, 'catalog.drafts', 'returned')).toBe(1);
    expect(source(ew, 'catalog.review')).toBeUndefined();
    await expectCountsOpenTheirLists(editor, ew);
  });

  it('answers a read-only user without counts, and nobody without a session', async () => {
    const ro = await t.userWith(['readonly'], '区财政局');
    const w = await workbench(ro);
    expect(w.sources.flatMap((s) => s.items)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });

  it('shows a failing or slow source as unavailable and the rest as usual', { timeout: 30_000 }, async () => {
    const off = [
      registerWorkbenchSource({ id: 'test.broken', module: 'test', title: '出错的来源', roles: ['office_admin'], load: async () => { throw new Error('boom'); } }),
      registerWorkbenchSource({ id: 'test.slow', module: 'test', title: '很慢的来源', roles: ['office_admin'], load: () => new Promise(() => undefined) }),
    ];
    try {
      // The default bound (SOURCE_TIMEOUT_MS, 5 s) ends the source that never answers.
      const failures: string[] = [];
      const w = await getWorkbench({ db: t.database.db, actor: { ...office.actor, username: 'o', name: 'o', roles: ['office_admin'] } }, { onFailure: (f) => failures.push(f.sourceId) });
      expect(w.sources.find((s) => s.id === 'test.broken')).toMatchObject({ status: 'unavailable', items: [] });
      expect(w.sources.find((s) => s.id === 'test.slow')).toMatchObject({ status: 'unavailable', items: [] });
      expect(failures.sort()).toEqual(['test.broken', 'test.slow']);
      expect(w.sources.filter((s) => s.module !== 'test').every((s) => s.status === 'ok' && s.items.length > 0)).toBe(true);
    } finally {
      off.forEach((f) => f());
    }
  });
});
