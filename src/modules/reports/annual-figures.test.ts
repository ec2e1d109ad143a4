import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents, requestCases, requestReviews, units } from '../../db/schema/index.ts';
import { runCommand } from '../../cli/program.ts';
import type { CliIo } from '../../cli/cli-io.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { ensureColumnPath } from '../catalog/column-paths.ts';
import { computeAnnualFigures } from './compute-annual-report.ts';
import { importRequestLedger } from './import/import-request-ledger.ts';
import { importReviewLedger } from './import/import-review-ledger.ts';

/**
 * The annual report's tables against hand-computed figures (ogi-rules §4). Columns of section 三:
 * 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
 */
describe('annual report figures computed from the data', () => {
  let t: TestApp;
  let agency: string;
  let other: string;
  let adminCtx: Parameters<typeof importRequestLedger>[0];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    [{ id: agency }] = await db.select({ id: units.id }).from(units).where(eq(units.shortName, '区政府办公室'));
    [{ id: other }] = await db.select({ id: units.id }).from(units).where(eq(units.shortName, '区财政局'));
    const office = await t.userWith(['office_admin'], '区政府办公室');
    adminCtx = { db, actor: office.actor, ip: 'test' };
    const c = (code: string, applicantKind: string, receivedOn: string | null, closedOn: string | null, outcome: string | null, extra: Partial<typeof requestCases.$inferInsert> = {}) =>
      ({ agencyUnitId: agency, code, applicantKind, receivedOn, closedOn, outcome, ...extra }) as typeof requestCases.$inferInsert;
    await db.insert(requestCases).values([
      c('c1', '自然人', '2020-12-20', '2021-01-15', '1'), // carried into 2021, closed in it: 予以公开
      c('c2', '自然人', '2020-11-01', '2020-12-30', '1'), // closed before 2021: nowhere in 2021
      c('c3', '商业企业', '2021-03-01', '2021-03-20', '2'), // new, 部分公开
      c('c4', '商业企业', '2021-12-25', null, null), // new, carried forward
      c('c5', '科研机构', '2021-12-30', '2022-01-10', '3.4'), // new in 2021, forward; closed in 2022
      c('c6', '其他', '2019-05-05', null, null), // carried and forward, year after year
      c('c7', '自然人', '2021-06-01', '2021-06-20', '6.1', { imported: true }), // imported history mixed with live cases
      // Closed in February 2021, reopened by the office and closed again in 2022: counted by its final closing.
      c('c8', '法律服务机构', '2021-02-02', '2022-02-01', '1'),
      c('c9', '自然人', null, null, null), // receipt not confirmed yet: not counted
      c('c10', '社会公益组织', '2022-01-05', null, null),
      { ...c('x1', '自然人', '2021-05-05', '2021-05-06', '1'), agencyUnitId: other }, // another agency
    ]);
    const r = (code: string, kind: string, filedOn: string, result: string | null, resultOn: string | null) => ({ agencyUnitId: agency, code, kind, filedOn, result, resultOn });
    await db.insert(requestReviews).values([
      r('r1', '行政复议', '2021-03-01', '维持', '2021-05-01'),
      r('r2', '行政复议', '2021-11-01', '纠正', '2022-01-20'), // decided after 31 December: 尚未审结 in 2021
      r('r3', '直接起诉', '2021-07-01', null, null),
      r('r4', '复议后起诉', '2020-12-01', '其他', '2021-03-01'), // filed in 2020: not in 2021
      r('r5', '复议后起诉', '2021-08-08', '其他', '2021-10-10'),
    ]);
    // Normative documents of the agency's site.
    const [col] = await db.select().from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    let serial = 0;
    const d = (writtenOn: string, validity: string, validityOn: string | null, extra: Partial<typeof documents.$inferInsert> = {}) =>
      ({
        columnId: col.id,
        siteUnitId: col.siteUnitId,
        title: `规范性文件${++serial}`,
        indexNo: `TEST/${serial}`,
        publisher: '重庆市渝中区人民政府办公室',
        writtenOn,
        validity,
        validityOn,
        normativeKind: '行政规范性文件',
        status: 'published',
        publishedAt: new Date(`${writtenOn}T08:00:00+08:00`),
        ...extra,
      }) as typeof documents.$inferInsert;
    expect(col.siteUnitId).toBe((await db.select().from(units).where(eq(units.kind, 'region')))[0].id);
    agencySite = col.siteUnitId;
    await db.insert(documents).values([
      d('2020-05-01', 'valid', null), // in force, not issued in 2021
      d('2021-04-01', 'valid', null), // issued and in force
      d('2019-01-01', 'repealed', '2021-09-01'), // repealed in 2021
      d('2021-02-01', 'repealed', '2022-03-01'), // issued 2021, in force at its end, repealed in 2022
      d('2021-06-01', 'amended', null), // amended: still in force
      d('2021-07-01', 'valid', null, { status: 'draft', publishedAt: null }), // a draft: not counted
      d('2021-08-01', 'valid', null, { normativeKind: null }), // not a normative document
    ]);
  });
  afterAll(() => t.close());
  let agencySite: string;

  it('counts section 三 by receipt, closing and outcome, and balances in every column', async () => {
    const f = await computeAnnualFigures(t.database.db, agency, 2021);
    const rows = f.section3.rows;
    expect(rows.new).toEqual([1, 2, 1, 0, 1, 0, 5]);
    expect(rows.carried).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(rows['1']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rows['2']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(rows['6.1']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rows['3.4']).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rows.total).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(rows.forward).toEqual([0, 1, 1, 0, 1, 1, 4]);
    expect(f.checks).toEqual({ balanced: true, unclassified: 0 });
    expect(f.section3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('carries forward exactly what the year before left open', async () => {
    const y22 = await computeAnnualFigures(t.database.db, agency, 2022);
    const y21 = await computeAnnualFigures(t.database.db, agency, 2021);
    expect(y22.section3.rows.carried).toEqual(y21.section3.rows.forward);
    expect(y22.section3.rows.new).toEqual([0, 0, 0, 1, 0, 0, 1]);
    expect(y22.section3.rows['3.4']).toEqual([0, 0, 1, 0, 0, 0, 1]);
    expect(y22.section3.rows['1']).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(y22.section3.rows.forward).toEqual([0, 1, 0, 1, 0, 1, 3]);
    expect(y22.checks.balanced).toBe(true);
  });

  it('says when a closed case has no outcome (the table would not balance)', async () => {
    await t.database.db.insert(requestCases).values({ agencyUnitId: agency, code: 'bad', applicantKind: '自然人', receivedOn: '2023-01-05', closedOn: '2023-02-01', outcome: null });
    const f = await computeAnnualFigures(t.database.db, agency, 2023);
    expect(f.checks).toEqual({ balanced: false, unclassified: 1 });
    await t.database.db.delete(requestCases).where(eq(requestCases.code, 'bad'));
  });

  it('counts section 四 by filing year and the result known on 31 December', async () => {
    const f = await computeAnnualFigures(t.database.db, agency, 2021);
    expect(f.section4.columns).toEqual(['维持', '纠正', '其他', '尚未审结', '总计']);
    expect(f.section4.review).toEqual([1, 0, 0, 1, 2]);
    expect(f.section4.litigationDirect).toEqual([0, 0, 0, 1, 1]);
    expect(f.section4.litigationAfterReview).toEqual([0, 0, 1, 0, 1]);
  });

  it('counts section 二 from the published normative documents: issued, repealed and in force', async () => {
    const y21 = await computeAnnualFigures(t.database.db, agencySite, 2021);
    expect(y21.section2.normative.行政规范性文件).toEqual([3, 1, 4]);
    expect(y21.section2.normative.规章).toEqual([0, 0, 0]);
    const y22 = await computeAnnualFigures(t.database.db, agencySite, 2022);
    expect(y22.section2.normative.行政规范性文件).toEqual([0, 1, 3]);
  });

  it('takes a document’s kind from its column: a 规范性文件 library makes 行政规范性文件', async () => {
    const editor = await t.userWith(['editor'], '区财政局');
    const col = await ensureColumnPath(t.database.db, other, ['政府信息公开', '法定主动公开内容', '履职依据', '本部门、本单位规范性文件']);
    const res = await editor.request('POST', '/api/documents', { columnId: col.id, title: '关于印发专项资金管理办法的通知', bodyHtml: '<p>正文</p>', publisher: '重庆市渝中区财政局', writtenOn: '2021-05-01' });
    expect(res.statusCode).toBe(201);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, res.json().id));
    expect(doc.normativeKind).toBe('行政规范性文件');
    const bad = await editor.request('PUT', `/api/documents/${doc.id}`, { columnId: col.id, title: doc.title, bodyHtml: '<p>正文</p>', publisher: '重庆市渝中区财政局', writtenOn: '2021-05-01', validity: 'repealed', validityOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validity_before_written');
  });

  it('imports an earlier ledger (CSV, GBK as Excel saves it) and counts it with the live cases', async () => {
    const csv = ['编号,受理机关,申请人类型,收到日期,办结日期,办理结果', 'L-1,区政府办公室,自然人,2020-03-01,2020-03-20,1', 'L-2,区政府办公室,商业企业,2020-12-28,,', 'L-3,区政府办公室,其他,2020-06-01,2020-06-09,属于国家秘密'].join('\r\n');
    const before = await computeAnnualFigures(t.database.db, agency, 2020);
    const r = await importRequestLedger(adminCtx, new Uint8Array(Buffer.from(new TextEncoder().encode(csv))));
    expect(r.imported).toBe(3);
    const after = await computeAnnualFigures(t.database.db, agency, 2020);
    expect(after.section3.rows.new[6] - before.section3.rows.new[6]).toBe(3);
    expect(after.section3.rows['3.1'][5]).toBe(1);
    expect(after.checks.balanced).toBe(true);
    const [l2] = await t.database.db.select().from(requestCases).where(eq(requestCases.code, 'L-2'));
    expect(l2.imported).toBe(true);
    // GBK bytes, as Excel on Chinese Windows saves a CSV.
    const gbk = Buffer.from('b1e0bac52ccadcc0edbbfab9d82cc9eac7ebc8cbc0e0d0cd2ccad5b5bdc8d5c6da2cb0ecbde1c8d5c6da2cb0ecc0edbde1b9fb0d0a472d312cc7f8d5feb8aeb0ecb9abcad22cd7d4c8bbc8cb2c323032302d30312d30362c323032302d30312d31302cd3e8d2d4b9abbfaa0d0a', 'hex');
    expect((await importRequestLedger(adminCtx, new Uint8Array(gbk))).imported).toBe(1);
    const [g1] = await t.database.db.select().from(requestCases).where(eq(requestCases.code, 'G-1'));
    expect(g1).toMatchObject({ applicantKind: '自然人', outcome: '1', receivedOn: '2020-01-06' });
  });

  it('refuses a ledger with bad rows, naming each row and column, and writes nothing', async () => {
    const csv = [
      '编号,受理机关,申请人类型,收到日期,办结日期,办理结果',
      'B-1,区不存在局,自然人,2021-01-05,2021-01-20,1',
      'B-2,区政府办公室,个体户,2021-01-05,,',
      'B-3,区政府办公室,自然人,2021-02-30,,',
      'B-4,区政府办公室,自然人,2021-03-05,2021-03-01,1',
      'B-5,区政府办公室,自然人,2021-03-05,2021-03-08,9.9',
      'B-6,区政府办公室,自然人,2018-03-05,2018-03-08,5.2', // before the published calendar: valid history
    ].join('\n');
    const count = async () => (await t.database.db.select().from(requestCases)).length;
    const n = await count();
    const err = (await importRequestLedger(adminCtx, new TextEncoder().encode(csv)).catch((e) => e)) as AppError;
    expect(err.code).toBe('import_rows_invalid');
    expect(err.message).toContain('第 2 行【受理机关】');
    expect(err.message).toContain('第 3 行【申请人类型】');
    expect(err.message).toContain('第 4 行【收到日期】“2021-02-30”不是有效日期');
    expect(err.message).toContain('第 5 行【办结日期】早于收到日期');
    expect(err.message).toContain('第 6 行【办理结果】');
    expect(err.message).not.toContain('第 7 行');
    expect(await count()).toBe(n);
    const missing = (await importRequestLedger(adminCtx, new TextEncoder().encode('编号,受理机关\n1,区政府办公室')).catch((e) => e)) as AppError;
    expect(missing.code).toBe('header_missing');
    const huge = (await importRequestLedger(adminCtx, new Uint8Array(50 * 1024 * 1024)).catch((e) => e)) as AppError;
    expect(huge.code).toBe('file_too_large');
  });

  it('imports review records from an .xlsx workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('复议诉讼');
    ws.addRow(['编号', '机关', '类型', '提起日期', '结果', '结果日期']);
    ws.addRow(['FY-1', '区财政局', '行政复议', '2021-04-01', '纠正', '2021-06-01']);
    ws.addRow(['SS-1', '区财政局', '直接起诉', new Date(Date.UTC(2021, 8, 9)), '', '']);
    const r = await importReviewLedger(adminCtx, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.imported).toBe(2);
    const f = await computeAnnualFigures(t.database.db, other, 2021);
    expect(f.section4.review).toEqual([0, 1, 0, 0, 1]);
    expect(f.section4.litigationDirect).toEqual([0, 0, 0, 1, 1]);
    const dup = (await importReviewLedger(adminCtx, new Uint8Array(await wb.xlsx.writeBuffer())).catch((e) => e)) as AppError;
    expect(dup.message).toContain('“FY-1”已在系统中');
  });

  it('prints the tables with `gongkai report annual --json` in the exact shape', async () => {
    let out = '';
    const errs: string[] = [];
    const io: CliIo = {
      out: (s) => void (out += s),
      err: (l) => void errs.push(l),
      stdinLines: async function* () {},
      open: async () => ({ config: t.config, database: t.database, close: async () => {} }),
      hasDatabase: () => true,
      cwd: process.cwd(),
    };
    expect(await runCommand(['report', 'annual', '--agency', '区政府办公室', '--year', '2021', '--json'], io)).toBe(0);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(['agency', 'year', 'section2', 'section3', 'section4', 'checks']);
    // Keys in the report's order in the text itself (a parser reorders integer-like keys).
    expect(out.indexOf('"new"')).toBeLessThan(out.indexOf('"1":'));
    expect(out.indexOf('"6.3"')).toBeLessThan(out.indexOf('"total"'));
    expect(j.year).toBe(2021);
    expect(Object.keys(j.section3.rows).sort()).toEqual(['new', 'carried', '1', '2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '5.4', '5.5', '6.1', '6.2', '6.3', 'total', 'forward'].sort());
    expect(j.section3.rows.total).toHaveLength(7);
    expect(j.section4.review).toHaveLength(5);
    expect(j.checks.balanced).toBe(true);
    expect(await runCommand(['report', 'annual', '--agency', '区不存在局', '--year', '2021', '--json'], io)).toBe(1);
    expect(errs.join('\n')).toContain('单位“区不存在局”不存在');
  });
});
