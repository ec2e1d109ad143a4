/**
 * Recomputing the due dates of OPEN (default 10k) open information requests after a calendar change,
 * phase by phase (target: < 2 s in all). `npx tsx bench/requests-recompute.ts` on PGlite, and with
 * `DATABASE_URL=postgres://…/postgres` on PostgreSQL. The cases are received in November 2026 (every
 * fourth in consultation, every fourth waiting for a 补正), so a holiday entered on 25 November moves
 * every due date; the run is repeated (ROUNDS, default 3) with the holiday toggled.
 */
import { sql } from 'drizzle-orm';
import { Calendar } from '../src/platform/calendar/calendar.ts';
import { loadCalendar } from '../src/platform/calendar/load-calendar.ts';
import { inTransaction } from '../src/platform/context.ts';
import { recomputeOpenCases, recomputeTimings } from '../src/modules/requests/recompute-open-cases.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const OPEN = Number(process.env.OPEN ?? 10_000);
const CLOSED = Number(process.env.CLOSED ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
let t0 = performance.now();
await db.execute(sql`
  with a as (select id, row_number() over (order by id) - 1 as k, count(*) over () as n from units where kind <> 'region')
  insert into request_cases (agency_unit_id, code, applicant_kind, received_on, closed_on, outcome, status, channel, applicant_name, applicant_key, description, due_on)
  select a.id, 'BENCH' || g, '自然人',
    case when g <= ${OPEN} then date '2026-11-02' + (g % 20) else date '2025-01-06' + (g % 300) end,
    case when g <= ${OPEN} then null else date '2025-02-06' + (g % 300) end,
    case when g <= ${OPEN} then null else '1' end,
    case when g <= ${OPEN} then (array['办理中','征求意见','办理中','待补正'])[1 + g % 4] else '已办结' end,
    '网上', '申请人' || (g % 5000), 'np:申请人' || (g % 5000), '基准测试申请内容' || g, null
  from generate_series(1, ${OPEN + CLOSED}) g join a on a.k = g % a.n`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'entered', received_on, '{}'::jsonb from request_cases where code like 'BENCH%'`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'received', received_on, '{}'::jsonb from request_cases where code like 'BENCH%'`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'consultation_started', received_on + 3, '{"party":"第三方"}'::jsonb from request_cases where status = '征求意见' and code like 'BENCH%'`);
await db.execute(sql`insert into request_events (case_id, kind, "on", data) select id, 'correction_sent', received_on + 2, '{}'::jsonb from request_cases where status = '待补正' and code like 'BENCH%'`);
await db.execute(sql`analyze`);
console.log(`${t.database.kind}: ${OPEN} open + ${CLOSED} closed cases written in ${Math.round(performance.now() - t0)} ms`);

const base = await loadCalendar(db);
const rows = ((await db.execute(sql`select date::text as date, kind, name from calendar_days`)) as unknown as { rows: { date: string; kind: 'off' | 'work'; name: string }[] }).rows;
const settings = { feePausesClock: true };
// The first pass fills the due dates (all change); then a holiday on and off again: every open case moves.
await inTransaction({ db, actor: null }, (tx) => recomputeOpenCases(tx, base, settings));
for (let round = 1; round <= ROUNDS; round++) {
  const cal = new Calendar(base.years, round % 2 ? [...rows, { date: '2026-11-25', kind: 'off', name: '基准测试' }] : rows);
  t0 = performance.now();
  const timings = recomputeTimings();
  const changed = await inTransaction({ db, actor: null }, (tx) => recomputeOpenCases(tx, cal, settings, timings));
  const total = performance.now() - t0;
  console.log(`round ${round}: recompute ${OPEN} open cases ${Math.round(total)} ms (${changed} changed; ${Object.entries(timings).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')})`);
}
await t.close();
