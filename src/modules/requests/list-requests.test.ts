import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCases, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { seedRequests } from '../../seed/seed-requests.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { dueSoonUntil, RUNNING_STATUSES } from './case-views.ts';
import { searchQuery, searchWords } from './list-requests.ts';
import { WAITING_STATUSES } from './statuses.ts';

type Row = typeof requestCases.$inferSelect;
interface ListAnswer {
  items: { id: string; code: string; receivedOn: string | null; dueOn: string | null; status: string }[];
  total: number;
  totalExact: boolean;
}

/**
 * The case list's filters against the seeded demo cases and a few written here: every view's rows
 * computed from the database rows in this file, the text search, paging and the workbench's counts
 * (each link's list shows exactly that many cases).
 */
describe('GET /api/requests filters, search and the workbench', () => {
  let t: TestApp;
  let office: ApiClient;
  let finance: ApiClient; // 区财政局 答复人员
  let financeId = '';
  let today = '';
  let rows: Row[] = [];

  const list = async (c: ApiClient, query: string): Promise<ListAnswer> => {
    const params = new URLSearchParams(query);
    if (!params.has('pageSize')) params.set('pageSize', '200');
    const r = await c.request('GET', `/api/requests?${params}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const ids = (a: ListAnswer) => a.items.map((i) => i.id).sort();
  const expected = (pred: (r: Row) => boolean, unit?: string) => rows.filter((r) => (!unit || r.agencyUnitId === unit) && pred(r)).map((r) => r.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedRequests(t.database.db)).toBeGreaterThan(50);
    office = await t.userWith(['office_admin'], '区政府办公室');
    finance = await t.userWith(['responder'], '区财政局');
    [{ id: financeId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区财政局'));
    today = todayInShanghai();
    const mk = (body: Record<string, unknown>) => finance.request('POST', '/api/requests', { applicantKind: '自然人', channel: '信函', ...body });
    // one waiting for receipt, one overdue, one received today; words to search for
    expect((await mk({ applicantName: '欧阳明华', items: [{ description: '关于燃气价格调整听证会的全部材料' }] })).statusCode).toBe(201);
    expect((await mk({ applicantName: '司马光', receivedOn: '2026-06-01', docNumber: '渝中财发〔2026〕42号', items: [{ description: '某道路改造工程的立项批复' }] })).statusCode).toBe(201);
    expect((await mk({ applicantName: '上官婉儿', receivedOn: today, items: [{ description: '区级部门预算“三公”经费明细（第4242号）' }] })).statusCode).toBe(201);
    rows = await t.database.db.select().from(requestCases);
  });
  afterAll(() => t.close());

  it('answers each view exactly as its definition, for the office and for a unit', async () => {
    const until = dueSoonUntil(await loadCalendar(t.database.db), today, 5);
    const running = (r: Row) => (RUNNING_STATUSES as string[]).includes(r.status);
    const views: [string, (r: Row) => boolean][] = [
      ['awaiting_receipt', (r) => r.status === '待确认收到'],
      ['running', running],
      ['due_soon', (r) => running(r) && r.dueOn !== null && r.dueOn >= today && r.dueOn <= until],
      ['overdue', (r) => running(r) && r.dueOn !== null && r.dueOn < today],
      ['closed_late', (r) => r.status === '已办结' && r.closedOn !== null && r.dueOn !== null && r.closedOn > r.dueOn],
      ['waiting', (r) => (WAITING_STATUSES as string[]).includes(r.status)],
    ];
    for (const [view, pred] of views) {
      expect(ids(await list(office, `view=${view}`)), view).toEqual(expected(pred));
      expect(ids(await list(finance, `view=${view}`)), `${view} (unit)`).toEqual(expected(pred, financeId));
    }
    // the demo has cases in every one of them
    for (const [view, pred] of views) if (!['due_soon', 'overdue'].includes(view)) expect(expected(pred).length, view).toBeGreaterThan(0);
  });

  it('filters by status, unit, applicant kind, outcome, year and due date, newest received first', async () => {
    const kind = encodeURIComponent('法律服务机构');
    expect(ids(await list(office, `applicantKind=${kind}`))).toEqual(expected((r) => r.applicantKind === '法律服务机构'));
    expect(ids(await list(office, 'outcome=2&year=2025'))).toEqual(expected((r) => r.outcome === '2' && (r.receivedOn ?? '').startsWith('2025')));
    expect(ids(await list(office, `agencyUnitId=${financeId}&status=${encodeURIComponent('已办结')}`))).toEqual(expected((r) => r.status === '已办结', financeId));
    const someDue = rows.find((r) => r.dueOn)!.dueOn!;
    expect(ids(await list(office, `dueOn=${someDue}`))).toEqual(expected((r) => r.dueOn === someDue));
    const all = await list(office, '');
    expect(all.total).toBe(rows.length);
    expect(all.totalExact).toBe(true);
    const received = all.items.map((i) => i.receivedOn);
    // not yet received first, then by receipt date, newest first
    const firstReceived = received.findIndex((d) => d !== null);
    expect(received.slice(0, firstReceived).every((d) => d === null)).toBe(true);
    const dates = received.slice(firstReceived) as string[];
    expect(dates).toEqual([...dates].sort().reverse());
    // paging: pages join up to the whole list without repeats
    const p1 = (await list(office, 'pageSize=7&page=1')).items.map((i) => i.id);
    const p2 = (await list(office, 'pageSize=7&page=2')).items.map((i) => i.id);
    expect(new Set([...p1, ...p2]).size).toBe(14);
    expect([...p1, ...p2]).toEqual(all.items.slice(0, 14).map((i) => i.id));
    // the due views read soonest first
    const overdue = (await list(office, 'view=overdue')).items.map((i) => i.dueOn as string);
    expect(overdue).toEqual([...overdue].sort());
    // a unit sees only its own agency, even when it names another
    const other = rows.find((r) => r.agencyUnitId !== financeId)!.agencyUnitId;
    expect((await list(finance, `agencyUnitId=${other}`)).total).toBe(0);
  });

  it('finds cases by code, applicant, 文号 and words of the request', async () => {
    const find = async (q: string) => (await list(office, `q=${encodeURIComponent(q)}`)).items.map((i) => i.code);
    const codeOf = (name: string) => rows.find((r) => r.applicantName === name)!.code;
    expect(await find('燃气价格')).toEqual([codeOf('欧阳明华')]);
    expect(await find('欧阳')).toEqual([codeOf('欧阳明华')]);
    expect(await find('明华 听证')).toEqual([codeOf('欧阳明华')]);
    expect(await find('三公经费')).toEqual([]); // not as written: “三公”经费
    expect(await find('“三公”经费')).toContain(codeOf('上官婉儿'));
    expect(await find('第4242号')).toEqual([codeOf('上官婉儿')]);
    expect(await find('4242')).toEqual([codeOf('上官婉儿')]);
    expect(await find('424')).toEqual([codeOf('上官婉儿')]);
    expect(await find('2424')).toEqual([]); // its pairs (24, 42) are there, the number is not
    expect(await find('渝中财发〔2026〕42号')).toEqual([codeOf('司马光')]);
    expect(await find(codeOf('司马光').toLowerCase())).toEqual([codeOf('司马光')]);
    expect(await find(codeOf('司马光').slice(-6))).toEqual([codeOf('司马光')]);
    expect(await find('司')).toContain(codeOf('司马光'));
    expect(await find('不存在的内容')).toEqual([]);
    // a unit's search (its agency's lexeme in the query) finds its own cases only
    const unitFind = async (c: ApiClient, q: string) => (await list(c, `q=${encodeURIComponent(q)}`)).items.map((i) => i.code);
    expect(await unitFind(finance, '燃气价格')).toEqual([codeOf('欧阳明华')]);
    expect(await unitFind(await t.userWith(['responder'], '区民政局'), '燃气价格')).toEqual([]);
    // punctuation alone searches nothing; quotes and backslashes are only characters
    expect((await list(office, `q=${encodeURIComponent('〔〕')}`)).total).toBe(rows.length);
    expect((await office.request('GET', `/api/requests?q=${encodeURIComponent("a'b\\c:*&|!")}`)).statusCode).toBe(200);
    // the search terms are the database's own: the same pairs on both back ends
    const [{ terms }] = (await t.database.db.execute(sql`select search_terms::text as terms from request_cases where applicant_name = '司马光'`) as unknown as { rows: { terms: string }[] }).rows;
    for (const pair of ['司马', '马光', '立项', '项批', '批复', '渝中', '42', '2号']) expect(terms).toContain(`'${pair}'`);
    expect(searchQuery(searchWords('燃气 价格'))).toBe("'燃气' & '价格'");
  });

  it('counts on the workbench what the linked lists show', async () => {
    for (const c of [office, finance]) {
      const w = (await c.request('GET', '/api/workbench')).json();
      const src = w.sources.find((s: { id: string }) => s.id === 'requests.cases');
      expect(src?.status).toBe('ok');
      expect(src.items.map((i: { key: string }) => i.key)).toEqual(['awaiting_receipt', 'due_soon', 'overdue', 'waiting']);
      for (const item of src.items as { href: string; count: number }[]) {
        expect(item.href.startsWith('/requests?')).toBe(true);
        expect((await list(c, item.href.split('?')[1])).total, item.href).toBe(item.count);
      }
      for (const d of w.deadlines.filter((x: { sourceId: string }) => x.sourceId === 'requests.cases') as { href: string; label: string }[]) {
        expect(d.label).toContain(`${(await list(c, d.href.split('?')[1])).total} 件`);
      }
    }
    // a unit's counts are its own
    const mine = (await finance.request('GET', '/api/workbench')).json().sources.find((s: { id: string }) => s.id === 'requests.cases');
    expect(mine.items.find((i: { key: string }) => i.key === 'awaiting_receipt').count).toBe(expected((r) => r.status === '待确认收到', financeId).length);
  });
});
