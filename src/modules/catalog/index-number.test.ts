import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents, units } from '../../db/schema/index.ts';
import { agencyCodeProblem, normalizeAgencyCode } from '../../platform/units/agency-code.ts';
import { demoAgencyCode } from '../../seed/demo-district.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { ensureColumnPath } from './column-paths.ts';

/** 索引号 carries the agency's real 机构代码: never a stand-in, and nothing goes up for publication without it. */
describe('索引号 and the agency code', () => {
  let t: TestApp;
  let office: ApiClient;
  const draft = { title: '关于印发渝中区2021年教育督导工作要点的通知', bodyHtml: '<p>现将工作要点印发给你们。</p>', publisher: '重庆市渝中区教育委员会', writtenOn: '2021-03-02' };

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(() => t.close());

  const unitByShort = async (short: string) => (await t.database.db.select().from(units).where(eq(units.shortName, short)))[0];

  it('checks a code the office enters: 统一社会信用代码 or 组织机构代码, check characters verified', async () => {
    expect(agencyCodeProblem('91110000600037341L')).toBeNull();
    expect(agencyCodeProblem('D2143569X')).toBeNull();
    expect(normalizeAgencyCode(' d2143569-x ')).toBe('D2143569X');
    expect(agencyCodeProblem('91110000600037341K')).toMatch(/校验位不符/);
    expect(agencyCodeProblem('D21435691')).toMatch(/校验码不符/);
    expect(agencyCodeProblem('YZ1572E0ED')).toMatch(/18 位统一社会信用代码或 9 位组织机构代码/);
    // Every demo unit has a valid code of its own.
    const all = await t.database.db.select({ code: units.code }).from(units);
    expect(all.every((u) => u.code && agencyCodeProblem(u.code) === null)).toBe(true);
    expect(new Set(all.map((u) => u.code)).size).toBe(all.length);

    const jw = await unitByShort('区教委');
    const bad = await office.request('PATCH', `/api/units/${jw.id}`, { code: '11500103009359347P' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('统一社会信用代码校验位不符，请核对');
    const ok = await office.request('PATCH', `/api/units/${jw.id}`, { code: 'd2143569-x' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().code).toBe('D2143569X');
  });

  it('numbers a draft with its site agency’s code and the year it was written', async () => {
    const editor = await t.userWith(['editor'], '区政府办公室');
    const [tzgg] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    const region = (await t.database.db.select().from(units).where(eq(units.kind, 'region')))[0];
    expect(region.code).toBe(demoAgencyCode(0));
    const res = await editor.request('POST', '/api/documents', { ...draft, publisher: '重庆市渝中区人民政府办公室', columnId: tzgg.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().indexNo).toMatch(new RegExp(`^${region.code}/2021-\\d{5}$`));
  });

  it('gives a draft of an agency without a code no number, refuses to send it for review, and numbers it once the code is entered', async () => {
    const jw = await unitByShort('区教委');
    expect((await office.request('PATCH', `/api/units/${jw.id}`, { code: '' })).json().code).toBeNull();
    const column = await ensureColumnPath(t.database.db, jw.id, ['政府信息公开', '法定主动公开内容', '通知公告']);
    const editor = await t.userWith(['editor'], '区教委');
    const created = await editor.request('POST', '/api/documents', { ...draft, columnId: column.id });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().indexNo).toBeNull();

    const refused = await editor.request('POST', `/api/documents/${id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('agency_code_missing');
    expect(refused.json().error.message).toContain('重庆市渝中区教育委员会尚未登记机构代码');
    expect(refused.json().error.message).toContain('单位管理');
    const [still] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(still).toMatchObject({ status: 'draft', indexNo: null });

    expect((await office.request('PATCH', `/api/units/${jw.id}`, { code: '91110000600037341L' })).statusCode).toBe(200);
    const sent = await editor.request('POST', `/api/documents/${id}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    const [numbered] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(numbered.status).toBe('in_review');
    expect(numbered.indexNo).toMatch(/^91110000600037341L\/2021-\d{5}$/);
  });
  it('a document already in review without a number (sent before numbers waited for the code) is numbered at 终审, or refused', async () => {
    const jw = await unitByShort('区教委');
    const column = await ensureColumnPath(t.database.db, jw.id, ['政府信息公开', '法定主动公开内容', '通知公告']);
    const editor = await t.userWith(['editor'], '区教委');
    const id = (await editor.request('POST', '/api/documents', { ...draft, title: '关于做好2021年秋季学期开学工作的通知', columnId: column.id })).json().id as string;
    expect((await editor.request('POST', `/api/documents/${id}/submit`)).statusCode).toBe(200);
    // As the migration leaves a draft numbered with the old stand-in: no number, and the code gone again.
    await t.database.db.update(documents).set({ indexNo: null }).where(eq(documents.id, id));
    expect((await office.request('PATCH', `/api/units/${jw.id}`, { code: null })).statusCode).toBe(200);
    for (const role of ['reviewer', 'reviewer'] as const) {
      const r = await t.userWith([role], '区教委');
      expect((await r.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    }
    const approver = await t.userWith(['approver'], '区教委');
    const refused = await approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('agency_code_missing');
    expect((await t.database.db.select().from(documents).where(eq(documents.id, id)))[0]).toMatchObject({ status: 'in_review', indexNo: null, publishedAt: null });

    expect((await office.request('PATCH', `/api/units/${jw.id}`, { code: 'D2143569-X' })).statusCode).toBe(200);
    const published = await approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true });
    expect(published.statusCode, published.body).toBe(200);
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(row.status).toBe('published');
    expect(row.indexNo).toMatch(/^D2143569X\/2021-\d{5}$/);
  });
});
