/**
 * Requests at scale: CASES cases (default 100k, OPEN of them open, default 10k), then
 * - the case list with filters (GET /api/requests …) as the office and as a unit, p95 (target < 50 ms);
 * - recomputing the due dates of the open cases after a calendar change (target < 2 s), directly
 *   (recomputeOpenCases in one transaction) and through PUT /api/calendar/years/2026.
 * `npx tsx bench/requests-scale.ts` (PGlite) and with `DATABASE_URL=postgres://…/postgres`.
 */
import { sql } from 'drizzle-orm';
import { loadCalendar } from '../src/platform/calendar/load-calendar.ts';
import { inTransaction } from '../src/platform/context.ts';
import { recomputeOpenCases } from '../src/modules/requests/recompute-open-cases.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const CASES = Number(process.env.CASES ?? 100_000);
const OPEN = Number(process.env.OPEN ?? 10_000);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
const office = await t.userWith(['office_admin'], '区政府办公室');
const unit = await t.userWith(['responder'], '区财政局');

let t0 = performance.now();
// Closed cases spread over 2021–2025, then OPEN open cases received in November 2026, agencies round-robin.
await db.execute(sql`
  with a as (select id, row_number() over (order by id) - 1 as k, count(*) over () as n from units where kind <> 'region')
  insert into request_cases (agency_unit_id, code, applicant_kind, received_on, closed_on, outcome, status, channel, applicant_name, applicant_key, description, due_on, demo)
  select a.id, 'BENCH' || g, (array['自然人','商业企业','科研机构','社会公益组织','法律服务机构','其他'])[1 + g % 6],
    case when g <= ${OPEN} then date '2026-11-02' + (g % 20) else date '2021-01-04' + (g % 1800) end,
    case when g <= ${OPEN} then null else date '2021-01-20' + (g % 1800) end,
    case when g <= ${OPEN} then null else (array['1','2','3.4','4.1','5.2','6.1'])[1 + g % 6] end,
    case when g <= ${OPEN} then (array['办理中','征求意见','办理中','待补正'])[1 + g % 4] else '已办结' end,
    '网上', '申请人' || (g % 5000), 'np:申请人' || (g % 5000), '基准测试申请内容' || g,
    case when g <= ${OPEN} then date '2026-12-01' + (g % 20) else date '2021-02-01' + (g % 1800) end, false
  from generate_series(1, ${CASES}) g join a on a.k = g % a.n`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'received', received_on, '{}'::jsonb from request_cases where status <> '已办结' and code like 'BENCH%'`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'consultation_started', received_on + 3, '{}'::jsonb from request_cases where status = '征求意见' and code like 'BENCH%'`);
await db.execute(sql`analyze`);
console.log(`${t.database.kind}: ${CASES} cases (${OPEN} open) written in ${Math.round(performance.now() - t0)} ms`);

const queries = [
  '/api/requests',
  '/api/requests?view=overdue',
  '/api/requests?view=due_soon',
  '/api/requests?view=waiting',
  '/api/requests?view=closed_late',
  '/api/requests?status=%E5%8A%9E%E7%90%86%E4%B8%AD',
  '/api/requests?year=2023&applicantKind=%E8%87%AA%E7%84%B6%E4%BA%BA',
  '/api/requests?outcome=2&year=2024',
  '/api/requests?q=%E7%94%B3%E8%AF%B7%E4%BA%BA42',
  '/api/requests?page=50&pageSize=50',
];
for (const [who, client] of [['office', office], ['unit', unit]] as const) {
  const times: number[] = [];
  for (let round = 0; round < 10; round++)
    for (const q of queries) {
      const s = performance.now();
      const r = await client.request('GET', q);
      times.push(performance.now() - s);
      if (r.statusCode !== 200) throw new Error(`${q} → ${r.statusCode} ${r.body.slice(0, 200)}`);
    }
  console.log(`list as ${who}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${times.length} requests)`);
}

const cal = await loadCalendar(db);
const extra = { date: '2026-12-07', kind: 'off' as const, name: '基准测试' };
const cal2 = new (cal.constructor as typeof import('../src/platform/calendar/calendar.ts').Calendar)(cal.years, [...(await db.execute(sql`select date::text as date, kind, name from calendar_days`) as unknown as { rows: { date: string; kind: 'off' | 'work'; name: string }[] }).rows, extra]);
t0 = performance.now();
const changed = await inTransaction({ db, actor: null }, (tx) => recomputeOpenCases(tx, cal2, { feePausesClock: true }));
console.log(`recompute ${OPEN} open cases (direct): ${Math.round(performance.now() - t0)} ms, ${changed} changed`);
const year = (await office.request('GET', '/api/calendar/years/2026')).json();
t0 = performance.now();
const put = await office.request('PUT', '/api/calendar/years/2026', { note: year.note ?? null, days: [...year.days.map((d: { date: string; kind: string; name: string }) => ({ date: d.date, kind: d.kind, name: d.name })), { date: '2026-12-08', kind: 'off', name: '基准测试2' }] });
console.log(`PUT /api/calendar/years/2026 (with the listener): ${Math.round(performance.now() - t0)} ms, status ${put.statusCode}, recomputed ${JSON.stringify(put.json().recomputed)}`);
await t.close();
