import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents, jobs, notifications, units, users } from '../../db/schema/index.ts';
import { JobRunner } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { registerCatalogJobs } from './catalog-jobs.ts';
import { ensureColumnPath } from './column-paths.ts';
import type { DocumentListItem } from './list-documents.ts';

type Client = ApiClient & { actor: { id: string; unitId: string } };
interface ListBody {
  total: number;
  page: number;
  pageSize: number;
  items: DocumentListItem[];
}

describe('documents list, 待我审核 and review notifications', () => {
  let t: TestApp;
  let tzgg: string; // 通知公告 (district site, owned by 区政府办公室)
  let gzdt: string; // 工作动态
  let ml: string; // 政府信息公开目录, parent of both
  let eduColumn: string; // a column of 区教委's own sub-site
  let editor: Client;
  let reviewer: Client;
  let reviewer2: Client; // a second 审核员: 三审 needs a different person at each step
  let approver: Client;
  let office: Client;
  let eduEditor: Client;
  let eduReviewer: Client;

  const doc = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    bodyHtml: '<p>现将有关事项通知如下，请认真贯彻执行。</p>',
    publisher: '重庆市渝中区人民政府办公室',
    writtenOn: '2024-03-01',
    ...extra,
  });
  const create = async (c: ApiClient, columnId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await c.request('POST', '/api/documents', { ...doc(title, extra), columnId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
  };
  const list = async (c: ApiClient, query = ''): Promise<ListBody> => {
    const res = await c.request('GET', `/api/documents${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const titles = (b: ListBody) => b.items.map((i) => i.title);
  const ids = (b: ListBody) => b.items.map((i) => i.id);
  const inbox = async (userId: string) =>
    t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

  beforeAll(async () => {
    t = await createTestApp();
    const col = async (slug: string) => (await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, slug)))[0].id;
    [tzgg, gzdt, ml] = [await col('tzgg'), await col('gzdt'), await col('ml')];
    const [edu] = await t.database.db.select().from(units).where(eq(units.shortName, '区教委'));
    eduColumn = (await ensureColumnPath(t.database.db, edu.id, ['部门网页', '通知公告'])).id;
    editor = await t.userWith(['editor'], '区政府办公室');
    reviewer = await t.userWith(['reviewer'], '区政府办公室');
    reviewer2 = await t.userWith(['reviewer'], '区政府办公室');
    approver = await t.userWith(['approver'], '区政府办公室');
    office = await t.userWith(['office_admin'], '区政府办公室');
    eduEditor = await t.userWith(['editor'], '区教委');
    eduReviewer = await t.userWith(['reviewer'], '区教委');
  });
  afterAll(() => t.close());

  it('lists the unit\'s documents newest-updated first, with column, unit and status', async () => {
    const a = await create(editor, tzgg, '关于开展政务公开培训的通知', { docNumber: '渝中府办发〔2024〕7号' });
    const b = await create(editor, gzdt, '区政府办公室召开工作例会');
    const body = await list(editor);
    expect(ids(body).slice(0, 2)).toEqual([b, a]);
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.items[1]).toMatchObject({
      id: a,
      title: '关于开展政务公开培训的通知',
      columnId: tzgg,
      columnName: '通知公告',
      unitName: '渝中区',
      status: 'draft',
      currentStep: null,
      docNumber: '渝中府办发〔2024〕7号',
      publishedAt: null,
      hasWorkingCopy: false,
    });
    expect(body.items[1].indexNo).toMatch(/\/2024-\d{5}$/);
    expect(body.items[1]).not.toHaveProperty('openFindings');
  });

  it('filters by column (with sub-columns), site, status and title or 文号, escaping wildcards', async () => {
    const pct = await create(editor, tzgg, '完成率100%_ABC 专项通报');
    await create(editor, tzgg, '完成率1000 专项通报');
    // (The published sample documents of the demo district sit in some of these columns too.)
    expect(titles(await list(editor, `columnId=${gzdt}&status=draft`))).toEqual(['区政府办公室召开工作例会']);
    // 政府信息公开目录 holds 通知公告 and 工作动态.
    expect((await list(editor, `columnId=${ml}&status=draft`)).total).toBe(4);
    expect((await list(editor, `columnId=${ml}`)).total).toBe((await list(editor, `columnId=${tzgg}`)).total + (await list(editor, `columnId=${gzdt}`)).total);
    expect(titles(await list(editor, `columnId=${tzgg}`))).not.toContain('区政府办公室召开工作例会');
    // 文号, any case, and a literal % and _.
    expect(titles(await list(editor, `q=${encodeURIComponent('府办发〔2024〕7')}`))).toEqual(['关于开展政务公开培训的通知']);
    expect(ids(await list(editor, `q=${encodeURIComponent('100%_abc')}`))).toEqual([pct]);
    expect(ids(await list(editor, `q=${encodeURIComponent('%')}`))).toEqual([pct]);
    expect((await list(editor, `q=${encodeURIComponent('_')}`)).total).toBe(1);
    expect((await list(editor, 'status=draft')).total).toBe(4);
    expect((await list(editor, 'status=published')).items.every((i) => i.status === 'published')).toBe(true);
    const [region] = await t.database.db.select().from(units).where(eq(units.kind, 'region'));
    expect((await list(editor, `siteUnitId=${region.id}&status=draft`)).total).toBe(4);
    expect((await list(editor, `siteUnitId=${eduEditor.actor.unitId}`)).total).toBe(0);
    // The district office sees the published sample documents of the district site too.
    const published = await list(office, `status=published&siteUnitId=${region.id}`);
    expect(published.total).toBeGreaterThan(0);
    expect(published.items.every((i) => i.status === 'published' && i.publishedAt)).toBe(true);
  });

  it('pages through the list without overlap and refuses pages over 100', async () => {
    const all = await list(office, 'pageSize=100');
    expect(all.total).toBeGreaterThan(5);
    const p1 = await list(office, 'pageSize=3&page=1');
    const p2 = await list(office, 'pageSize=3&page=2');
    expect(p1.total).toBe(all.total);
    expect(ids(p1)).toEqual(ids(all).slice(0, 3));
    expect(ids(p2)).toEqual(ids(all).slice(3, 6));
    const stamps = all.items.map((i) => new Date(i.updatedAt).getTime());
    expect([...stamps].sort((x, y) => y - x)).toEqual(stamps);
    expect((await list(office, `pageSize=3&page=${Math.ceil(all.total / 3) + 1}`)).items).toEqual([]);
    const tooBig = await office.request('GET', '/api/documents?pageSize=101');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('validation_failed');
    expect((await office.request('GET', '/api/documents?page=0')).statusCode).toBe(400);
    expect((await office.request('GET', '/api/documents?status=archived')).statusCode).toBe(400);
  });

  it('keeps another unit\'s drafts out of sight; the district office sees every unit', async () => {
    const secret = await create(eduEditor, eduColumn, '关于某学生家庭困难补助的公示（草稿）');
    for (const c of [editor, reviewer, await t.userWith(['liaison'], '区政府办公室')]) {
      expect(ids(await list(c, 'pageSize=100'))).not.toContain(secret);
      expect((await list(c, `q=${encodeURIComponent('困难补助')}`)).total).toBe(0);
      expect((await list(c, `columnId=${eduColumn}`)).total).toBe(0);
    }
    expect(ids(await list(eduEditor))).toEqual([secret]);
    expect(ids(await list(await t.userWith(['readonly'], '区教委')))).toEqual([secret]);
    expect(ids(await list(office, `q=${encodeURIComponent('困难补助')}`))).toEqual([secret]);
    expect(ids(await list(await t.userWith(['sys_admin'], '区财政局'), `columnId=${eduColumn}`))).toEqual([secret]);
    // Sample documents in columns the region unit itself owns are not 区政府办公室's to see here.
    expect((await list(editor, 'status=published')).total).toBeLessThan((await list(office, 'status=published')).total);
  });

  it('gives a clear error for an unknown or malformed column id', async () => {
    const unknown = await editor.request('GET', '/api/documents?columnId=00000000-0000-0000-0000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'column_not_found', message: '栏目不存在' });
    const malformed = await editor.request('GET', '/api/documents?columnId=not-a-column');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('validation_failed');
    expect(malformed.json().error.message).toContain('栏目编号格式不正确');
  });

  describe('待我审核 and notifications', () => {
    let first: string; // waiting for 初审
    let second: string; // waiting for 复审
    let final: string; // waiting for 终审
    let edu: string; // 区教委, waiting for 初审

    it('tells the reviewers of the owning unit when a document is submitted, and only them', async () => {
      first = await create(editor, tzgg, '关于征集2024年民生实事项目的公告');
      await ok(editor.request('POST', `/api/documents/${first}/submit`));
      const got = await inbox(reviewer.actor.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ kind: 'document.review', link: `/admin/catalog/documents/${first}` });
      expect(got[0].title).toContain('初审');
      expect(got[0].title).toContain('关于征集2024年民生实事项目的公告');
      // Not the approver (终审 is later), not the editor, not another unit's reviewer, not the office.
      for (const c of [approver, editor, eduReviewer, office]) expect(await inbox(c.actor.id)).toHaveLength(0);
    });

    it('tells the next step\'s role on each approval, and the author on a return or rejection', async () => {
      second = await create(editor, tzgg, '关于调整部分公交线路的通告');
      await ok(editor.request('POST', `/api/documents/${second}/submit`));
      await ok(reviewer.request('POST', `/api/documents/${second}/reviews`, { decision: 'approve' }));
      // 复审 goes to the other reviewer: whoever took 初审 takes no other step of the round.
      const afterFirst = (await inbox(reviewer.actor.id)).filter((n) => n.link?.endsWith(second));
      expect(afterFirst.map((n) => n.title.match(/（(.+?)）/)?.[1]).sort()).toEqual(['初审']);
      const toSecond = (await inbox(reviewer2.actor.id)).filter((n) => n.link?.endsWith(second));
      expect(toSecond.map((n) => n.title.match(/（(.+?)）/)?.[1]).sort()).toEqual(['初审', '复审']);

      final = await create(editor, tzgg, '关于开展消防安全检查的通知', { bodyHtml: '<p>请各单位于3月底前完成自查。</p><p>举报电话13812345678。</p>' });
      await ok(editor.request('POST', `/api/documents/${final}/submit`));
      await ok(reviewer.request('POST', `/api/documents/${final}/reviews`, { decision: 'approve' }));
      expect((await inbox(approver.actor.id)).length).toBe(0);
      await ok(reviewer2.request('POST', `/api/documents/${final}/reviews`, { decision: 'approve' }));
      const toApprover = await inbox(approver.actor.id);
      expect(toApprover).toHaveLength(1);
      expect(toApprover[0]).toMatchObject({ kind: 'document.review', link: `/admin/catalog/documents/${final}` });
      expect(toApprover[0].title).toContain('终审');

      // A disabled reviewer is not told.
      const gone = await t.userWith(['reviewer'], '区政府办公室');
      await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, gone.actor.id));

      const returned = await create(editor, tzgg, '关于召开安全生产会议的通知');
      await ok(editor.request('POST', `/api/documents/${returned}/submit`));
      expect(await inbox(gone.actor.id)).toHaveLength(0);
      await ok(reviewer.request('POST', `/api/documents/${returned}/reviews`, { decision: 'return', comment: '请补充会议地点' }));
      const rejected = await create(editor, tzgg, '关于重复发布的通知');
      await ok(editor.request('POST', `/api/documents/${rejected}/submit`));
      await ok(reviewer.request('POST', `/api/documents/${rejected}/reviews`, { decision: 'reject', comment: '与已发布通知重复' }));
      const toAuthor = await inbox(editor.actor.id);
      expect(toAuthor.map((n) => n.kind).sort()).toEqual(['document.rejected', 'document.returned']);
      const ret = toAuthor.find((n) => n.kind === 'document.returned')!;
      expect(ret).toMatchObject({ link: `/admin/catalog/documents/${returned}`, body: '审核意见：请补充会议地点' });
      expect(ret.title).toContain('关于召开安全生产会议的通知');
      // The reviewer is not told of their own decision.
      expect((await inbox(reviewer.actor.id)).some((n) => n.kind !== 'document.review')).toBe(false);
    });

    it('a notification is part of the state change: a refused step sends nothing', async () => {
      const before = (await inbox(reviewer.actor.id)).length;
      const wrong = await approver.request('POST', `/api/documents/${first}/reviews`, { decision: 'approve' });
      expect(wrong.statusCode).toBe(403);
      expect((await inbox(reviewer.actor.id)).length).toBe(before);
    });

    it('awaiting=mine returns exactly the documents whose current step the caller may take', async () => {
      edu = await create(eduEditor, eduColumn, '区教委关于2024年春季学期开学工作的通知');
      await ok(eduEditor.request('POST', `/api/documents/${edu}/submit`));

      // The reviewer took 初审 of second: its 复审 waits for someone else.
      expect(ids(await list(reviewer, 'awaiting=mine'))).toEqual([first]);
      const rev = await list(reviewer2, 'awaiting=mine');
      expect(new Set(ids(rev))).toEqual(new Set([first, second]));
      expect(rev.items.find((i) => i.id === first)).toMatchObject({ status: 'in_review', currentStep: '初审' });
      expect(rev.items.find((i) => i.id === second)?.currentStep).toBe('复审');
      // At the last step the queue counts the personal information publication still waits for.
      expect(rev.items.some((i) => 'openFindings' in i)).toBe(false);
      const appr = await list(approver, 'awaiting=mine');
      expect(ids(appr)).toEqual([final]);
      expect(appr.items[0]).toMatchObject({ currentStep: '终审', openFindings: 1 });
      expect(ids(await list(eduReviewer, 'awaiting=mine'))).toEqual([edu]);
      expect(new Set(ids(await list(office, 'awaiting=mine')))).toEqual(new Set([first, second, final, edu]));
      // Editors take no step; filters combine with the queue.
      expect((await list(editor, 'awaiting=mine')).total).toBe(0);
      expect(ids(await list(reviewer2, `awaiting=mine&q=${encodeURIComponent('公交')}`))).toEqual([second]);
      expect((await list(reviewer, 'awaiting=mine&status=draft')).total).toBe(0);
      // Every document under review is listed under 审核中, whoever's step it is.
      expect(new Set(ids(await list(editor, 'status=in_review')))).toEqual(new Set([first, second, final]));

      // The queue and the review endpoint agree: whatever is not in someone's queue, the endpoint refuses them.
      const people = [reviewer, reviewer2, approver, eduReviewer, office, editor];
      for (const p of people) {
        const queued = ids(await list(p, 'awaiting=mine&pageSize=100'));
        for (const id of [first, second, final, edu].filter((d) => !queued.includes(d))) {
          const res = await p.request('POST', `/api/documents/${id}/reviews`, { decision: 'return', comment: '核对' });
          expect(res.statusCode, `${p.actor.id} ${id}`).toBe(403);
        }
      }
    });

    it('the review rule decides the queue: a step the reviewer may take is listed, one they may not is not', async () => {
      // Let 区政府办公室's reviewer take 初审 on first and be refused on final (终审 is the approver's).
      const base = (await inbox(editor.actor.id)).length;
      expect((await reviewer.request('POST', `/api/documents/${final}/reviews`, { decision: 'return', comment: '测试' })).statusCode).toBe(403);
      expect((await eduReviewer.request('POST', `/api/documents/${first}/reviews`, { decision: 'return', comment: '测试' })).json().error.code).toBe('out_of_scope');
      await ok(reviewer.request('POST', `/api/documents/${first}/reviews`, { decision: 'approve' }));
      // 复审 is a reviewer's too, but not this reviewer's: they took 初审 of this round.
      expect(ids(await list(reviewer, 'awaiting=mine'))).not.toContain(first);
      expect(ids(await list(reviewer2, 'awaiting=mine'))).toContain(first);
      await ok(reviewer2.request('POST', `/api/documents/${first}/reviews`, { decision: 'approve' }));
      expect(ids(await list(reviewer2, 'awaiting=mine'))).not.toContain(first);
      expect(new Set(ids(await list(approver, 'awaiting=mine')))).toEqual(new Set([final, first]));
      expect((await inbox(editor.actor.id)).length).toBe(base);
    });
  });

  it('a published document\'s edit with a future publishAt waits for it; the published version stays up until then', async () => {
    const approveAll = async (id: string) => {
      await ok(reviewer.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
      await ok(reviewer2.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
      await ok(approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true }));
    };
    const id = await create(editor, tzgg, '关于春节期间烟花爆竹燃放管理的通告');
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    await approveAll(id);
    const [published] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(published.status).toBe('published');

    const at = new Date(Date.now() + 3 * 86_400_000);
    const edit = await editor.request('PUT', `/api/documents/${id}`, { ...doc('关于春节期间烟花爆竹燃放管理的通告（修订）'), columnId: tzgg, publishAt: at.toISOString() });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().workingCopy.publishAt).toBe(at.toISOString());
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    const queued = await list(reviewer, 'awaiting=mine');
    expect(queued.items.find((i) => i.id === id)).toMatchObject({ status: 'published', currentStep: '初审', hasWorkingCopy: true, workingCopyState: 'in_review' });
    await approveAll(id);

    // Approved, not applied: the public still sees the first version.
    const [waiting] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(waiting).toMatchObject({ status: 'published', title: '关于春节期间烟花爆竹燃放管理的通告', reviewStep: 0 });
    expect(waiting.publishedAt).toEqual(published.publishedAt);
    expect((waiting.workingCopy as { approvedAt?: string }).approvedAt).toBeTruthy();
    expect((await list(editor, `q=${encodeURIComponent('烟花爆竹')}`)).items[0]).toMatchObject({ hasWorkingCopy: true, workingCopyState: 'scheduled', currentStep: null });
    const [job] = await t.database.db.select().from(jobs).where(and(eq(jobs.kind, 'catalog-apply-working-copy'), eq(jobs.status, 'pending')));
    expect(job.runAt).toEqual(at);
    // Sending it again would restart a review that is over.
    expect((await editor.request('POST', `/api/documents/${id}/submit`)).json().error.code).toBe('copy_scheduled');

    const runner = new JobRunner(t.database.db);
    registerCatalogJobs(runner);
    expect(await runner.runDue(new Date(at.getTime() - 60_000))).toBe(0);
    expect(await runner.runDue(new Date(at.getTime() + 60_000))).toBe(1);
    const [applied] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(applied).toMatchObject({ status: 'published', title: '关于春节期间烟花爆竹燃放管理的通告（修订）', workingCopy: null });
    // A correction keeps the date the document was first published.
    expect(applied.publishedAt).toEqual(published.publishedAt);
  });

  it('an edit approved after its schedule was superseded changes nothing when the job runs', async () => {
    const id = await create(editor, tzgg, '关于开展文明城区创建的倡议书');
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    for (const c of [reviewer, reviewer2]) await ok(c.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
    await ok(approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true }));
    const at = new Date(Date.now() + 86_400_000);
    await ok(editor.request('PUT', `/api/documents/${id}`, { ...doc('关于开展文明城区创建的倡议书（一）'), columnId: tzgg, publishAt: at.toISOString() }));
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    for (const c of [reviewer, reviewer2]) await ok(c.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
    await ok(approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true }));
    // Edited again before the time: the approved copy is replaced by a new one, to be reviewed anew.
    await ok(editor.request('PUT', `/api/documents/${id}`, { ...doc('关于开展文明城区创建的倡议书（二）'), columnId: tzgg, publishAt: null }));
    const runner = new JobRunner(t.database.db);
    registerCatalogJobs(runner);
    expect(await runner.runDue(new Date(at.getTime() + 60_000))).toBe(1);
    const [after] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(after.title).toBe('关于开展文明城区创建的倡议书');
    expect((after.workingCopy as { title: string }).title).toBe('关于开展文明城区创建的倡议书（二）');
  });

  it('an edit of a document still waiting for its publication time takes the edit\'s publishAt', async () => {
    const first = new Date(Date.now() + 2 * 86_400_000);
    const id = await create(editor, tzgg, '关于元旦假期安排的通知', { publishAt: first.toISOString() });
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    for (const c of [reviewer, reviewer2]) await ok(c.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
    await ok(approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true }));
    const [scheduled] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    expect(scheduled).toMatchObject({ status: 'scheduled', publishedAt: first });
    const later = new Date(Date.now() + 5 * 86_400_000);
    await ok(editor.request('PUT', `/api/documents/${id}`, { ...doc('关于元旦假期安排的通知（更正）'), columnId: tzgg, publishAt: later.toISOString() }));
    await ok(editor.request('POST', `/api/documents/${id}/submit`));
    for (const c of [reviewer, reviewer2]) await ok(c.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve' }));
    await ok(approver.request('POST', `/api/documents/${id}/reviews`, { decision: 'approve', secrecyConfirmed: true }));
    const [after] = await t.database.db.select().from(documents).where(eq(documents.id, id));
    // Nothing was public yet, so the corrected text simply waits for the new time.
    expect(after).toMatchObject({ status: 'scheduled', title: '关于元旦假期安排的通知（更正）', publishedAt: later, publishAt: later, workingCopy: null });
  });
});
