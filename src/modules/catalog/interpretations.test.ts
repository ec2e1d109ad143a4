import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumnMeasures, catalogColumns, units } from '../../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { ensureColumnPath } from './column-paths.ts';

interface Linked {
  id: string;
  title: string | null;
  status: string;
  form: string;
  columnName: string;
  canUnlink: boolean;
}

/** What the editor's 政策解读 panel and the measure page's 公开情况 card read. */
describe('interpretations both ways in the editor, and a measure’s disclosure proof by path', () => {
  let t: TestApp;
  let editor: ApiClient;
  let office: ApiClient;
  let finance: ApiClient;
  let columnId: string;
  let policyId: string;
  let interpId: string;
  let foreignId: string;

  const draft = { title: '关于印发渝中区政务公开监督员管理办法的通知', bodyHtml: '<p>现印发给你们。</p>', publisher: '重庆市渝中区人民政府办公室', writtenOn: '2021-07-01' };

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    editor = await t.userWith(['editor'], '区政府办公室');
    office = await t.userWith(['office_admin'], '区政府办公室');
    finance = await t.userWith(['editor'], '区财政局');
    policyId = (await editor.request('POST', '/api/documents', { ...draft, columnId })).json().id;
    interpId = (await editor.request('POST', '/api/documents', { ...draft, columnId, title: '图解：政务公开监督员管理办法' })).json().id;
    // 区财政局's own page, where its editor drafts an interpretation of the district's policy.
    const [fin] = await t.database.db.select().from(units).where(eq(units.shortName, '区财政局'));
    const col = await ensureColumnPath(t.database.db, fin.id, ['政策解读', '文字']);
    foreignId = (await finance.request('POST', '/api/documents', { ...draft, columnId: col.id, title: '解读：监督员管理办法（财政局草稿，申请人王某）', publisher: '重庆市渝中区财政局' })).json().id;
  });
  afterAll(() => t.close());

  const get = async (c: ApiClient, id: string) => {
    const res = await c.request('GET', `/api/documents/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { interpretations: Linked[]; interprets: Linked[] };
  };

  it('shows no links on a fresh document', async () => {
    expect(await get(editor, policyId)).toMatchObject({ interpretations: [], interprets: [] });
  });

  it('shows a link on both documents: the interpretation with its form on the policy, the policy on the interpretation', async () => {
    expect((await editor.request('POST', `/api/documents/${policyId}/interpretations`, { interpretationId: interpId, form: 'image' })).statusCode).toBe(200);
    const policy = await get(editor, policyId);
    expect(policy.interpretations).toEqual([{ id: interpId, title: '图解：政务公开监督员管理办法', status: 'draft', form: 'image', columnName: '通知公告', publishedAt: null, canUnlink: true }]);
    expect(policy.interprets).toEqual([]);
    const interp = await get(editor, interpId);
    expect(interp.interprets).toEqual([expect.objectContaining({ id: policyId, title: draft.title, form: 'image', canUnlink: true })]);
    expect(interp.interpretations).toEqual([]);
    // Linking again changes the form rather than adding a second row.
    await editor.request('POST', `/api/documents/${policyId}/interpretations`, { interpretationId: interpId, form: 'video' });
    expect((await get(editor, policyId)).interpretations.map((i) => i.form)).toEqual(['video']);
  });

  it('hides the title of another unit’s unreviewed interpretation, and only its owners (or the office) may unlink it', async () => {
    expect((await finance.request('POST', `/api/documents/${policyId}/interpretations`, { interpretationId: foreignId })).statusCode).toBe(200);
    const seen = (await get(editor, policyId)).interpretations.find((i) => i.id === foreignId)!;
    expect(seen).toMatchObject({ title: null, status: 'draft', form: 'text', canUnlink: false });
    expect((await editor.request('DELETE', `/api/documents/${policyId}/interpretations/${foreignId}`)).json().error.code).toBe('out_of_scope');
    const byOffice = (await get(office, policyId)).interpretations.find((i) => i.id === foreignId)!;
    expect(byOffice).toMatchObject({ title: expect.stringContaining('财政局草稿'), canUnlink: true });
    // The finance editor reads their own document: the district policy it interprets shows (they own the link).
    expect((await get(finance, foreignId)).interprets).toEqual([expect.objectContaining({ id: policyId, canUnlink: true })]);
    expect((await finance.request('DELETE', `/api/documents/${policyId}/interpretations/${foreignId}`)).statusCode).toBe(200);
    expect((await get(editor, policyId)).interpretations.map((i) => i.id)).toEqual([interpId]);
  });

  it('unlinks', async () => {
    expect((await editor.request('DELETE', `/api/documents/${policyId}/interpretations/${interpId}`)).statusCode).toBe(200);
    expect(await get(editor, interpId)).toMatchObject({ interpretations: [], interprets: [] });
  });

  it('tells, for each path of a measure, the column it leads to, with the full column path, count and latest date', async () => {
    const [col] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.name, '国民经济和社会发展规划'));
    const [{ measureId }] = await t.database.db.select({ measureId: catalogColumnMeasures.measureId }).from(catalogColumnMeasures).where(and(eq(catalogColumnMeasures.columnId, col.id)));
    const proof = (await finance.request('GET', `/api/measures/${measureId}/disclosure-proof`)).json();
    expect(proof.period).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(proof.paths).toEqual([
      { raw: ['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划'], mapped: ['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划'], instruction: false, columnIds: [col.id] },
    ]);
    expect(proof.columns[0]).toMatchObject({ id: col.id, path: ['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划'], regionSite: true, published: 1, url: `/xxgk/${col.slug}` });
    expect(proof.columns[0].latest).toBe(proof.columns[0].documents[0].publishedAt);
    expect(proof.columns[0].documents[0].url).toBe(`/doc/${proof.columns[0].documents[0].id}`);
  });

  it('a measure whose paths lead to unit pages names each unit’s column', async () => {
    const [col] = await t.database.db
      .select({ id: catalogColumns.id, siteUnitId: catalogColumns.siteUnitId })
      .from(catalogColumns)
      .innerJoin(units, eq(units.id, catalogColumns.siteUnitId))
      .where(and(eq(catalogColumns.name, '行政法规'), eq(units.shortName, '区司法局')));
    const [{ measureId }] = await t.database.db.select({ measureId: catalogColumnMeasures.measureId }).from(catalogColumnMeasures).where(eq(catalogColumnMeasures.columnId, col.id));
    const proof = (await editor.request('GET', `/api/measures/${measureId}/disclosure-proof`)).json();
    const unitPath = proof.paths.find((p: { raw: string[] }) => p.raw[0] === '部门网页');
    expect(unitPath.columnIds).toContain(col.id);
    const c = proof.columns.find((x: { id: string }) => x.id === col.id);
    expect(c).toMatchObject({ siteName: '区司法局', regionSite: false, published: 0, latest: null, documents: [] });
  });
});
