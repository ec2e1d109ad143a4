/**
 * The annual report at scale (issue 14): the tables of one agency, and the district-wide sum, over a
 * table of N cases spread over 50 agencies and ten years; then the import of a 100k-row ledger with
 * progress and memory printed.
 * Targets: a report over 1M cases on PostgreSQL under 1 s; over 100k on PGlite.
 *   npx tsx bench/reports-scale.ts                                          # PGlite, 100k cases
 *   DATABASE_URL=postgres://…/postgres CASES=1000000 npx tsx bench/reports-scale.ts
 */
import { eq, sql } from 'drizzle-orm';
import { units } from '../src/db/schema/index.ts';
import { computeAnnualFigures } from '../src/modules/reports/compute-annual-report.ts';
import { computeSection3 } from '../src/modules/reports/compute-section3.ts';
import { importRequestLedger } from '../src/modules/reports/import/import-request-ledger.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const CASES = Number(process.env.CASES ?? 100_000);
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 100_000);
const AGENCIES = 50;
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
console.log(`back end: ${t.database.kind}; cases: ${CASES.toLocaleString()}`);
const existing = await db.select({ id: units.id }).from(units);
for (let i = existing.length; i < AGENCIES; i++) await db.insert(units).values({ name: `基准测试机关${i}`, shortName: `区基准机关${i}`, kind: 'department' });
const agencyIds = (await db.select({ id: units.id }).from(units)).slice(0, AGENCIES).map((u) => u.id);

let start = performance.now();
// Generated in SQL, in slices: receipt over 2015–2024, a third still open, outcomes over every row.
const SLICE = 100_000;
for (let from = 0; from < CASES; from += SLICE) {
  const n = Math.min(SLICE, CASES - from);
  await db.execute(sql`
    insert into request_cases (agency_unit_id, code, applicant_kind, received_on, closed_on, outcome)
    select (${sql.raw(`array[${agencyIds.map((id) => `'${id}'::uuid`).join(',')}]`)})[1 + (i % ${AGENCIES}::int)],
      'B' || i,
      (array['自然人','自然人','自然人','商业企业','科研机构','社会公益组织','法律服务机构','其他'])[1 + (i % 8)],
      date '2015-01-01' + (i::bigint * 7919 % 3650)::int,
      case when i % 3 = 0 then null else date '2015-01-01' + (i::bigint * 7919 % 3650)::int + (i % 40) end,
      case when i % 3 = 0 then null else (array['1','2','3.1','3.4','3.6','4.1','4.2','5.2','5.3','6.1','6.2','6.3'])[1 + (i % 12)] end
    from generate_series(${from}::int, ${from + n - 1}::int) as i`);
}
await db.execute(sql`analyze request_cases`);
console.log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);

const agency = agencyIds[7];
const times: number[] = [];
for (let i = 0; i < 12; i++) {
  start = performance.now();
  const f = await computeAnnualFigures(db, agency, 2015 + (i % 10));
  times.push(performance.now() - start);
  if (!f.checks.balanced) throw new Error(`unbalanced ${f.year}`);
}
console.log(`one agency's report (sections 二, 三, 四): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${(CASES / AGENCIES).toLocaleString()} cases of its own)`);
const district: number[] = [];
for (let i = 0; i < 5; i++) {
  start = performance.now();
  await computeSection3(db, null, 2020);
  district.push(performance.now() - start);
}
console.log(`district-wide section 三 over all ${CASES.toLocaleString()} cases: p50 ${pct(district, 50).toFixed(0)} ms, max ${Math.max(...district).toFixed(0)} ms`);

// A 100k-row ledger as CSV, imported all or nothing.
const names = (await db.select({ name: units.name }).from(units).where(eq(units.kind, 'department'))).map((u) => u.name);
const lines = ['编号,受理机关,申请人类型,收到日期,办结日期,办理结果'];
for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`IMP-${i},${names[i % names.length]},自然人,2019-0${1 + (i % 9)}-1${i % 10},2019-1${i % 3}-2${i % 8},${['1', '2', '3.1', '5.2', '6.1'][i % 5]}`);
const csv = new TextEncoder().encode(lines.join('\n'));
const office = await t.userWith(['office_admin'], '区政府办公室');
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
start = performance.now();
let last = 0;
const r = await importRequestLedger({ db, actor: office.actor, ip: 'bench' }, csv, (done, total) => {
  peak = Math.max(peak, process.memoryUsage().rss);
  if (done - last >= 20_000 || done === total) {
    last = done;
    console.log(`  import progress ${done.toLocaleString()} / ${total.toLocaleString()}  rss ${mb(process.memoryUsage().rss)}`);
  }
});
clearInterval(watch);
console.log(`import of ${r.imported.toLocaleString()} rows (${(csv.length / 1048576).toFixed(1)} MB CSV): ${((performance.now() - start) / 1000).toFixed(1)} s, rss ${mb(rss0)} → peak ${mb(peak)}`);
await t.close();
