/**
 * Public search over 100,000 documents: generates a realistic catalog (bench/search-corpus.ts) with
 * bulk inserts into a fresh database, indexing each document with the same functions publishing uses
 * (indexTerms via searchVectorSql), then times 200 searches through the JSON API's function
 * (searchDocuments): one character, two-character words, longer words, document numbers, latin and
 * digits, filters and date order. Prints p50/p95 and the database size. Target: p95 < 30 ms.
 *   npx tsx bench/search-scale.ts                                   # PGlite in a temp data directory
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/search-scale.ts   # a new database on that server
 *   DOCS=20000 npx tsx bench/search-scale.ts                        # fewer documents
 *   SEARCH_BENCH_DIR=/tmp/gk-search (PGlite) or SEARCH_BENCH_DB=gk_bench_search (PostgreSQL) keep the loaded
 *   catalog for the next run; PGLITE_SHARED_BUFFERS_MB as for the server (unset: sized from the data, see
 *   src/db/pglite-buffers.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations, type Database } from '../src/db/client.ts';
import { catalogColumns, documents, units } from '../src/db/schema/index.ts';
import { bodyText, sanitizeBody, searchVectorSql } from '../src/modules/catalog/document-content.ts';
import { COUNT_CAP, MAX_WALK, RANK_WINDOW, searchDocuments, type SearchParams } from '../src/modules/catalog/public/search-documents.ts';
import { pinnedRows } from '../src/modules/catalog/public/pinned-query.ts';
import { newestVisible, VISIBLE } from '../src/modules/catalog/public/sql.ts';
import { estimateShare, termStats } from '../src/modules/catalog/public/term-stats.ts';
import { queryTerms, tsqueryLiteral } from '../src/modules/catalog/search-terms.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { makeDoc, rng, TOPICS } from './search-corpus.ts';

const DOCS = Number(process.env.DOCS ?? 100_000);
const BATCH = 250;
const url = process.env.DATABASE_URL;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
const rows = async <T>(db: Database['db'], q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** As the server opens it: PGLITE_SHARED_BUFFERS_MB if set, else buffers sized from the data (src/db/pglite-buffers.ts). */
const openPglite = (dir: string) => openDatabase({ dataDir: dir, sharedBuffersMb: process.env.PGLITE_SHARED_BUFFERS_MB ? Number(process.env.PGLITE_SHARED_BUFFERS_MB) : undefined });

// A fresh database: PGlite in a temp directory (so its size on disk can be measured), or a new database on the server.
let database: Database;
let cleanup: () => Promise<void>;
let dataDir: string | null = null;
if (url) {
  const { default: pg } = await import('pg');
  // SEARCH_BENCH_DB keeps a loaded database between runs (it is loaded only when empty).
  const keep = process.env.SEARCH_BENCH_DB;
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('SEARCH_BENCH_DB: a plain database name');
  const name = keep ?? `gk_bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name} template template0 encoding 'UTF8' locale 'C.UTF-8'`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  database = await openDatabase({ url: u.toString(), dataDir: null });
  cleanup = async () => {
    await database.close();
    if (keep) return;
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
} else {
  // SEARCH_BENCH_DIR keeps a loaded directory between runs (it is loaded only when empty).
  const keep = process.env.SEARCH_BENCH_DIR;
  dataDir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-search-'));
  database = await openPglite(dataDir);
  cleanup = async () => {
    await database.close();
    if (!keep) fs.rmSync(dataDir!, { recursive: true, force: true });
  };
}
let db = database.db;
const kind = database.kind;
console.log(`search-scale[${kind}] ${DOCS} documents`);

try {
  await runMigrations(database);
  const [{ n: already }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from documents`);
  if (!already) {
    await load();
    // Reopened as the server would open this directory: its buffers are sized from the data now there.
    if (dataDir) {
      await database.close();
      database = await openPglite(dataDir);
      db = database.db;
    }
  }
  async function load() {
    await seedDemo(db, { withPlan: true });
    const cols = await db.select({ id: catalogColumns.id, siteUnitId: catalogColumns.siteUnitId, slug: catalogColumns.slug }).from(catalogColumns);
    const [region] = await db.select({ id: units.id }).from(units).where(sql`${units.kind} = 'region'`);
    const districtCols = cols.filter((c) => c.siteUnitId === region.id);
    const unitCols = cols.filter((c) => c.siteUnitId !== region.id);

    // Bulk load without the GIN index, then build it once: what an import of an existing site would do.
    await db.execute(sql`drop index if exists documents_search_idx`);
    const r = rng(20210604);
    const now = new Date();
    const t0 = performance.now();
    for (let i = 0; i < DOCS; i += BATCH) {
      const batch = [];
      for (let k = i; k < Math.min(DOCS, i + BATCH); k++) {
        const d = makeDoc(r, now);
        const col = r() < 0.8 ? districtCols[Math.floor(r() * districtCols.length)] : unitCols[Math.floor(r() * unitCols.length)];
        const html = sanitizeBody(d.body);
        const text = bodyText(html);
        const indexNo = `BENCH${String(k % 97).padStart(2, '0')}/${d.year}-${String(k).padStart(6, '0')}`;
        batch.push({
          columnId: col.id,
          siteUnitId: col.siteUnitId,
          title: d.title,
          bodyHtml: html,
          bodyText: text,
          indexNo,
          publisher: '重庆市渝中区人民政府办公室',
          writtenOn: d.publishedAt.toISOString().slice(0, 10),
          docNumber: d.docNumber,
          topic: d.topic,
          validity: d.validity,
          status: d.status,
          publishedAt: d.status === 'draft' ? null : d.publishedAt,
          withdrawnAt: d.status === 'withdrawn' ? now : null,
          withdrawnReason: d.status === 'withdrawn' ? '基准测试撤稿' : null,
          searchVector: d.status === 'draft' ? null : searchVectorSql({ title: d.title, docNumber: d.docNumber, indexNo }, text),
        });
      }
      await db.insert(documents).values(batch);
      if ((i / BATCH) % 40 === 0) process.stderr.write(`  ${i + batch.length} / ${DOCS} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
    const loadS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await db.execute(sql`create index documents_search_idx on documents using gin (search_vector)`);
    await db.execute(sql`vacuum analyze documents`);
    const indexS = (performance.now() - t1) / 1000;
    console.log(`search-scale[${kind}] load ${loadS.toFixed(0)} s (${(DOCS / loadS).toFixed(0)} docs/s incl. indexing terms), GIN build + vacuum analyze ${indexS.toFixed(1)} s`);
  }
  const docNumbers = (await rows<{ n: string }>(db, sql`select doc_number as n from documents where doc_number is not null and index_no like 'BENCH%' order by index_no limit 40`)).map((r) => r.n);

  // 200 searches, a fixed mix.
  const q = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(q() * xs.length)];
  const ONE = ['政', '区', '公', '档', '税', '医', '粮', '鑫', '教', '安'];
  const TWO = ['预算', '公开', '环境', '教育', '养老', '停车', '档案', '救助', '热线', '审计', '防汛', '招商', '普查', '志愿'];
  const LONG = ['政务公开', '优化营商环境', '老旧小区改造', '行政执法', '一网通办', '垃圾分类工作', '政府采购管理办法', '法治政府建设实施意见', '稳岗补贴', ...TOPICS.slice(0, 10)];
  const LATIN = ['APP', '5G', 'WiFi', '12345', '2021', 'wifi 5g', 'PM2', 'covid'];
  const mix: { cat: string; p: SearchParams }[] = [];
  const slugs = ['xxgk', 'fdzdgknr', 'tzgg', 'gzdt', 'ml'];
  for (let i = 0; i < 200; i++) {
    const c = i % 10;
    if (c < 2) mix.push({ cat: '1-char', p: { q: pick(ONE) } });
    else if (c < 4) mix.push({ cat: '2-char', p: { q: pick(TWO) } });
    else if (c < 6) mix.push({ cat: 'longer', p: { q: pick(LONG) } });
    else if (c === 6) mix.push({ cat: 'doc-number', p: { q: pick(docNumbers) } });
    else if (c === 7) mix.push({ cat: 'latin/digits', p: { q: pick(LATIN) } });
    else if (c === 8) mix.push({ cat: 'filtered', p: { q: pick([...ONE, ...TWO, ...LONG]), year: 2015 + Math.floor(q() * 12), column: pick(slugs) } });
    else mix.push({ cat: 'date/page', p: { q: pick([...ONE, ...TWO, ...LONG]), sort: 'date', page: 1 + Math.floor(q() * 3) } });
  }
  for (const m of mix.slice(0, 30)) await searchDocuments(db, m.p); // warm-up
  const times: number[] = [];
  const slowest: { ms: number; p: SearchParams }[] = [];
  const byCat = new Map<string, number[]>();
  const totals = new Map<string, number[]>();
  for (const m of mix) {
    const s = performance.now();
    const res = await searchDocuments(db, m.p);
    const ms = performance.now() - s;
    times.push(ms);
    slowest.push({ ms, p: m.p });
    byCat.set(m.cat, [...(byCat.get(m.cat) ?? []), ms]);
    totals.set(m.cat, [...(totals.get(m.cat) ?? []), res.total]);
  }
  for (const [cat, xs] of byCat)
    console.log(`  ${cat.padEnd(13)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  max ${Math.max(...xs).toFixed(1).padStart(6)} ms  hits median ${pct(totals.get(cat)!, 50)}`);
  console.log(`search-scale[${kind}] 200 searches: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target p95 < 30 ms)`);
  // The tail, for whoever works on it next.
  const tail = slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  console.log(`  slowest: ${tail.map((x) => `${x.ms.toFixed(0)} ms ${JSON.stringify(x.p)}`).join('; ')}`);
  const tracked = await termStats(db);
  const [{ shared_buffers: buffers }] = await rows<{ shared_buffers: string }>(db, sql`show shared_buffers`);
  console.log(`  (shared_buffers ${buffers}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; the planner's statistics track ${tracked?.freq.size ?? 0} search terms)`);

  // The plans the searches run (see pinned-query.ts): the GIN index answers the match, except for a term most documents hold.
  const stats = await termStats(db);
  for (const text of ['政', '公开', '档案', docNumbers[0] ?? '渝中府办发〔2021〕12号', 'wifi']) {
    const terms = queryTerms(text);
    const tsq = tsqueryLiteral(terms);
    const share = stats ? estimateShare(terms, stats) : null;
    const expected = stats ? share! * stats.indexed : null;
    const frequent = expected !== null && expected > COUNT_CAP && RANK_WINDOW / share! <= MAX_WALK;
    const where = frequent ? sql`d.search_vector @@ ${tsq}::tsquery` : sql`d.search_vector @@ (select ${tsq}::tsquery)`;
    // As searchDocuments runs them: the walk as one statement, the count as a prepared one (PGlite).
    const query = frequent
      ? newestVisible(sql.raw('d.id, d.title, (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs"'), where, RANK_WINDOW)
      : sql`select d.id, d.title, d.doc_number as "docNumber", d.index_no as "indexNo", (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs" from documents d where ${where} and ${VISIBLE} limit ${COUNT_CAP + 1}`;
    // A prepared statement is planned afresh its first five times; the sixth shows the plan it keeps.
    let plan: { 'QUERY PLAN': string }[] = [];
    for (let i = 0; i < (frequent ? 1 : 6); i++) plan = await pinnedRows<{ 'QUERY PLAN': string }>(db, frequent ? 'ordered' : 'bitmap', query, { prepared: !frequent, explain: 'analyze, costs off, timing off' });
    const lines = plan.map((p) => p['QUERY PLAN'].trim().replace(/\s+/g, ' ')).filter((l) => /Scan|Filtered/.test(l));
    console.log(`  plan for ${text} (${frequent ? 'common: date index' : 'GIN'}, expected ${expected === null ? '?' : Math.round(expected)}): ${lines.slice(0, 3).join(' | ')}`);
  }

  const [size] = await rows<{ bytes: number }>(db, sql`select pg_database_size(current_database())::float8 as bytes`);
  const [tbl] = await rows<{ t: number; i: number }>(db, sql`select pg_total_relation_size('documents')::float8 as t, pg_relation_size('documents_search_idx')::float8 as i`);
  let disk = '';
  if (dataDir) {
    await database.db.execute(sql`checkpoint`);
    const du = (p: string): number => fs.readdirSync(p, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? du(path.join(p, e.name)) : fs.statSync(path.join(p, e.name)).size), 0);
    disk = `, data directory ${(du(dataDir) / 1048576).toFixed(0)} MB on disk`;
  }
  console.log(`search-scale[${kind}] database ${(size.bytes / 1048576).toFixed(0)} MB (documents incl. TOAST and indexes ${(tbl.t / 1048576).toFixed(0)} MB, GIN ${(tbl.i / 1048576).toFixed(0)} MB)${disk}`);
} finally {
  await cleanup();
}
