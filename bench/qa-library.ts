/**
 * The qa module's own path, as `gongkai qa import` and `gongkai qa match --json` take it: a generated
 * bank of 5,000 entries (3 variants each) imported into a fresh database, then 300 questions matched
 * through the library index. Prints the import time, the index build and the matching figures.
 * Run: npx tsx bench/qa-library.ts   (PGlite; DATABASE_URL=… for PostgreSQL)
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
let n = 0;
outer: for (const place of PLACES)
  for (const topic of TOPICS)
    for (const ask of ASKS)
      for (const group of GROUPS) {
        if (n >= 5000) break outer;
        n++;
        const q = `${place}${group}${topic}${ask}`;
        const variants = [`${group}${topic}${ask}（${place}）`, `请问${place}的${group}${topic}${ask}`, `${place}${topic}${group ? `${group}` : ''}怎么${ask.replace(/^怎么/, '')}`];
        rows.push(`B${n}\t${q}\t${place}${group}${topic}：${ask}，请咨询${place}相关部门，第${n}号答复。\t"${variants.join('\n')}"`);
      }
const bank = Buffer.from(rows.join('\n') + '\n');

let t0 = performance.now();
const report = await importEntries({ db, actor }, bank, { replace: true });
console.log(`import: ${report.imported} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const index = libraryIndex(db);
t0 = performance.now();
const heapBefore = process.memoryUsage().heapUsed;
await index.fresh();
console.log(`index build: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${index.size.entries} entries / ${index.size.variants} variants, heap +${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(0)} MB`);

const questions: string[] = [];
for (let i = 0; i < 300; i++) {
  const place = PLACES[i % PLACES.length];
  const topic = TOPICS[(i * 7) % TOPICS.length];
  const ask = ASKS[(i * 3) % ASKS.length];
  questions.push(i % 3 === 0 ? `请问在${place}${topic}${ask}？` : i % 3 === 1 ? `${topic}${ask}` : `我在${place}，想问问${topic}的事`);
}
const times: number[] = [];
t0 = performance.now();
for (const q of questions) {
  const s = performance.now();
  await index.match(q, 10);
  times.push(performance.now() - s);
}
const total = performance.now() - t0;
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
console.log(`match: 300 questions in ${(total / 1000).toFixed(2)} s (p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms)`);
await database.close();
