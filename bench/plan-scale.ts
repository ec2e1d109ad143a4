/**
 * Plans at scale: a plan of 200 measures × 60 units (12,000 assignments) with reports and checks.
 * Prints dashboard API p50/p95 (through the whole HTTP stack) and ledger export time, plus the
 * time to import the seed notice into the database as text and as .docx.
 * Targets: dashboard p95 < 100 ms, ledger export < 3 s, seed import < 300 ms.
 *   npx tsx bench/plan-scale.ts                     # PGlite (in memory)
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/plan-scale.ts   # a fresh database is created on that server
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { plans, units } from '../src/db/schema/index.ts';
import { importPlan } from '../src/modules/plans/import-plan.ts';
import { issuePlan } from '../src/modules/plans/issue-plan.ts';
import type { ParsedPlan } from '../src/modules/plans/import/index.ts';
import { savePlanDraft } from '../src/modules/plans/save-plan-draft.ts';
import { buildDocx, readSeed, seedOfficeTable } from '../src/modules/plans/import/test-support/build-office-files.ts';
import { ROOT } from '../src/paths.ts';
import { inTransaction } from '../src/platform/context.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const MEASURES = 200;
const UNITS = 60;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
const kind = t.database.kind;
const office = await t.userWith(['office_admin'], '区政府办公室');

// Enough departments for 60 responsible units.
const existing = await db.select({ id: units.id }).from(units).where(sql`${units.kind} <> 'region'`);
for (let i = existing.length; i < UNITS; i++) await db.insert(units).values({ name: `基准测试单位${i}`, shortName: `区测试单位${i}`, kind: 'department' });
const unitRows = (await db.select({ id: units.id, name: units.shortName }).from(units).where(sql`${units.kind} <> 'region'`)).slice(0, UNITS);

const perArea = MEASURES / 5;
const parsed: ParsedPlan = {
  title: '基准测试任务分工',
  year: 2021,
  issuer: '区政府办公室',
  issueDate: '2021-06-04',
  docNumber: null,
  warnings: [],
  areas: Array.from({ length: 5 }, (_, a) => ({
    seq: a + 1,
    label: null,
    title: `方面${a + 1}`,
    subtasks: Array.from({ length: 4 }, (_, s) => ({
      seq: s + 1,
      label: null,
      title: `子任务${a + 1}-${s + 1}`,
      measures: Array.from({ length: perArea / 4 }, (_, m) => {
        const globalSeq = a * perArea + s * (perArea / 4) + m + 1;
        return {
          seq: m + 1, globalSeq, label: null, row: globalSeq, text: `举措${globalSeq}：公开有关信息并保持动态更新（公开路径：政府网站>政府信息公开>法定主动公开内容>测试栏目${globalSeq}）。`,
          items: [], outline: [], leadSource: 'column' as const, responsibleInherited: false,
          lead: [{ written: unitRows[globalSeq % UNITS].name!, unitId: unitRows[globalSeq % UNITS].id, name: unitRows[globalSeq % UNITS].name }],
          responsible: unitRows.map((u) => ({ written: u.name!, unitId: u.id, name: u.name, role: 'responsible' as const })),
          deadlines: [{ date: `2021-${String(6 + (globalSeq % 7)).padStart(2, '0')}-28`, text: '', kind: 'absolute' as const, source: 'text' as const }],
          disclosurePaths: [['政府信息公开', '法定主动公开内容', `测试栏目${globalSeq}`]], otherChannels: [], columnInstructions: [], targets: [],
        };
      }),
    })),
  })),
};

const t0 = performance.now();
const { planId } = await inTransaction({ db, actor: office.actor }, (tx) => savePlanDraft(tx, parsed, { year: 2021, title: parsed.title!, sourceName: null, sourceHash: 'bench', coverText: null }));
const issued = await issuePlan({ db, actor: office.actor }, planId, {});
const setupMs = performance.now() - t0;
// A realistic mix: a third accepted, a fifth reported, some returned, the rest under way or not started.
await db.execute(sql`update plan_assignments set
  status = case when random() < 0.55 then 'done' when random() < 0.7 then 'in_progress' else 'not_started' end,
  last_report_at = now()
  where plan_id = ${planId}`);
await db.execute(sql`update plan_assignments set check_status = case when random() < 0.6 then 'accepted' when random() < 0.2 then 'returned' else 'pending' end, completed_on = '2021-07-01' where plan_id = ${planId} and status = 'done'`);
await db.execute(sql`insert into plan_reports (assignment_id, status, summary, completed_on, evidence, created_by)
  select id, status, '已按要求在政府网站公开相关信息，并同步在政务新媒体发布。', completed_on, '[{"kind":"link","url":"http://www.cqyz.gov.cn/zwgk/a.html","title":"公开页面"}]'::jsonb, ${office.actor.id}
  from plan_assignments where plan_id = ${planId} and status <> 'not_started'`);
await db.execute(sql`insert into plan_checks (assignment_id, decision, comment, created_by)
  select id, case when check_status = 'accepted' then 'accept' else 'return' end, '核查意见', ${office.actor.id}
  from plan_assignments where plan_id = ${planId} and check_status in ('accepted','returned')`);
// What the nightly maintenance job (PGlite) or autovacuum (PostgreSQL) leaves behind.
await db.execute(sql`vacuum analyze`);

if (process.env.PROFILE) {
  const { ledgerRows } = await import('../src/modules/plans/ledger-rows.ts');
  const { getPlanDashboard } = await import('../src/modules/plans/get-plan-dashboard.ts');
  for (let i = 0; i < 3; i++) {
    let s = performance.now();
    await ledgerRows({ db, actor: office.actor }, planId);
    console.log('ledgerRows', (performance.now() - s).toFixed(0));
    s = performance.now();
    await getPlanDashboard({ db, actor: office.actor }, planId);
    console.log('dashboard fn', (performance.now() - s).toFixed(0));
  }
  const { listAssignments } = await import('../src/modules/plans/get-plan-dashboard.ts');
  const { planAssignments } = await import('../src/db/schema/index.ts');
  const { and, lt, ne } = await import('drizzle-orm');
  for (let k = 0; k < 3; k++) {
    let s = performance.now();
    await listAssignments({ db, actor: office.actor }, and(eq(planAssignments.planId, planId), lt(planAssignments.dueDate, '2021-09-01'), ne(planAssignments.checkStatus, 'accepted'))!);
    console.log('overdue list', (performance.now() - s).toFixed(0));
    s = performance.now();
    await listAssignments({ db, actor: office.actor }, and(eq(planAssignments.planId, planId), eq(planAssignments.checkStatus, 'returned'))!);
    console.log('returned list', (performance.now() - s).toFixed(0));
  }
  for (let k = 0; k < 3; k++) for (const [name, q] of [
    ['measure avg', sql`select measure_id, count(*), avg(case when check_status='accepted' then 100 else 0 end) from plan_assignments where plan_id=${planId} group by measure_id`],
    ['unit count', sql`select unit_id, count(*) from plan_assignments where plan_id=${planId} group by unit_id`],
    ['count only', sql`select count(*) from plan_assignments where plan_id=${planId}`],
    ['grouping sets', sql`select measure_id, unit_id, status, check_status, (due_date < '2021-09-01') late, count(*) from plan_assignments where plan_id=${planId} group by grouping sets ((measure_id, status, check_status, late), (unit_id, status, check_status, late))`],
    ['explain', sql`explain analyze select measure_id, count(*) from plan_assignments where plan_id=${planId} group by measure_id`],
  ] as const) { const s = performance.now(); const r = await db.execute(q); console.log(name, (performance.now() - s).toFixed(0), name === 'explain' && k === 2 ? JSON.stringify((r as any).rows) : ''); }
}
const dash: number[] = [];
for (let i = 0; i < 60; i++) {
  const s = performance.now();
  const res = await office.request('GET', `/api/plans/${planId}/dashboard`);
  dash.push(performance.now() - s);
  if (res.statusCode !== 200) throw new Error(res.body);
}
const ledger: number[] = [];
let size = 0;
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  const res = await office.request('GET', `/api/plans/${planId}/ledger.xlsx`);
  ledger.push(performance.now() - s);
  size = res.rawPayload.length;
}

const seedText = fs.readFileSync(path.join(ROOT, 'src/seed/yuzhong-2021-notice.txt'));
const seedDocx = await buildDocx(seedOfficeTable(readSeed()));
const imports: Record<string, number[]> = { text: [], docx: [] };
for (let i = 0; i < 5; i++) {
  for (const [k, data] of [['text', seedText], ['docx', seedDocx]] as const) {
    const s = performance.now();
    const r = await importPlan({ db, actor: office.actor }, { data, filename: `seed.${k}` });
    imports[k].push(performance.now() - s);
    if (r.outcome !== 'created' || r.counts.measures !== 46) throw new Error(`seed import ${k}: ${r.outcome} ${r.counts.measures}`);
    await db.delete(plans).where(eq(plans.id, r.planId!)); // so the next run creates it again
  }
}

console.log(`plans[${kind}] setup: ${MEASURES} measures × ${UNITS} units = ${issued.assignments} assignments, draft + issue ${setupMs.toFixed(0)} ms`);
console.log(`plans[${kind}] dashboard API (60 calls): p50 ${pct(dash, 50).toFixed(1)} ms, p95 ${pct(dash, 95).toFixed(1)} ms (target p95 < 100 ms)`);
console.log(`plans[${kind}] ledger export (${issued.assignments} rows, ${(size / 1024).toFixed(0)} KB): median ${pct(ledger, 50).toFixed(0)} ms, max ${Math.max(...ledger).toFixed(0)} ms (target < 3000 ms)`);
console.log(`plans[${kind}] seed import into the database: text median ${pct(imports.text, 50).toFixed(0)} ms, docx median ${pct(imports.docx, 50).toFixed(0)} ms (target < 300 ms)`);
await t.close();
