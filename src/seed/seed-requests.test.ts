import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { annualReports, documents, requestCases, requestReviews, units } from '../db/schema/index.ts';
import { computeAnnualFigures } from '../modules/reports/compute-annual-report.ts';
import { ROOT } from '../paths.ts';
import { DEMO_HISTORY } from './seed-reports.ts';
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

  it('imports the 2021 ledgers and publishes the district government report computed from them, dated before the deadline', async () => {
    const db = database.db;
    const [district] = await db.select().from(units).where(eq(units.shortName, DEMO_HISTORY.agency));
    const [report] = await db.select().from(annualReports).where(and(eq(annualReports.agencyUnitId, district.id), eq(annualReports.year, 2021)));
    expect(report.status).toBe('published');
    const figures = await computeAnnualFigures(db, district.id, 2021);
    expect(report.figures).toEqual(figures);
    expect(figures.checks.balanced).toBe(true);
    // Hand count from demo-request-ledger-2021.csv: 渝中区 rows received in 2021, and the one from December 2020 closed in 2021.
    const csv = fs.readFileSync(path.join(ROOT, DEMO_HISTORY.requests), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const mine = csv.filter((c) => c[1] === '渝中区');
    expect(figures.section3.rows.new[6]).toBe(mine.filter((c) => c[3].startsWith('2021')).length);
    expect(figures.section3.rows.carried[6]).toBe(mine.filter((c) => c[3] < '2021' && c[4] >= '2021').length);
    expect(figures.section3.rows.forward[6]).toBe(mine.filter((c) => c[3] <= '2021-12-31' && c[4] > '2021-12-31').length);
    const [doc] = await db.select().from(documents).where(eq(documents.id, report.documentId!));
    expect(doc.publishedAt!.toISOString().slice(0, 10)).toBe('2022-01-28');
    const [{ n: notDemo }] = await db.select({ n: count() }).from(requestCases).where(eq(requestCases.demo, false));
    expect(notDemo).toBe(0);
  });
});
