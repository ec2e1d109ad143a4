import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, files, planMeasures } from '../../db/schema/index.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

/** Files belong to the unit that uploaded them and to the object they are attached to. */
describe('file access follows the owner', () => {
  let t: TestApp;
  let editor: ApiClient; // 区政府办公室, which owns the 通知公告 column
  let readonlySameUnit: ApiClient;
  let readonlyOtherUnit: ApiClient; // 区教委
  let editorOtherUnit: ApiClient;
  let office: ApiClient;
  let columnId: string;

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    editor = await t.userWith(['editor'], '区政府办公室');
    readonlySameUnit = await t.userWith(['readonly'], '区政府办公室');
    readonlyOtherUnit = await t.userWith(['readonly'], '区教委');
    editorOtherUnit = await t.userWith(['editor'], '区教委');
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(() => t.close());

  const upload = async (client: ApiClient, text: string) => {
    const m = multipartBody({ filename: '附件.txt', data: Buffer.from(text) });
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const draft = (title: string, attachmentIds: string[]) => ({ columnId, title, bodyHtml: '<p>详见附件。</p>', publisher: '重庆市渝中区人民政府办公室', attachmentIds });
  const read = (client: ApiClient, id: string) => client.request('GET', `/api/files/${id}`);

  let draftFile: string;
  let docId: string;

  it('a draft attachment is read by its own unit and the office, and by no other unit (404, as if absent)', async () => {
    draftFile = await upload(editor, '拟公开名单（草稿）');
    const res = await editor.request('POST', '/api/documents', draft('关于2026年第一批项目的公示', [draftFile]));
    expect(res.statusCode).toBe(201);
    docId = res.json().id;
    const [row] = await t.database.db.select().from(files).where(eq(files.id, draftFile));
    expect(row).toMatchObject({ attachedKind: 'document', attachedId: docId });
    expect((await read(readonlySameUnit, draftFile)).statusCode).toBe(200);
    expect((await read(office, draftFile)).statusCode).toBe(200);
    const other = await read(readonlyOtherUnit, draftFile);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('file_not_found');
    // The same answer as for a file that does not exist.
    expect((await read(readonlyOtherUnit, '00000000-0000-4000-8000-000000000000')).json()).toEqual(other.json());
  });

  it('an unattached upload is read by its own unit only', async () => {
    const mine = await upload(editorOtherUnit, '教委内部材料');
    expect((await read(readonlyOtherUnit, mine)).statusCode).toBe(200);
    expect((await read(readonlySameUnit, mine)).statusCode).toBe(404);
  });

  it('refuses to attach another unit’s file, or a file already attached elsewhere (403)', async () => {
    const foreign = await upload(editorOtherUnit, '教委的草稿附件');
    const res = await editor.request('POST', '/api/documents', draft('关于借用他单位附件的测试', [foreign]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('file_not_yours');
    const again = await editor.request('POST', '/api/documents', draft('关于重复附加附件的测试', [draftFile]));
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('file_attached_elsewhere');
    // Nothing was left behind by the refused saves.
    const [row] = await t.database.db.select().from(files).where(eq(files.id, foreign));
    expect(row.attachedId).toBeNull();
    // Saving the document again with its own attachment is fine.
    const { document } = (await editor.request('GET', `/api/documents/${docId}`)).json();
    const resave = await editor.request('PUT', `/api/documents/${docId}`, { ...draft(document.title, [draftFile]), title: '关于2026年第一批项目的公示（修改）' });
    expect(resave.statusCode).toBe(200);
  });

  it('a published document’s attachment is public: any unit through the API, anyone through the portal', async () => {
    const r1 = await t.userWith(['reviewer'], '区政府办公室');
    const r2 = await t.userWith(['reviewer'], '区政府办公室');
    const ap = await t.userWith(['approver'], '区政府办公室');
    expect((await editor.request('POST', `/api/documents/${docId}/submit`)).statusCode).toBe(200);
    expect((await r1.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await r2.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await ap.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', secrecyConfirmed: true })).statusCode).toBe(200);
    expect((await read(readonlyOtherUnit, draftFile)).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `/doc/${docId}/files/${draftFile}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toBe('拟公开名单（草稿）');
  });

  it('progress-report evidence is read by the responsible unit, the lead units and the office only', async () => {
    const preview = (await office.request('GET', `/api/plans/${(await office.request('GET', '/api/plans')).json().items[0].id}/issue-preview`)).json();
    const planId = (await office.request('GET', '/api/plans')).json().items[0].id;
    const selections = Object.fromEntries(preview.selections.map((s: { measureId: string; suggested: string[] }) => [s.measureId, s.suggested.slice(0, 3)]));
    expect((await office.request('POST', `/api/plans/${planId}/issue`, { selections })).statusCode).toBe(200);
    // Lead 区财政局; 区教委 among the responsible units.
    const measure = (await t.database.db.select().from(planMeasures)).find((m) => m.text.includes('信息处理费项目纳入'))!;
    const detail = (await office.request('GET', `/api/measures/${measure.id}`)).json();
    const assignment = detail.assignments.find((a: { unitName: string }) => a.unitName === '区教委');
    const jw = await t.userWith(['liaison'], '区教委');
    const evidence = await upload(jw, '收费目录清单截图说明');
    const report = await jw.request('POST', `/api/assignments/${assignment.id}/reports`, {
      status: 'done',
      summary: '已纳入收费目录清单',
      completedOn: '2021-07-01',
      evidence: [{ kind: 'file', fileId: evidence, name: '收费目录清单.txt' }],
    });
    expect(report.statusCode).toBe(201);
    expect((await read(readonlyOtherUnit, evidence)).statusCode).toBe(200); // 区教委: responsible
    expect((await read(await t.userWith(['readonly'], '区财政局'), evidence)).statusCode).toBe(200); // lead
    expect((await read(office, evidence)).statusCode).toBe(200);
    expect((await read(await t.userWith(['readonly'], '区民政局'), evidence)).statusCode).toBe(404);
    // Evidence stays with its assignment: it cannot be attached to a document, even by the office.
    const taken = await office.request('POST', '/api/documents', draft('关于借用佐证材料的测试', [evidence]));
    expect(taken.json().error.code).toBe('file_attached_elsewhere');
    // Nor can a unit give another unit's upload as its evidence.
    const mz = await t.userWith(['liaison'], '区民政局');
    const mzAssignment = detail.assignments.find((a: { unitName: string }) => a.unitName === '区民政局');
    const borrowed = await mz.request('POST', `/api/assignments/${mzAssignment.id}/reports`, {
      status: 'in_progress',
      summary: '推进中',
      evidence: [{ kind: 'file', fileId: await upload(editorOtherUnit, '教委材料'), name: '材料.txt' }],
    });
    expect(borrowed.statusCode).toBe(403);
    expect(borrowed.json().error.code).toBe('file_not_yours');
  });
});
