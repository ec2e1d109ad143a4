/**
 * The qa module's own path, as `gongkai qa import` and `gongkai qa match --json` take it: a generated
 * bank of 5,000 entries (3 variants each) imported into a fresh database, then 300 questions matched
 * through the library index. Prints the import time, the index build and the matching figures, and
 * how the 300 were decided (a third are an entry's question with only 请问/在/？ added: those should be
 * answered at once by that entry).
 * Run: node --expose-gc --import tsx bench/qa-library.ts   (PGlite; DATABASE_URL=… for PostgreSQL;
 * without --expose-gc the heap figure is left out)
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema/index.ts';
import { importEntries } from '../src/modules/qa/import-entries.ts';
import { libraryIndex } from '../src/modules/qa/library-index.ts';
import type { Actor } from '../src/platform/context.ts';
import type { Role } from '../src/platform/policy.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { createTestDatabase } from '../src/testing/test-db.ts';

const PLACES = ['渝中区', '江北区', '南岸区', '九龙坡区', '沙坪坝区', '大渡口区', '北碚区', '渝北区', '巴南区', '两江新区'];
const TOPICS = ['养老保险', '医疗保险', '失业保险', '公租房', '住房公积金', '低保', '临时救助', '营业执照', '居住证', '创业担保贷款', '稳岗补贴', '高龄津贴', '残疾人补贴', '入学报名', '不动产登记'];
const ASKS = ['怎么申请', '需要什么材料', '在哪里办理', '办理时限是多久', '收费标准是多少', '申请条件是什么', '可以网上办理吗', '找哪个部门'];
const GROUPS = ['', '灵活就业人员', '退役军人', '高校毕业生', '外地户籍人员', '老年人'];

const database = await createTestDatabase();
const { db } = database;
await seedDemo(db, { withPlan: false });
const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
const actor: Actor = { id: admin.id, username: 'admin', name: admin.displayName, unitId: admin.unitId, roles: admin.roles as Role[] };

const rows: string[] = ['id\tquestion\tanswer\tvariants'];
const idOf = new Map<string, string>();
let n = 0;
outer: for (const place of PLACES)
  for (const topic of TOPICS)
    for (const ask of ASKS)
      for (const group of GROUPS) {
        if (n >= 5000) break outer;
        n++;
        const q = `${place}${group}${topic}${ask}`;
        idOf.set(q, `B${n}`);
        const variants = [`${group}${topic}${ask}（${place}）`, `请问${place}的${group}${topic}${ask}`, `${place}${topic}${group ? `${group}` : ''}怎么${ask.replace(/^怎么/, '')}`];
        rows.push(`B${n}\t${q}\t${place}${group}${topic}：${ask}，请咨询${place}相关部门，第${n}号答复。\t"${variants.join('\n')}"`);
      }
const bank = Buffer.from(rows.join('\n') + '\n');

let t0 = performance.now();
const report = await importEntries({ db, actor }, bank, { replace: true });
console.log(`import: ${report.imported} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => (gc?.(), process.memoryUsage().heapUsed);
const index = libraryIndex(db);
const heapBefore = heap();
t0 = performance.now();
await index.fresh();
const buildSeconds = (performance.now() - t0) / 1000;
const heapNote = gc ? `, heap +${((heap() - heapBefore) / 1048576).toFixed(0)} MB` : '';
console.log(`index build: ${buildSeconds.toFixed(1)} s, ${index.size.entries} entries / ${index.size.variants} variants${heapNote}`);

const questions: { q: string; expected: string | null }[] = [];
for (let i = 0; i < 300; i++) {
  const place = PLACES[i % PLACES.length];
  const topic = TOPICS[(i * 7) % TOPICS.length];
  const ask = ASKS[(i * 3) % ASKS.length];
  if (i % 3 === 0) questions.push({ q: `请问在${place}${topic}${ask}？`, expected: idOf.get(`${place}${topic}${ask}`) ?? null });
  else questions.push({ q: i % 3 === 1 ? `${topic}${ask}` : `我在${place}，想问问${topic}的事`, expected: null });
}
const times: number[] = [];
t0 = performance.now();
const decided = { answer: 0, suggest: 0, register: 0 };
let exact = 0;
let exactAnswered = 0;
for (const { q, expected } of questions) {
  const s = performance.now();
  const r = await index.match(q, 10);
  times.push(performance.now() - s);
  decided[r.decision]++;
  if (expected) {
    exact++;
    if (r.decision === 'answer' && index.publicId(r.answerId!) === expected) exactAnswered++;
  }
}
const total = performance.now() - t0;
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
console.log(`match: 300 questions in ${(total / 1000).toFixed(2)} s (p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms)`);
console.log(`decided: ${decided.answer} answered, ${decided.suggest} suggested, ${decided.register} to register; an entry's own question (+请问/在/？) answered by it: ${exactAnswered}/${exact}`);
await database.close();
