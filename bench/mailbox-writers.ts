/**
 * 50 concurrent public writers (distinct addresses, the challenge off as for integrations), each
 * posting one message, then 50 posting the same form token twice at once: no error, no message lost
 * or doubled.
 *   npx tsx bench/mailbox-writers.ts
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/mailbox-writers.ts
 */
import { sql } from 'drizzle-orm';
import { createTestApp } from '../src/testing/test-app.ts';

const WRITERS = 50;
const t = await createTestApp({ PUBLIC_FORM_CHALLENGE: 'off' }, { withPlan: false });
const post = (i: number, token?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/messages',
    remoteAddress: `10.1.${Math.floor(i / 200)}.${i % 200}`,
    payload: { type: '建议', title: `并发写信 ${i}`, body: `第 ${i} 位写信人的建议内容。`, name: '测试', phone: '13800000000', ...(token && { submissionToken: token }) },
  });
let s = performance.now();
const first = await Promise.all(Array.from({ length: WRITERS }, (_, i) => post(i)));
const msA = performance.now() - s;
s = performance.now();
const twice = await Promise.all(Array.from({ length: WRITERS }, (_, i) => [post(1000 + i, `bench-token-${i}-abcdefghijkl`), post(1000 + i, `bench-token-${i}-abcdefghijkl`)]).flat());
const msB = performance.now() - s;
const errors = [...first, ...twice].filter((r) => r.statusCode !== 200);
const codes = new Set(first.map((r) => r.json().code));
const pairs = Array.from({ length: WRITERS }, (_, i) => twice[2 * i].json().code === twice[2 * i + 1].json().code).filter(Boolean).length;
const [{ n }] = (await t.database.db.execute(sql`select count(*)::int as n from mailbox_messages where title like '并发写信 %'`) as unknown as { rows: { n: number }[] }).rows;
console.log(`${t.database.kind}: ${WRITERS} writers in ${msA.toFixed(0)} ms, ${WRITERS} double submissions in ${msB.toFixed(0)} ms`);
console.log(`  errors ${errors.length}, distinct codes ${codes.size}/${WRITERS}, identical pairs ${pairs}/${WRITERS}, rows ${n} (expected ${2 * WRITERS})`);
await t.close();
