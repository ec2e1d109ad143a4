import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, requestCases, units } from '../../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { computeSection3 } from './compute-section3.ts';

/** An agency's report from draft to publication, its correction, and who may see and do what. */
describe('the annual report’s lifecycle', () => {
  let t: TestApp;
  let finance: string;
  let liaison: ApiClient;
  let otherLiaison: ApiClient;
  let reviewer: ApiClient;
  let office: ApiClient;
  const url = () => `/api/reports/annual/${finance}/2021`;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: finance }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区财政局'));
    await t.database.db.update(units).set({ code: '11500103MB1234567X' }).where(eq(units.id, finance));
    liaison = await t.userWith(['liaison'], '区财政局');
    otherLiaison = await t.userWith(['liaison'], '区教委');
    reviewer = await t.userWith(['reviewer'], '区财政局');
    office = await t.userWith(['office_admin'], '区政府办公室');
    await t.database.db.insert(requestCases).values([
      { agencyUnitId: finance, code: 'F-1', applicantKind: '自然人', receivedOn: '2021-03-01', closedOn: '2021-03-15', outcome: '1' },
      { agencyUnitId: finance, code: 'F-2', applicantKind: '商业企业', receivedOn: '2021-12-20', closedOn: null, outcome: null },
    ]);
  });
  afterAll(() => t.close());

  it('computes the tables for a report not yet written, with its deadline', async () => {
    const res = await liaison.request('GET', url());
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'none', version: 0, dueDate: '2022-01-31' });
    expect(r.figures.section3.rows.new).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(r.figures.checks.balanced).toBe(true);
  });

  it('keeps an agency’s report to the agency and the office', async () => {
    expect((await otherLiaison.request('GET', url())).statusCode).toBe(403);
    expect((await otherLiaison.request('PUT', url(), { texts: { overview: 'x' } })).statusCode).toBe(403);
    expect((await liaison.request('GET', '/api/reports/annual?year=2021')).statusCode).toBe(403);
    expect((await office.request('GET', url())).statusCode).toBe(200);
  });

  it('refuses bad figures with a clear message', async () => {
    const res = await liaison.request('PUT', url(), { entered: { permits: -3 } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('不能为负数');
  });

  it('drafts, reviews, publishes into the 年报 column, freezes the figures, and corrects with a new version', async () => {
    const save = await liaison.request('PUT', url(), { texts: { overview: '2021年，区财政局认真贯彻落实《条例》。', problems: '一是解读形式单一。' }, entered: { permits: 12, penalties: 3, enforcement: 0, feesWan: 1.5, sources: '区政务服务中心统计' } });
    expect(save.statusCode).toBe(200);
    expect(save.json()).toMatchObject({ version: 1, status: 'draft' });
    expect((await liaison.request('POST', `${url()}/publish`)).json().error.code).toBe('forbidden');
    expect((await reviewer.request('POST', `${url()}/publish`)).json().error.code).toBe('report_not_reviewed');
    expect((await reviewer.request('POST', `${url()}/review`)).json().status).toBe('reviewed');
    const pub = await reviewer.request('POST', `${url()}/publish`);
    expect(pub.statusCode).toBe(200);
    const { documentId } = pub.json();
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({ status: 'published', siteUnitId: finance });
    expect(doc.title).toContain('2021年政府信息公开工作年度报告');
    expect(doc.bodyHtml).toContain('<caption>收到和处理政府信息公开申请情况</caption>');
    expect(doc.bodyHtml).toMatch(/<th[^>]*rowspan="22"/);
    expect(doc.bodyText).toContain('行政事业性收费');
    // The portal shows it.
    const page = await t.app.inject({ method: 'GET', url: `/doc/${documentId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('行政事业性收费');
    // Frozen: a case closed later does not change the published figures…
    await t.database.db.update(requestCases).set({ closedOn: '2021-12-28', outcome: '2' }).where(eq(requestCases.code, 'F-2'));
    const after = (await liaison.request('GET', url())).json();
    expect(after.status).toBe('published');
    expect(after.figures.section3.rows['2']).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect((await liaison.request('PUT', url(), { texts: {} })).json().error.code).toBe('report_published');
    // …until a correction, which says why and is published again in place.
    expect((await reviewer.request('POST', `${url()}/correct`, { note: '' })).statusCode).toBe(400);
    expect((await reviewer.request('POST', `${url()}/correct`, { note: '补录12月28日办结的申请' })).json()).toMatchObject({ version: 2, status: 'draft' });
    await reviewer.request('POST', `${url()}/review`);
    const again = await reviewer.request('POST', `${url()}/publish`);
    expect(again.json()).toMatchObject({ version: 2, status: 'published', documentId });
    const v2 = (await liaison.request('GET', url())).json();
    expect(v2.figures.section3.rows['2']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(v2.versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'published']);
    const [doc2] = await t.database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc2.bodyText).toContain('补录12月28日办结的申请');
  });

  it('downloads the Word report', async () => {
    const res = await liaison.request('GET', `${url()}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the office every agency side by side with the district sum', async () => {
    const res = await office.request('GET', '/api/reports/annual?year=2021');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    const row = o.rows.find((r: { agencyUnitId: string }) => r.agencyUnitId === finance);
    expect(row).toMatchObject({ status: 'published', new: 2, closed: 2, forward: 0, dueDate: '2022-01-31' });
    expect(o.sum.new).toBeGreaterThanOrEqual(2);
    // The sum is the district-wide section 三 (every case classified here).
    const district = await computeSection3(t.database.db, null, 2021);
    expect(o.sum).toEqual({ new: district.rows.new[6], carried: district.rows.carried[6], closed: district.rows.total[6], forward: district.rows.forward[6] });
    const region = o.rows.find((r: { dueDate: string }) => r.dueDate === '2022-03-31');
    expect(region).toBeTruthy();
  });
});

describe('reminders of last year’s reports', () => {
  it('reminds an agency 10 and 3 days before its deadline and tells the office the day after it passes', async () => {
    const t = await createTestApp();
    try {
      const { sendReportReminders } = await import('./send-report-reminders.ts');
      const { notifications } = await import('../../db/schema/index.ts');
      await t.userWith(['liaison'], '区财政局');
      await t.userWith(['office_admin'], '区政府办公室');
      expect(await sendReportReminders(t.database.db, '2022-01-21')).toBeGreaterThan(0);
      expect(await sendReportReminders(t.database.db, '2022-01-28')).toBeGreaterThan(0);
      expect(await sendReportReminders(t.database.db, '2022-01-22')).toBe(0);
      const overdue = await sendReportReminders(t.database.db, '2022-02-01');
      expect(overdue).toBeGreaterThan(0);
      const rows = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'report.overdue'));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0].title).toContain('已超过发布期限（2022-01-31）');
      // The district government's own report, published in the demo, is due 31 March and never reminded.
      const march = await sendReportReminders(t.database.db, '2022-03-21');
      expect(march).toBe(0);
    } finally {
      await t.close();
    }
  });
});
