import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaConsultations, units } from '../../db/schema/index.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

interface Item {
  key: string;
  count: number;
  href: string;
}
interface Workbench {
  weekEnd: string;
  sources: { id: string; status: string; items: Item[] }[];
  deadlines: { date: string; label: string; href: string; sourceId: string }[];
}
type Row = typeof qaConsultations.$inferSelect;

/**
 * The qa source of the workbench: every count computed here from the consultations, and every count's
 * link opens a ledger list of exactly that many rows (the admin page's own API call).
 */
describe('workbench: 政策咨询台账', () => {
  let t: TestApp;
  let office: ApiClient;
  let hrssLiaison: ApiClient;
  let hrssSpecialist: ApiClient;
  let hrssId: string;
  const today = todayInShanghai();
  /** The second working day after today: the last day "due soon" reaches (weekends and holidays skipped). */
  let soonLimit: string;

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
    hrssLiaison = await t.userWith(['liaison'], '区人力社保局');
    hrssSpecialist = await t.userWith(['qa_specialist'], '区人力社保局');
    [{ id: hrssId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区人力社保局'));
    soonLimit = (await loadCalendar(t.database.db)).provisionalWorkingDays(today, 2);
    // Beside the demo ledger: an overdue and a due-today question of the unit, one not yet routed, and
    // one due on the second working day from now (on a Friday that is Tuesday: still due soon), one the day after.
    const base = { channel: 'phone' as const, receivedAt: new Date(), status: 'registered' as const, askerContact: '13800000009' };
    await t.database.db.insert(qaConsultations).values([
      { ...base, question: '工伤认定要多久', receivedOn: addDays(today, -9), dueOn: addDays(today, -2), unitId: hrssId },
      { ...base, question: '医保转移怎么办', receivedOn: addDays(today, -7), dueOn: today, unitId: hrssId },
      { ...base, question: '这个问题还没有交办', receivedOn: today, dueOn: addDays(today, 7), unitId: null },
      { ...base, question: '失业金还能领几个月', receivedOn: addDays(today, -3), dueOn: soonLimit, unitId: hrssId },
      { ...base, question: '稳岗返还什么时候到账', receivedOn: addDays(today, -2), dueOn: addDays(soonLimit, 1), unitId: hrssId },
    ]);
  });
  afterAll(() => t.close());

  const load = async (c: ApiClient) => {
    const res = await c.request('GET', '/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json() as Workbench;
    return { w, source: w.sources.find((s) => s.id === 'qa.ledger') };
  };
  const listed = async (c: ApiClient, href: string) => {
    const q = new URL(href, 'http://x').searchParams;
    const query = new URLSearchParams({ due: q.get('filter')!, pageSize: '100', ...(q.get('dueOn') ? { dueOn: q.get('dueOn')! } : {}) });
    const res = await c.request('GET', `/api/qa/ledger?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };
  const tally = (rows: Row[]) => {
    const awaiting = rows.filter((r) => r.status === 'registered');
    return {
      awaiting: awaiting.length,
      due_soon: awaiting.filter((r) => r.dueOn! >= today && r.dueOn! <= soonLimit).length,
      overdue: awaiting.filter((r) => r.dueOn! < today).length,
      unrouted: awaiting.filter((r) => r.unitId === null).length,
      proposal: rows.filter((r) => r.proposalStatus === 'pending').length,
    } as Record<string, number>;
  };

  it('the office sees the district: unrouted, awaiting, due soon, overdue, proposals — each link lists exactly that many', async () => {
    const { w, source } = await load(office);
    expect(source?.status).toBe('ok');
    const expected = tally(await t.database.db.select().from(qaConsultations));
    expect(expected.overdue).toBeGreaterThan(0);
    expect(expected.unrouted).toBeGreaterThan(0);
    expect(source!.items.map((i) => i.key)).toEqual(['unrouted', 'awaiting', 'due_soon', 'overdue', 'proposal']);
    for (const i of source!.items) {
      expect([i.key, i.count]).toEqual([i.key, expected[i.key]]);
      expect([i.key, await listed(office, i.href)]).toEqual([i.key, i.count]);
    }
    const mine = w.deadlines.filter((d) => d.sourceId === 'qa.ledger');
    expect(mine.length).toBeGreaterThan(0);
    for (const d of mine) {
      expect(d.date >= today && d.date <= w.weekEnd).toBe(true);
      expect(d.label).toBe(`${await listed(office, d.href)} 个咨询问题答复到期`);
    }
  });

  it('a unit sees only its own questions; the 专员 also the proposals to review', async () => {
    const rows = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.unitId, hrssId));
    const expected = tally(rows);
    expect(expected.overdue).toBeGreaterThan(0);
    // Due soon counts working days: the question due on the second working day is in, the next day's is not.
    const res = await hrssLiaison.request('GET', '/api/qa/ledger?due=due_soon&pageSize=100');
    const soon = (res.json().items as { question: string }[]).map((r) => r.question);
    expect(soon).toContain('失业金还能领几个月');
    expect(soon).not.toContain('稳岗返还什么时候到账');
    const liaison = (await load(hrssLiaison)).source!;
    expect(liaison.items.map((i) => i.key)).toEqual(['awaiting', 'due_soon', 'overdue']);
    for (const i of liaison.items) {
      expect([i.key, i.count]).toEqual([i.key, expected[i.key]]);
      expect([i.key, await listed(hrssLiaison, i.href)]).toEqual([i.key, i.count]);
    }
    const specialist = (await load(hrssSpecialist)).source!;
    const proposal = specialist.items.find((i) => i.key === 'proposal')!;
    expect(proposal.count).toBe(expected.proposal);
    expect(await listed(hrssSpecialist, proposal.href)).toBe(proposal.count);
  });
});
