import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, catalogColumns, documentRevisions, documents, notifications, units } from '../../db/schema/index.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

// A resident ID with a valid GB 11643 check digit, and a mobile number written with spaces.
const ID = '500103199001011232';
const MOBILE = '138 1234 5678';

describe('documents: draft → 三审 → PII gate → publish', () => {
  let t: TestApp;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let approver: ApiClient;
  let columnId: string;
  let docId: string;

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    // The 通知公告 column of the district site, owned by 区政府办公室.
    [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    editor = await t.userWith(['editor'], '区政府办公室');
    reviewer = await t.userWith(['reviewer'], '区政府办公室');
    reviewer2 = await t.userWith(['reviewer'], '区政府办公室');
    approver = await t.userWith(['approver'], '区政府办公室');
  });
  afterAll(() => t.close());

  const draft = {
    title: '关于公布2021年第二批政务公开监督员名单的通知',
    bodyHtml: `<p>经研究，聘请下列人员为政务公开监督员。</p><p>申请人张伟，身份证号${ID}，联系电话${MOBILE}。</p><script>alert(1)</script><p onclick="steal()">办公地址：渝中区人民路252号，电话023-63767000。</p><a href="javascript:alert(1)">链接</a>`,
    publisher: '重庆市渝中区人民政府办公室',
    writtenOn: '2021-07-01',
    docNumber: '渝中府办〔2021〕41号',
    topic: '综合政务',
  };

  it('saves a draft with a generated index number and sanitised body', async () => {
    const res = await editor.request('POST', '/api/documents', { ...draft, columnId });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    docId = doc.id;
    expect(doc.indexNo).toMatch(/\/2021-\d{5}$/);
    expect(doc.status).toBe('draft');
    expect(doc.bodyHtml).not.toMatch(/script|onclick|javascript:/);
    expect(doc.bodyText).toContain(ID);
  });

  it('refuses a forged column id and an editor of another unit', async () => {
    const forged = await editor.request('POST', '/api/documents', { ...draft, columnId: '00000000-0000-0000-0000-000000000000' });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.code).toBe('column_not_found');
    const outsider = await t.userWith(['editor'], '区教委');
    const res = await outsider.request('POST', '/api/documents', { ...draft, columnId });
    expect(res.json().error.code).toBe('out_of_scope');
  });

  it('runs 初审 and 复审, and blocks 终审 until the ID number and the phone number are masked', async () => {
    expect((await editor.request('POST', `/api/documents/${docId}/submit`)).statusCode).toBe(200);
    // Each step checks its own role: 初审 is a reviewer's, so the approver cannot take it.
    const wrongRole = await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' });
    expect(wrongRole.statusCode).toBe(403);
    expect((await reviewer.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await reviewer2.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    const blocked = await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', secrecyConfirmed: true });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('pii_unresolved');
    const types = blocked.json().error.details.map((f: { type: string }) => f.type);
    expect(types).toEqual(expect.arrayContaining(['id_card', 'mobile', 'person_name']));
    // The agency's own phone and address are not findings.
    expect(blocked.json().error.details.map((f: { value: string }) => f.value)).not.toContain('023-63767000');
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(doc.status).toBe('in_review');
  });

  it('a step given to the unit\'s 联络员 is taken by that liaison, and by no editor', async () => {
    const [tzgg] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.id, columnId));
    const [other] = await t.database.db
      .select({ id: catalogColumns.id })
      .from(catalogColumns)
      .where(and(eq(catalogColumns.siteUnitId, tzgg.siteUnitId), ne(catalogColumns.id, columnId)))
      .limit(1);
    await t.database.db.update(catalogColumns).set({ reviewSteps: [{ name: '初审', role: 'liaison' }, { name: '终审', role: 'approver' }], ownerUnitIds: tzgg.ownerUnitIds }).where(eq(catalogColumns.id, other.id));
    const liaison = await t.userWith(['liaison'], '区政府办公室');
    const created = await editor.request('POST', '/api/documents', { ...draft, title: '联络员初审的通知', bodyHtml: '<p>通知正文。</p>', columnId: other.id });
    expect(created.json().error).toBeUndefined();
    const id = created.json().id;
    expect((await editor.request('POST', `/api/documents/${id}/submit`)).statusCode).toBe(200);
    const byEditor = await editor.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' });
    expect(byEditor.statusCode).toBe(403);
    const byReviewer = await reviewer.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' });
    expect(byReviewer.json().error.message).toContain('单位联络员');
    expect((await liaison.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(doc.reviewStep).toBe(1);
  });

  it('a draft moved to another unit\'s site takes that site and its index number; a published one cannot move', async () => {
    const office = await t.userWith(['office_admin'], '区政府办公室');
    const [tzgg] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.id, columnId));
    const [elsewhere] = await t.database.db.select().from(catalogColumns).where(ne(catalogColumns.siteUnitId, tzgg.siteUnitId)).limit(1);
    const created = (await office.request('POST', '/api/documents', { ...draft, title: '移动站点的草稿', bodyHtml: '<p>正文。</p>', columnId })).json();
    const moved = await office.request('PUT', `/api/documents/${created.id}`, { ...draft, title: '移动站点的草稿', bodyHtml: '<p>正文。</p>', columnId: elsewhere.id });
    expect(moved.json().error).toBeUndefined();
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, created.id));
    expect(row.siteUnitId).toBe(elsewhere.siteUnitId);
    expect(row.indexNo).not.toBe(created.indexNo);
    const [published] = await t.database.db.select().from(documents).where(and(eq(documents.status, 'published'), eq(documents.siteUnitId, tzgg.siteUnitId))).limit(1);
    const refused = await office.request('PUT', `/api/documents/${published.id}`, { ...draft, title: published.title, bodyHtml: published.bodyHtml, columnId: elsewhere.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('site_change');
  });

  it('nobody reviews a round they sent up themselves: refused, not queued, not told, and the page says so', async () => {
    // One person who both edits and reviews, as in a small unit.
    const both = await t.userWith(['editor', 'reviewer'], '区政府办公室');
    const id = (await both.request('POST', '/api/documents', { ...draft, title: '自审测试通知', bodyHtml: '<p>正文。</p>', columnId })).json().id;
    expect((await both.request('POST', `/api/documents/${id}/submit`)).statusCode).toBe(200);
    const own = await both.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('own_submission');
    expect(own.json().error.message).toContain('本人送审');
    const queue = (await both.request('GET', '/api/documents?awaiting=mine&pageSize=100')).json();
    expect(queue.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await reviewer.request('GET', '/api/documents?awaiting=mine&pageSize=100')).json().items.map((d: { id: string }) => d.id)).toContain(id);
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, both.actor.id), eq(notifications.link, `/admin/catalog/documents/${id}`)));
    expect(told).toEqual([]);
    const mine = (await both.request('GET', `/api/documents/${id}`)).json();
    expect(mine).toMatchObject({ yourStep: false, ownSubmission: true });
    expect((await reviewer.request('GET', `/api/documents/${id}`)).json()).toMatchObject({ yourStep: true, ownSubmission: false });
    // Someone else takes 初审; the submitter, holding the reviewer role, still cannot take 复审.
    expect((await reviewer.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await both.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' })).json().error.code).toBe('own_submission');
  });

  it('masks one finding at a time; keeping a value needs a reason; then 保密审查 and publish', async () => {
    const findings = (await editor.request('GET', `/api/documents/${docId}/pii`)).json().items;
    const id = findings.find((f: { type: string }) => f.type === 'id_card');
    expect((await approver.request('POST', `/api/documents/${docId}/pii`, { action: 'mask', values: [id.value] })).json().masked).toBe(1);
    const stillBlocked = await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', secrecyConfirmed: true });
    expect(stillBlocked.json().error.code).toBe('pii_unresolved');
    expect(stillBlocked.json().error.details.some((f: { type: string }) => f.type === 'id_card')).toBe(false);
    const noReason = await approver.request('POST', `/api/documents/${docId}/pii`, { action: 'keep', type: 'mobile', value: 'x', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await approver.request('POST', `/api/documents/${docId}/pii`, { action: 'mask' })).statusCode).toBe(200);
    const noSecrecy = await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' });
    expect(noSecrecy.json().error.code).toBe('secrecy_unconfirmed');
    expect((await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', secrecyConfirmed: true })).statusCode).toBe(200);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(doc.status).toBe('published');
    expect(doc.bodyHtml).toContain('500103********1232');
    expect(doc.bodyHtml).toContain('138 **** 5678');
    expect(doc.bodyHtml).not.toContain(MOBILE);
    expect(doc.bodyHtml).toContain('张某');
    expect(doc.bodyHtml).not.toContain(ID);
    expect(doc.publishedAt).toBeTruthy();
    const revisions = await t.database.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, docId));
    expect(revisions.length).toBeGreaterThanOrEqual(3);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, docId), eq(auditLog.action, 'document.pii_mask')));
    // The audit records that masking happened, never the personal values.
    expect(JSON.stringify(audit)).not.toContain(ID);
  });

  it('an edit of the published document is reviewed as a working copy while the published version stays up', async () => {
    const res = await editor.request('PUT', `/api/documents/${docId}`, { ...draft, columnId, title: '关于公布2021年第二批政务公开监督员名单的通知（更正）', bodyHtml: '<p>名单更正如下。</p>' });
    expect(res.statusCode).toBe(200);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(doc.status).toBe('published');
    expect(doc.title).toBe(draft.title);
    expect((doc.workingCopy as { title: string }).title).toContain('更正');
    await editor.request('POST', `/api/documents/${docId}/submit`);
    for (const c of [reviewer, reviewer2]) expect((await c.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await approver.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', secrecyConfirmed: true })).statusCode).toBe(200);
    const [after] = await t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(after.title).toContain('更正');
    expect(after.workingCopy).toBeNull();
  });

  it('withdraws with a reason, audited', async () => {
    expect((await approver.request('POST', `/api/documents/${docId}/withdraw`, { reason: '' })).statusCode).toBe(400);
    expect((await approver.request('POST', `/api/documents/${docId}/withdraw`, { reason: '名单有误，重新发布' })).statusCode).toBe(200);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(doc).toMatchObject({ status: 'withdrawn', withdrawnReason: '名单有误，重新发布' });
  });

  it('catches an ID number split by a zero-width space', async () => {
    const res = await editor.request('POST', '/api/documents', { ...draft, columnId, bodyHtml: `<p>当事人身份证号500103\u200B199001011232。</p>` });
    const id = res.json().id;
    const items = (await editor.request('GET', `/api/documents/${id}/pii`)).json().items;
    expect(items.some((f: { type: string }) => f.type === 'id_card')).toBe(true);
  });

  it('seeded the catalog from the plan: standard columns, plan paths, unit sub-sites, linked measures', async () => {
    const [region] = await t.database.db.select().from(units).where(eq(units.kind, 'region'));
    const cols = (await editor.request('GET', `/api/catalog/sites/${region.id}/columns`)).json().items;
    const names = cols.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['政府信息公开指南', '法定主动公开内容', '国民经济和社会发展规划', '预算', '决算', '核酸检测点', '发热门诊', '疫苗接种点', '“六稳”“六保”', '法治政府建设年度报告']));
    // 至少设置“视频、图片、文字”3个子栏目 under 政策解读.
    const ml = cols.find((c: { name: string }) => c.name === '政府信息公开目录');
    const interp = cols.find((c: { name: string; parentId: string }) => c.name === '政策解读' && c.parentId === ml.id);
    expect(cols.filter((c: { parentId: string }) => c.parentId === interp.id).map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['视频', '图片', '文字']));
    // 政策解读 is not a 政策文件 column (no normative-document library there).
    expect(interp.category).toBe('other');
    const plan = cols.find((c: { name: string }) => c.name === '国民经济和社会发展规划');
    expect(plan.measureIds).toHaveLength(1);
    // “政府信息公开目录>…” and “政务公开>政府信息公开目录>…” land on one node.
    const catalogs = cols.filter((c: { name: string }) => c.name === '政府信息公开目录');
    expect(catalogs).toHaveLength(1);
    const [fgw] = await t.database.db.select().from(units).where(eq(units.shortName, '区司法局'));
    const sub = (await editor.request('GET', `/api/catalog/sites/${fgw.id}/columns`)).json().items;
    expect(sub.map((c: { name: string }) => c.name)).toContain('行政法规');
  });

  it('watches the catalog: overdue news columns, blank columns without a note, and names the owning site', async () => {
    const office = await t.userWith(['office_admin'], '区政府办公室');
    const h = (await office.request('GET', '/api/catalog/health')).json();
    expect(h.overdue.map((c: { slug: string }) => c.slug)).toContain('gzdt'); // news column, last sample 2021-06-08
    const blank = h.blank.find((c: { name: string }) => c.name === '决算');
    expect(blank).toBeTruthy();
    expect(h.blankBySite[0]).toMatchObject({ failing: true });
    expect((await office.request('PATCH', `/api/catalog/columns/${blank.id}`, { note: '2021年度决算尚未批复，批复后20个工作日内公开' })).statusCode).toBe(200);
    const after = (await office.request('GET', '/api/catalog/health')).json();
    expect(after.blank.some((c: { id: string }) => c.id === blank.id)).toBe(false);
    expect((await editor.request('GET', '/api/catalog/health')).statusCode).toBe(403);
  });

  it('offers the lead unit proof: documents published in the plan year in the columns a measure points at', async () => {
    const [col] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.name, '国民经济和社会发展规划'));
    const cols = (await editor.request('GET', `/api/catalog/sites/${col.siteUnitId}/columns`)).json().items;
    const measureId = cols.find((c: { id: string }) => c.id === col.id).measureIds[0];
    const proof = (await editor.request('GET', `/api/measures/${measureId}/disclosure-proof`)).json();
    expect(proof.year).toBe(2021);
    expect(proof.columns[0]).toMatchObject({ name: '国民经济和社会发展规划', published: 1 });
    expect(proof.columns[0].documents[0].title).toContain('十四个五年规划');
  });

  it('compares any two versions, and links an interpretation to its policy', async () => {
    const cmp = (await editor.request('GET', `/api/documents/${docId}/compare?a=1&b=2`)).json();
    expect(cmp.changes.some((c: { kind: string; text: string }) => c.kind === 'removed' && c.text.includes(ID))).toBe(true);
    expect(cmp.changes.some((c: { kind: string; text: string }) => c.kind === 'added' && c.text.includes('500103********1232'))).toBe(true);
    const interp = (await editor.request('POST', '/api/documents', { ...draft, columnId, title: '图解：政务公开监督员制度', bodyHtml: '<p>一图读懂。</p>' })).json();
    expect((await editor.request('POST', `/api/documents/${docId}/interpretations`, { interpretationId: interp.id, form: 'image' })).statusCode).toBe(200);
    expect((await editor.request('POST', `/api/documents/${docId}/interpretations`, { interpretationId: docId })).json().error.code).toBe('self_link');
  });

  it('scans a Word attachment\'s text at the gate', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(`投诉人李明，手机13987654321。`)] }] }));
    const m = multipartBody({ filename: '附件.docx', data: word });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { ...m.headers, cookie: editor.cookie, 'x-csrf-token': editor.csrf } });
    expect(up.statusCode).toBe(201);
    const doc = (await editor.request('POST', '/api/documents', { ...draft, columnId, title: '关于信访事项办理结果的公告', bodyHtml: '<p>见附件。</p>', attachmentIds: [up.json().id] })).json();
    const items = (await editor.request('GET', `/api/documents/${doc.id}/pii`)).json().items;
    expect(items.filter((f: { field: string }) => f.field === 'attachment').map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['mobile']));
  });

  it('keeps drafts, revisions and findings to the owning unit; reviewers read findings', async () => {
    const outsider = await t.userWith(['readonly'], '区教委');
    expect((await outsider.request('GET', `/api/documents/${docId}`)).json().error.code).toBe('out_of_scope');
    expect((await outsider.request('GET', `/api/documents/${docId}/compare?a=1&b=2`)).json().error.code).toBe('out_of_scope');
    expect((await outsider.request('GET', `/api/documents/${docId}/pii`)).statusCode).toBe(403);
    expect((await approver.request('GET', `/api/documents/${docId}/pii`)).statusCode).toBe(200);
    const detail = (await editor.request('GET', `/api/documents/${docId}`)).json();
    expect(detail.reviews.some((r: { createdByName: string | null }) => r.createdByName)).toBe(true);
    expect(Array.isArray(detail.attachments)).toBe(true);
  });
  const uploadText = async (client: ApiClient, name: string, text: string) => {
    const m = multipartBody({ filename: name, data: Buffer.from(text) });
    const up = await t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
    expect(up.statusCode).toBe(201);
    return up.json() as { id: string; name: string; size: number };
  };

  it('keeps a saved document’s attachments when it is edited without mentioning them; removing one is explicit', async () => {
    const file = await uploadText(editor, '名单.txt', '拟聘监督员名单');
    const created = (await editor.request('POST', '/api/documents', { ...draft, columnId, title: '关于附件保留的测试通知', bodyHtml: '<p>见附件。</p>', attachmentIds: [file.id] })).json();
    const before = (await editor.request('GET', `/api/documents/${created.id}`)).json();
    expect(before.attachments).toEqual([{ fileId: file.id, name: '名单.txt', mime: 'text/plain', size: file.size }]);
    // The title changes; the save says nothing about attachments.
    const { attachmentIds: _none, ...noAttachments } = { ...draft, columnId, title: '关于附件保留的测试通知（修改）', bodyHtml: '<p>见附件。</p>', attachmentIds: undefined };
    expect((await editor.request('PUT', `/api/documents/${created.id}`, noAttachments)).statusCode).toBe(200);
    expect((await editor.request('GET', `/api/documents/${created.id}`)).json().attachments).toHaveLength(1);
    // Saving with the same list keeps it (and its text, read once); an empty list removes it.
    expect((await editor.request('PUT', `/api/documents/${created.id}`, { ...noAttachments, attachmentIds: [file.id] })).statusCode).toBe(200);
    expect((await editor.request('GET', `/api/documents/${created.id}`)).json().attachments).toHaveLength(1);
    expect((await editor.request('PUT', `/api/documents/${created.id}`, { ...noAttachments, attachmentIds: [] })).statusCode).toBe(200);
    expect((await editor.request('GET', `/api/documents/${created.id}`)).json().attachments).toHaveLength(0);
  });

  describe('三审 means three people', () => {
    let column: string;
    beforeAll(async () => {
      // 工作动态 of the district site: the same default chain 初审 → 复审 → 终审.
      [{ id: column }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'gzdt'));
    });
    const submitted = async (title: string) => {
      const doc = (await editor.request('POST', '/api/documents', { ...draft, columnId: column, title, bodyHtml: '<p>工作动态正文。</p>' })).json();
      expect((await editor.request('POST', `/api/documents/${doc.id}/submit`)).statusCode).toBe(200);
      return doc.id as string;
    };
    const approve = (c: ApiClient, id: string, secrecyConfirmed = false) => c.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed });
    const queue = async (c: ApiClient) => (await c.request('GET', '/api/documents?awaiting=mine&pageSize=100')).json().items.map((d: { id: string }) => d.id);

    it('refuses a second step of the same round to the same person, leaves it out of their queue, and names each step’s person', async () => {
      const office = await t.userWith(['office_admin'], '区政府办公室');
      const id = await submitted('关于三审须由三人办理的测试');
      expect((await approve(office, id)).statusCode).toBe(200);
      expect(await queue(office)).not.toContain(id);
      expect((await office.request('GET', `/api/documents/${id}`)).json()).toMatchObject({ yourStep: false, decidedEarlierStep: true });
      const again = await approve(office, id);
      expect(again.statusCode).toBe(403);
      expect(again.json().error.code).toBe('already_decided_step');
      expect(await queue(reviewer)).toContain(id);
      expect((await approve(reviewer, id)).statusCode).toBe(200);
      expect((await approve(reviewer, id, true)).json().error.code).toBe('already_decided_step');
      expect((await approve(office, id, true)).json().error.code).toBe('already_decided_step');
      expect((await approve(approver, id, true)).statusCode).toBe(200);
      const trail = (await editor.request('GET', `/api/documents/${id}`)).json().reviews.map((r: { stepName: string; createdBy: string }) => [r.stepName, r.createdBy]);
      const [offId, revId, appId] = await Promise.all([office, reviewer, approver].map(async (c) => (await c.request('GET', '/api/auth/me')).json().user.id));
      expect(trail.slice(1)).toEqual([['初审', offId], ['复审', revId], ['终审', appId]]);
    });

    it('a new round after a return lets the same people decide again', async () => {
      const id = await submitted('关于退回后重新送审的测试');
      expect((await approve(reviewer, id)).statusCode).toBe(200);
      expect((await reviewer2.request('POST', `/api/documents/${id}/reviews`, { decision: 'return', comment: '请补充' })).statusCode).toBe(200);
      expect((await editor.request('POST', `/api/documents/${id}/submit`)).statusCode).toBe(200);
      expect((await approve(reviewer2, id)).statusCode).toBe(200);
      expect((await approve(reviewer, id)).statusCode).toBe(200);
    });

    it('a column may turn the rule off (very small units): the same person then decides each step, and each exception is audited', async () => {
      const office = await t.userWith(['office_admin'], '区政府办公室');
      expect((await office.request('PATCH', `/api/catalog/columns/${column}`, { reviewDistinctPeople: false })).json().reviewDistinctPeople).toBe(false);
      const id = await submitted('关于小单位一人多步的测试');
      expect((await approve(office, id)).statusCode).toBe(200);
      expect(await queue(office)).toContain(id);
      expect((await approve(office, id)).statusCode).toBe(200);
      expect((await approve(office, id, true)).statusCode).toBe(200);
      const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, id));
      expect(doc.status).toBe('published');
      const exceptions = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.review_same_person')));
      expect(exceptions.map((e) => (e.after as { step: string }).step)).toEqual(['复审', '终审']);
      await office.request('PATCH', `/api/catalog/columns/${column}`, { reviewDistinctPeople: true });
    });
  });
});
