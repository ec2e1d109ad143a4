import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, requestEvents } from '../../../db/schema/index.ts';
import { computeSection4 } from '../../reports/compute-section4.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../../testing/test-app.ts';

describe('行政复议 / 行政诉讼 records and the 区司法局 view', () => {
  let t: TestApp;
  let finance: ApiClient;
  let financeEditor: ApiClient;
  let civil: ApiClient;
  let justice: ApiClient;
  let office: ApiClient;
  let caseId = '';
  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.userWith(['responder'], '区财政局');
    financeEditor = await t.userWith(['editor'], '区财政局');
    civil = await t.userWith(['responder'], '区民政局');
    justice = await t.userWith(['justice_stats'], '区司法局');
    office = await t.userWith(['office_admin'], '区政府办公室');
    caseId = (await finance.request('POST', '/api/requests', { applicantKind: '自然人', applicantName: '钱七', channel: '当面', receivedOn: '2025-03-03', items: [{ description: '某项目资金拨付记录' }] })).json().id;
  });
  afterAll(() => t.close());

  it('records reviews linked to cases, with results later, checked and audited; the report counts them', async () => {
    const review = await finance.request('POST', '/api/requests/reviews', { caseId, kind: '行政复议', filedOn: '2025-05-06', organ: '重庆市渝中区人民政府', code: '渝中府复〔2025〕8号' });
    expect(review.statusCode, review.body).toBe(201);
    const id = review.json().id;
    expect(review.json()).toMatchObject({ result: null, kind: '行政复议' });
    const direct = await finance.request('POST', '/api/requests/reviews', { caseId, kind: '直接起诉', filedOn: '2025-06-10', organ: '重庆市渝中区人民法院', result: '纠正', resultOn: '2025-11-20', lessons: '答复说理不充分，应写明不予公开的具体理由' });
    expect(direct.statusCode, direct.body).toBe(201);
    await civil.request('POST', '/api/requests/reviews', { kind: '复议后起诉', filedOn: '2025-08-01', organ: '重庆市第五中级人民法院', result: '维持', resultOn: '2026-01-15' });

    for (const [body, code] of [
      [{ caseId, kind: '行政复议', filedOn: '2025-02-01', organ: '区政府' }, 'filed_before_request'],
      [{ kind: '行政复议', filedOn: '2025-05-06', organ: '区政府', result: '维持' }, 'result_date_required'],
      [{ kind: '行政复议', filedOn: '2025-05-06', organ: '区政府', result: '维持', resultOn: '2025-05-01' }, 'result_before_filing'],
      [{ kind: '行政复议', filedOn: '2025-05-06', organ: '区政府', code: '渝中府复〔2025〕8号' }, 'review_code_exists'],
      [{ kind: '复议', filedOn: '2025-05-06', organ: '区政府' }, 'validation_failed'],
    ] as const)
      expect((await finance.request('POST', '/api/requests/reviews', body)).json().error.code).toBe(code);
    expect((await civil.request('POST', '/api/requests/reviews', { caseId, kind: '行政复议', filedOn: '2025-05-06', organ: '区政府' })).statusCode).toBe(404);
    expect((await financeEditor.request('POST', '/api/requests/reviews', { kind: '行政复议', filedOn: '2025-05-06', organ: '区政府' })).statusCode).toBe(403);

    const upd = await finance.request('PATCH', `/api/requests/reviews/${id}`, { result: '维持', resultOn: '2025-07-30', lessons: '程序合法' });
    expect(upd.json()).toMatchObject({ result: '维持', resultOn: '2025-07-30' });
    expect((await civil.request('PATCH', `/api/requests/reviews/${id}`, { result: '纠正', resultOn: '2025-07-30' })).statusCode).toBe(404);
    expect((await finance.request('PATCH', `/api/requests/reviews/${id}`, { result: null })).json().error.code).toBe('result_required');
    const kinds = (await t.database.db.select({ kind: requestEvents.kind }).from(requestEvents).where(eq(requestEvents.caseId, caseId))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['review_recorded', 'review_result']));
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, 'request_review'))).map((a) => a.action);
    expect(actions.filter((a) => a === 'request.review_record')).toHaveLength(3);
    expect(actions).toContain('request.review_update');

    const mine = (await finance.request('GET', `/api/requests/reviews?year=2025`)).json().items;
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ caseCode: expect.stringMatching(/^YSQ/), agencyName: '重庆市渝中区财政局' });
    expect((await civil.request('GET', `/api/requests/reviews?year=2025`)).json().items).toHaveLength(1);
  });

  it('gives the 区司法局 every agency for a year, figures as section 四 counts them (result as of 31 December)', async () => {
    expect((await finance.request('GET', '/api/requests/reviews/district?year=2025')).statusCode).toBe(403);
    const r = await justice.request('GET', '/api/requests/reviews/district?year=2025');
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.items).toHaveLength(3);
    // 复议 维持 (7/30); 直接起诉 纠正 (11/20); 复议后起诉 维持 but on 2026-01-15: 尚未审结 at 31 December 2025
    expect(v.total).toMatchObject({ review: [1, 0, 0, 0, 1], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 1, 1] });
    expect(v.total).toEqual(await computeSection4(t.database.db, null, 2025));
    const finance2025 = v.agencies.find((a: { agencyName: string }) => a.agencyName === '重庆市渝中区财政局');
    expect(finance2025.figures.review).toEqual([1, 0, 0, 0, 1]);
    expect((await office.request('GET', '/api/requests/reviews/district?year=2026')).json().items).toHaveLength(0);
    // the 司法局's own role reads no other agency's cases
    expect((await justice.request('GET', `/api/requests/${caseId}`)).statusCode).toBe(404);
    expect((await justice.request('POST', '/api/requests/reviews', { kind: '行政复议', filedOn: '2025-05-06', organ: '区政府' })).statusCode).toBe(403);
  });
});
