/**
 * The mailbox handling list at 100k messages: GET /api/mailbox/messages filtered by unit and status
 * (the office's view) and a unit's own list, through the whole HTTP stack. Target: p95 < 50 ms.
 *   npx tsx bench/mailbox-list.ts                     # PGlite (in memory)
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/mailbox-list.ts
 */
import { sql } from 'drizzle-orm';
import { units } from '../src/db/schema/index.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const N = Number(process.env.MESSAGES ?? 100_000);
const RUNS = 200;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
const unitIds = (await db.select({ id: units.id }).from(units)).map((u) => u.id);
const started = Date.now();
// Spread over units, statuses and a year of receipt days; done in batches of 20k rows.
for (let from = 0; from < N; from += 20_000) {
  const to = Math.min(N, from + 20_000);
  await db.execute(sql`
    insert into mailbox_messages (code, type, unit_id, title, body, name, phone, status, received_at, received_on, working_days, due_date, sample)
    select 'XXBENCH-' || g, (array['咨询','建议','投诉','求助','其他'])[1 + g % 5],
      case when g % 6 in (0, 1) then null else (${sql.raw(`array[${unitIds.map((u) => `'${u}'::uuid`).join(',')}]`)})[1 + g % ${unitIds.length}::int] end,
      '关于第' || g || '号问题的留言', '留言内容' || g, '来信人', '13800000000',
      (array['received','accepted','assigned','replied','closed','rejected'])[1 + g % 6],
      timestamptz '2026-01-01 10:00+08' + (g % 330) * interval '1 day' + g * interval '1 second',
      (date '2026-01-01' + (g % 330))::date, 15, (date '2026-01-22' + (g % 330))::date, true
    from generate_series(${from + 1}::int, ${to}::int) g`);
}
// As the nightly maintenance job (PGlite) and autovacuum (PostgreSQL) leave it: visibility map and statistics current.
await db.execute(sql`vacuum analyze mailbox_messages`);
console.log(`${t.database.kind}: inserted ${N} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const office = await t.userWith(['office_admin'], '区政府办公室');
const liaison = await t.userWith(['liaison'], '区教委');
const [edu] = (await db.execute(sql`select id from units where short_name = '区教委'`) as unknown as { rows: { id: string }[] }).rows;
async function time(label: string, client: typeof office, url: string) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = await client.request('GET', url);
    ms.push(performance.now() - s);
    if (r.statusCode !== 200) throw new Error(`${url} → ${r.statusCode} ${r.body}`);
    if (i === 0) console.log(`  ${label}: total ${r.json().total}`);
  }
  console.log(`  ${label}: p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms`);
}
await time('office, one unit + status', office, `/api/mailbox/messages?unitId=${edu.id}&status=assigned&pageSize=20`);
await time('office, status only', office, '/api/mailbox/messages?status=received&pageSize=20');
await time('unit liaison, own + status', liaison, '/api/mailbox/messages?status=replied&pageSize=20');
// The workbench's links: overdue and due soon (open messages by due date), office-wide and a unit's own.
await time('office, overdue', office, '/api/mailbox/messages?due=overdue&pageSize=20');
await time('office, one unit + due soon', office, `/api/mailbox/messages?unitId=${edu.id}&due=soon&pageSize=20`);
await time('unit liaison, own overdue', liaison, '/api/mailbox/messages?due=overdue&pageSize=20');
await t.close();
