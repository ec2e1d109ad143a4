/**
 * The case list (GET /api/requests) at CASES cases (default 100k), through the whole HTTP stack, as
 * the office and as one unit: p50 / p95 per filter. Target: p95 < 50 ms for every filter.
 *   npx tsx bench/requests-list.ts                              # PGlite (in memory)
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/requests-list.ts
 * RUNS (default 40) requests per filter and caller; EXPLAIN=1 prints the plan of the slowest filter.
 *
 * The cases: six years of closed cases (2021–2026, 2% closed late), and 10% open ones received in
 * the last 40 days in every open state; 5 000 applicants, 25 topics, agencies round-robin.
 */
import { sql } from 'drizzle-orm';
import { createTestApp } from '../src/testing/test-app.ts';
import { todayInShanghai } from '../src/platform/calendar/dates.ts';

const CASES = Number(process.env.CASES ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 40);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const t = await createTestApp({}, { withPlan: false });
const db = t.database.db;
const office = await t.userWith(['office_admin'], '区政府办公室');
const unit = await t.userWith(['responder'], '区财政局');
const today = todayInShanghai();

const TOPICS = ['区级部门预算“三公”经费明细', '解放碑步行街改造工程立项批复', '老旧小区改造项目资金使用情况', '征地补偿安置方案', '某小学校舍维修招标文件', '城市更新项目环境影响评价报告', '低保对象认定标准和名单', '道路交通事故处理统计', '行政处罚决定书', '供水管网改造计划', '养老机构补贴发放明细', '食品安全抽检结果', '建设工程规划许可证', '企业环保执法检查记录', '公共租赁住房分配结果', '医疗机构设置审批', '河道整治工程验收报告', '政府采购合同', '拆迁评估报告', '学区划分依据', '停车收费标准制定过程', '财政专项资金分配表', '人才引进补贴政策', '燃气价格调整听证材料', '重大行政决策目录'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚';

let t0 = performance.now();
for (let from = 0; from < CASES; from += 20_000) {
  const to = Math.min(CASES, from + 20_000);
  await db.execute(sql`
    with a as (select id, row_number() over (order by id) - 1 as k, count(*) over () as n from units where kind <> 'region'),
    g as (
      select g, (g % 10 = 0) as open,
        case when g % 10 = 0 then ${today}::date - ((g / 10) % 40) else date '2021-01-04' + (g % 2130) end as recv
      from generate_series(${from + 1}::int, ${to}::int) g)
    insert into request_cases (agency_unit_id, code, applicant_kind, received_on, closed_on, outcome, status, channel,
      applicant_name, applicant_key, description, due_on, created_at, demo)
    select a.id, 'YSQ' || extract(year from recv)::int || upper(substr(md5(g::text), 1, 12)),
      (array['自然人','自然人','自然人','商业企业','科研机构','社会公益组织','法律服务机构','其他'])[1 + (g / 7) % 8],
      case when open and g % 70 = 0 then null else recv end,
      case when open then null when g % 50 = 5 then recv + 31 else recv + 14 + (g % 12) end,
      case when open then null else (array['1','1','2','3.4','3.6','4.1','4.1','5.2','6.1','6.3'])[1 + (g / 10) % 10] end,
      case when open then (case when g % 70 = 0 then '待确认收到' else (array['办理中','办理中','办理中','待补正','征求意见','待缴费','已决定'])[1 + (g / 10) % 7] end) else '已办结' end,
      (array['网上','信函','当面','电子邮件','传真'])[1 + g % 5],
      substr(${SURNAMES}, 1 + (g % 5000) % 20, 1) || substr(${GIVEN}, 1 + ((g % 5000) / 20) % 20, 1) || case when (g % 5000) >= 400 then substr(${GIVEN}, 1 + ((g % 5000) / 400) % 20, 1) else '' end,
      'bench:' || (g % 5000),
      '请公开' || (${sql.raw(`array[${TOPICS.map((x) => `'${x}'`).join(',')}]`)})[1 + g % ${TOPICS.length}::int] || '（第' || g || '号）',
      case when open and g % 70 = 0 then null else recv + 28 end,
      recv + time '09:00' + (g % 3600) * interval '1 second', false
    from g join a on a.k = g % a.n`);
}
// The steady state: PGlite's nightly job and PostgreSQL's autovacuum keep the visibility map and statistics.
await db.execute(sql`vacuum analyze request_cases`);
console.log(`${t.database.kind}: ${CASES} cases written in ${Math.round(performance.now() - t0)} ms (today ${today})`);

const [finance] = (await db.execute(sql`select id from units where short_name = '区财政局'`) as unknown as { rows: { id: string }[] }).rows;
const e = encodeURIComponent;
const filters: [string, string][] = [
  ['no filter', ''],
  ['view=awaiting_receipt', 'view=awaiting_receipt'],
  ['view=due_soon', 'view=due_soon'],
  ['view=overdue', 'view=overdue'],
  ['view=closed_late', 'view=closed_late'],
  ['view=waiting', 'view=waiting'],
  ['status=办理中', `status=${e('办理中')}`],
  ['status=待补正', `status=${e('待补正')}`],
  ['unit 区财政局', `agencyUnitId=${finance.id}`],
  ['applicantKind=法律服务机构', `applicantKind=${e('法律服务机构')}`],
  ['outcome=2', 'outcome=2'],
  ['year=2023', 'year=2023'],
  ['outcome=2&year=2024', 'outcome=2&year=2024'],
  ['year+kind+status', `year=2025&applicantKind=${e('自然人')}&status=${e('已办结')}`],
  ['q=applicant name', `q=${e('张伟')}`],
  ['q=topic words', `q=${e('改造 批复')}`],
  ['q=rare phrase', `q=${e('燃气价格')}`],
  ['q=common char', `q=${e('请')}`],
  ['q=case number', ''], // set per caller: a case it may see (below)
  ['q=code', ''],
  ['q=no match', `q=${e('不存在的内容')}`],
  ['page 50', 'page=50&pageSize=50'],
  ['closed_late + q', `view=closed_late&q=${e('预算')}`],
];
/**
 * The case number and code searched for: one of the caller's own cases — the unit sees only its
 * agency's, so a case picked from all of them would find nothing for it.
 */
async function sampleCase(agencyUnitId?: string) {
  const where = agencyUnitId ? sql`where agency_unit_id = ${agencyUnitId}` : sql``;
  const [c] = (await db.execute(sql`select code, description from request_cases ${where} order by id limit 1`) as unknown as { rows: { code: string; description: string }[] }).rows;
  return { code: c.code, number: /第\d+号/.exec(c.description)![0] };
}
const samples = { office: await sampleCase(), unit: await sampleCase(finance.id) };

const worst: { ms: number; who: string; q: string } = { ms: 0, who: '', q: '' };
for (const [who, client] of [['office', office], ['unit', unit]] as const) {
  const all: number[] = [];
  console.log(`\nas ${who} (${RUNS} requests per filter)`);
  const own = samples[who];
  for (const [label, given] of filters) {
    const q = label === 'q=case number' ? `q=${e(own.number)}` : label === 'q=code' ? `q=${own.code}` : given;
    const times: number[] = [];
    let total = '';
    for (let i = 0; i < RUNS + 3; i++) {
      const s = performance.now();
      const r = await client.request('GET', `/api/requests?${q}`);
      const ms = performance.now() - s;
      if (r.statusCode !== 200) throw new Error(`${q} → ${r.statusCode} ${r.body.slice(0, 200)}`);
      if (i >= 3) times.push(ms); // the first three warm the plan and the cache
      else if (i === 0) total = `${r.json().total}${r.json().totalExact ? '' : '+'}`;
    }
    // a lookup of one of the caller's cases that finds none measures nothing
    if ((label === 'q=case number' || label === 'q=code') && total !== '1') throw new Error(`${who} ${label}: ${total} cases, expected 1`);
    all.push(...times);
    const p95 = pct(times, 95);
    if (p95 > worst.ms) Object.assign(worst, { ms: p95, who, q });
    console.log(`  ${label.padEnd(30)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${total} cases)`);
  }
  console.log(`  ${'all filters'.padEnd(30)} p50 ${pct(all, 50).toFixed(1).padStart(6)} ms   p95 ${pct(all, 95).toFixed(1).padStart(6)} ms`);
}
console.log(`\nslowest: ${worst.who} ${worst.q || '(no filter)'} p95 ${worst.ms.toFixed(1)} ms`);
if (process.env.KEEP_DB) {
  console.log(`kept database: ${(t.database as { url?: string }).url ?? '(in memory)'}`);
  process.exit(0);
}
await t.close();
