import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { requestCases, requestReviews } from '../db/schema/index.ts';
import { OUTCOME_CODES } from '../modules/requests/outcomes.ts';
import { REQUEST_STATUSES } from '../modules/requests/statuses.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { seedDemo } from './seed-demo.ts';
import { seedRequests } from './seed-requests.ts';

describe('the 示例 requests of the demo district', () => {
  let database: Database & { close(): Promise<void> };
  beforeAll(async () => {
    database = (await createTestDatabase()) as never;
    await seedDemo(database.db, { withPlan: false, withRequests: true });
  });
  afterAll(() => database.close());

  it('cover every outcome row for both applicant groups in 2025, every state, both year boundaries, and every review result', async () => {
    const db = database.db;
    const closed2025 = await db.select({ outcome: requestCases.outcome, kind: requestCases.applicantKind }).from(requestCases).where(sql`${requestCases.closedOn} between '2025-01-01' and '2025-12-31'`);
    for (const code of OUTCOME_CODES) {
      expect(closed2025.some((c) => c.outcome === code && c.kind === '自然人'), `${code} 自然人`).toBe(true);
      expect(closed2025.some((c) => c.outcome === code && c.kind !== '自然人'), `${code} 法人`).toBe(true);
    }
    expect(new Set(closed2025.map((c) => c.kind)).size).toBe(6);
    const statuses = (await db.selectDistinct({ s: requestCases.status }).from(requestCases)).map((r) => r.s);
    for (const s of REQUEST_STATUSES.filter((x) => x !== '已转办')) expect(statuses).toContain(s);
    const [{ n: carriedIn }] = await db.select({ n: count() }).from(requestCases).where(sql`${requestCases.receivedOn} < '2025-01-01' and ${requestCases.closedOn} >= '2025-01-01'`);
    const [{ n: carriedOut }] = await db.select({ n: count() }).from(requestCases).where(sql`${requestCases.receivedOn} <= '2025-12-31' and ${requestCases.closedOn} > '2025-12-31'`);
    expect(carriedIn).toBeGreaterThan(0);
    expect(carriedOut).toBeGreaterThan(0);
    const results = (await db.selectDistinct({ r: requestReviews.result }).from(requestReviews)).map((r) => r.r);
    expect(results).toEqual(expect.arrayContaining(['维持', '纠正', '其他', null]));
    const [{ n: notDemo }] = await db.select({ n: count() }).from(requestCases).where(eq(requestCases.demo, false));
    expect(notDemo).toBe(0);
    expect(await seedRequests(db)).toBe(0);
  });
});
