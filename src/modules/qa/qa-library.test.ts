import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, documents, qaEntries, qaEntryVersions, qaVariants } from '../../db/schema/index.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { catalogColumns } from '../../db/schema/index.ts';
import { flagEntriesForPolicy } from './policy-review.ts';
import { libraryIndex, setLibraryHome } from './library-index.ts';

/** The library through HTTP: entries, versions, units, import/export, synonyms, the policy hook. */
describe('qa library', () => {
  let t: TestApp;
  let office: ApiClient;
  let specialist: ApiClient & { actor: { unitId: string } };
  let otherSpecialist: ApiClient;
  let clerk: ApiClient;

  const entry = {
    question: '区图书馆借书需要办理读者证吗',
    answerHtml: '<p>需要。持身份证到区图书馆总服务台免费办理读者证。</p><script>alert(1)</script>',
    variants: ['去区图书馆借书要先办证吗', '图书馆借阅证怎么办理', '区图书馆借书需要办理读者证吗'],
    topic: '公共文化',
    tags: ['图书馆'],
  };

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
    specialist = await t.userWith(['qa_specialist'], '区财政局');
    otherSpecialist = await t.userWith(['qa_specialist'], '区司法局');
    clerk = await t.userWith(['responder'], '区财政局');
  });
  afterAll(() => t.close());

  it('reads the city and district of the settings as here: 渝中区… is answered by the district’s entry, 江北区… is not', async () => {
    const here = (await clerk.request('POST', '/api/qa/search', { question: '渝中区公租房怎么申请' })).json();
    expect(here.decision, JSON.stringify(here).slice(0, 1500)).toBe('answer');
    expect(here.ranked[0].question).toBe('公租房怎么申请');
    const city = (await clerk.request('POST', '/api/qa/search', { question: '重庆市渝中区的区级部门预算在哪里公开' })).json();
    expect(city.ranked[0].question).toBe('区级部门预算在哪里公开');
    expect(city.ranked[0].conflicts).toEqual([]);
    const elsewhere = (await clerk.request('POST', '/api/qa/search', { question: '江北区公租房怎么申请' })).json();
    expect(elsewhere.decision).not.toBe('answer');
    expect(elsewhere.ranked[0].conflicts.map((c: { slot: string }) => c.slot)).toContain('place');
    // Other settings rebuild the index: 江北区's library answers 江北区…, and back.
    const index = libraryIndex(t.database.db);
    setLibraryHome(t.database.db, { CITY_NAME: '重庆市', DISTRICT_NAME: '江北区' });
    expect((await index.match('江北区公租房怎么申请')).decision).toBe('answer');
    setLibraryHome(t.database.db, { CITY_NAME: '重庆市', DISTRICT_NAME: '渝中区' });
    expect((await index.match('江北区公租房怎么申请')).decision).not.toBe('answer');
  });

  it('creates a draft owned by the specialist’s unit, sanitised, variants deduplicated, version 1 kept', async () => {
    const res = await specialist.request('POST', '/api/qa/entries', entry);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'draft', ownerUnitId: specialist.actor.unitId, version: 1 });
    expect(created.answerHtml).not.toContain('<script>');
    const detail = (await specialist.request('GET', `/api/qa/entries/${created.id}`)).json();
    expect(detail.variants).toEqual(['去区图书馆借书要先办证吗', '图书馆借阅证怎么办理']);
    expect(detail.versions).toHaveLength(1);
  });

  it('refuses another unit’s specialist and a responder; the office may edit', async () => {
    const [e] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.question, entry.question));
    expect((await otherSpecialist.request('PUT', `/api/qa/entries/${e.id}`, entry)).json().error.code).toBe('out_of_scope');
    expect((await clerk.request('PUT', `/api/qa/entries/${e.id}`, entry)).statusCode).toBe(403);
    const res = await office.request('PUT', `/api/qa/entries/${e.id}`, { ...entry, ownerUnitId: e.ownerUnitId, answerHtml: '<p>不收费（一般情况）。</p>' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
  });

  it('publishes, and the published entry answers a paraphrase at once; retire removes it', async () => {
    const [e] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.question, entry.question));
    expect((await specialist.request('POST', `/api/qa/entries/${e.id}/status`, { action: 'publish' })).json().status).toBe('published');
    const search = (await clerk.request('POST', '/api/qa/search', { question: '去区图书馆借书要不要先办证？' })).json();
    expect(search.ranked[0].entryId).toBe(e.id);
    expect(search.ranked[0].ownerUnitName).toBe('重庆市渝中区财政局');
    expect((await specialist.request('POST', `/api/qa/entries/${e.id}/status`, { action: 'publish' })).json().error.code).toBe('qa_status_not_allowed');
    expect((await specialist.request('POST', `/api/qa/entries/${e.id}/status`, { action: 'retire' })).json().status).toBe('retired');
    const after = (await clerk.request('POST', '/api/qa/search', { question: '去区图书馆借书要不要先办证？' })).json();
    expect(after.ranked.map((r: { entryId: string }) => r.entryId)).not.toContain(e.id);
    const versions = await t.database.db.select().from(qaEntryVersions).where(eq(qaEntryVersions.entryId, e.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('imports TSV all or nothing: a bad row names its row number and writes nothing', async () => {
    const before = await t.database.db.select().from(qaEntries);
    const bad = 'id\tquestion\tanswer\tvariants\nB1\t公租房怎么申请\t向街道提交申请。\t\nB2\t\t缺问题\t\nB1\t重复的编号\t答案\t\n';
    const res = await office.request('POST', '/api/qa/import', multipartBody({ filename: 'bank.tsv', data: Buffer.from(bad) }).payload, multipartBody({ filename: 'bank.tsv', data: Buffer.from(bad) }).headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('qa_import_rows');
    expect(res.json().error.message).toContain('第 3 行');
    expect(res.json().error.message).toContain('第 4 行');
    expect(await t.database.db.select().from(qaEntries)).toHaveLength(before.length);
  });

  it('refuses a malformed file and a header without the required columns', async () => {
    for (const [data, code] of [
      [Buffer.from('PK\u0003\u0004garbage-not-a-zip'), 'qa_import_unreadable'],
      [Buffer.from('编号\t内容\nA\tB\n'), 'qa_import_header'],
      [Buffer.alloc(0), 'file_required'],
    ] as const) {
      const body = multipartBody({ filename: 'x.xlsx', data });
      const res = await office.request('POST', '/api/qa/import', body.payload, body.headers);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
  });

  it('imports and exports xlsx round trip, variants one per line, ids kept', async () => {
    const tsv = 'id\tquestion\tanswer\tvariants\textra\nH-1\t公租房怎么申请\t"向户籍所在街道提交申请。\n材料：身份证、收入证明。"\t"公租房申请流程是什么\n怎么申请公共租赁住房"\tignored\nH-2\t住房公积金怎么提取\t持身份证到公积金中心办理。\t\t\n';
    const body = multipartBody({ filename: 'bank.tsv', data: Buffer.from(tsv) });
    const res = await office.request('POST', '/api/qa/import', body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, created: 2, updated: 0, kind: 'tsv' });
    const [h1] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.externalId, 'H-1'));
    expect(h1.status).toBe('published');
    expect(h1.answerHtml).toBe('<p>向户籍所在街道提交申请。</p><p>材料：身份证、收入证明。</p>');
    expect((await t.database.db.select().from(qaVariants).where(eq(qaVariants.entryId, h1.id))).map((v) => v.text)).toEqual(['公租房申请流程是什么', '怎么申请公共租赁住房']);

    const xlsx = await office.request('GET', '/api/qa/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    // Re-importing the export updates the same entries (same ids), nothing new.
    const again = multipartBody({ filename: 'export.xlsx', data: xlsx.rawPayload });
    const res2 = await office.request('POST', '/api/qa/import', again.payload, again.headers);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json(), JSON.stringify(res2.json())).toMatchObject({ created: 0 });
    expect(res2.json().updated).toBeGreaterThanOrEqual(2);
    expect((await t.database.db.select().from(qaVariants).where(eq(qaVariants.entryId, h1.id))).map((v) => v.text).sort()).toEqual(['公租房申请流程是什么', '怎么申请公共租赁住房'].sort());
    const tsvOut = await office.request('GET', '/api/qa/export?format=tsv');
    expect(tsvOut.body.split('\n')[0]).toBe('id\tquestion\tanswer\tvariants\ttopic\tstatus\tunit');
    expect(tsvOut.body).toContain('"公租房申请流程是什么\n怎么申请公共租赁住房"');
  });

  it('only the office replaces the whole library', async () => {
    const body = multipartBody({ filename: 'bank.tsv', data: Buffer.from('id\tquestion\tanswer\nR-1\t低保怎么申请\t向街道申请。\n') }, { replace: 'true' });
    expect((await specialist.request('POST', '/api/qa/import', body.payload, body.headers)).statusCode).toBe(403);
    const res = await office.request('POST', '/api/qa/import', body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(200);
    const live = await t.database.db.select().from(qaEntries).where(eq(qaEntries.status, 'published'));
    expect(live.map((e) => e.externalId)).toEqual(['R-1']);
  });

  it('synonyms: the office edits them, others may not; bounded', async () => {
    expect((await specialist.request('PUT', '/api/qa/synonyms', { groups: [['社会保险', '社保']] })).statusCode).toBe(403);
    const res = await office.request('PUT', '/api/qa/synonyms', { groups: [['社会保险', '社保'], ['低保', '最低生活保障', '低保']] });
    expect(res.json().groups).toEqual([['社会保险', '社保'], ['低保', '最低生活保障']]);
    expect((await office.request('PUT', '/api/qa/synonyms', { groups: [['只有一个']] })).statusCode).toBe(400);
    expect((await clerk.request('GET', '/api/qa/synonyms')).json().groups).toHaveLength(2);
  });

  it('an entry whose policy is repealed or withdrawn is flagged and no longer answered automatically', async () => {
    const [col] = await t.database.db.select().from(catalogColumns).limit(1);
    const [doc] = await t.database.db
      .insert(documents)
      .values({ columnId: col.id, siteUnitId: specialist.actor.unitId, title: '渝中区公共租赁住房管理办法', indexNo: 'qa-test/2021-1', publisher: '区住房城乡建委', status: 'published', validity: 'valid' })
      .returning();
    const created = (await office.request('POST', '/api/qa/entries', { question: '公租房租金怎么交', answerHtml: '<p>按月缴纳。</p>', policyIds: [doc.id], ownerUnitId: specialist.actor.unitId })).json();
    await office.request('POST', `/api/qa/entries/${created.id}/status`, { action: 'publish' });
    await t.database.db.update(documents).set({ validity: 'repealed' }).where(eq(documents.id, doc.id));
    const flagged = await t.database.db.transaction((tx) => flagEntriesForPolicy({ db: tx as never, actor: null }, doc.id));
    expect(flagged).toBe(1);
    const [e] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.id, created.id));
    expect(e).toMatchObject({ needsReview: true, reviewReason: '所依据的《渝中区公共租赁住房管理办法》已废止' });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'qa.entry_flag'));
    expect(audit).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1100));
    const search = (await clerk.request('POST', '/api/qa/search', { question: '公租房租金怎么交' })).json();
    expect(search.decision).not.toBe('answer');
    expect(search.ranked[0].entryId).toBe(created.id);
    // Publishing again is the 专员's confirmation that it was reviewed.
    expect((await specialist.request('POST', `/api/qa/entries/${created.id}/status`, { action: 'publish' })).json()).toMatchObject({ needsReview: false, reviewReason: null });
  });

  it('lists entries with search and filters', async () => {
    const res = await clerk.request('GET', '/api/qa/entries?q=公租房&pageSize=5');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(2);
    // The keyword is in each entry's question or one of its similar questions.
    for (const i of res.json().items as { id: string }[]) {
      const d = (await clerk.request('GET', `/api/qa/entries/${i.id}`)).json() as { question: string; variants: string[] };
      expect([d.question, ...d.variants].some((s) => s.includes('公租房')), d.question).toBe(true);
    }
    expect((await clerk.request('GET', '/api/qa/entries?status=bogus')).statusCode).toBe(400);
  });
});
