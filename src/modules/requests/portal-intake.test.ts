import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, files, requestCases, requestEvents, requestFiles, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { multipartForm } from '../../testing/multipart.ts';
import { PDF, PNG } from '../../testing/sample-files.ts';


describe('依申请公开 through the public API (challenge off), with the bad input of the issue', () => {
  let t: TestApp;
  let handler: ApiClient; // 区财政局 答复人员
  let editor: ApiClient; // 区财政局 信息员: reads cases, not applicants' documents
  let other: ApiClient; // 区民政局 答复人员
  let office: ApiClient;
  let justice: ApiClient; // 区司法局 复议诉讼统计员
  let agencyId = '';
  let ip = 0;
  const nextIp = () => `203.0.113.${++ip}`;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_FORM_CHALLENGE: 'off', PUBLIC_SUBMIT_LIMIT: '3', PUBLIC_LOOKUP_MISS_LIMIT: '3' });
    handler = await t.userWith(['responder'], '区财政局');
    editor = await t.userWith(['editor'], '区财政局');
    other = await t.userWith(['responder'], '区民政局');
    office = await t.userWith(['office_admin'], '区政府办公室');
    justice = await t.userWith(['justice_stats'], '区司法局');
    [{ id: agencyId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区财政局'));
  });
  afterAll(() => t.close());

  const fields = () => ({
    agencyUnitId: agencyId,
    applicantKind: '科研机构',
    applicantName: '某大学城市治理研究中心',
    applicantIdKind: '统一社会信用代码',
    applicantIdNumber: '12500000450400000X',
    applicantPhone: '023-65100000',
    applicantEmail: 'research@example.edu.cn',
    description: '2025年度区级部门预算中政府采购项目的执行情况表',
    docNumber: '渝中财〔2025〕12号',
    purpose: '学术研究',
    preferredForm: '电子邮件',
    deliveryMethod: '电子',
  });
  const submit = (f: Record<string, string>, proofs: { filename: string; data: Buffer }[] = [{ filename: '营业执照.png', data: PNG }], remoteAddress = nextIp(), headers: Record<string, string> = {}) => {
    const mp = multipartForm(f, proofs.map((p) => ({ field: 'idProof', ...p })));
    return t.app.inject({ method: 'POST', url: '/api/public/requests', remoteAddress, payload: mp.payload, headers: { ...mp.headers, ...headers } });
  };
  const countCases = async () => (await t.database.db.select({ n: count() }).from(requestCases))[0].n;
  const countFiles = async () => (await t.database.db.select({ n: count() }).from(files))[0].n;

  let code = '';
  let caseId = '';
  let proofId = '';

  it('files a request: query code, 待确认收到, the proof stored as 身份证明, audited, the agency told; repeats make one case', async () => {
    const agencies = (await t.app.inject({ method: 'GET', url: '/api/public/requests/agencies' })).json().items;
    expect(agencies.map((a: { name: string }) => a.name)).toContain('重庆市渝中区财政局');
    const res = await submit(fields(), [{ filename: '营业执照.png', data: PNG }, { filename: '授权书.pdf', data: PDF }], '203.0.113.200', { 'idempotency-key': 'k-1' });
    expect(res.statusCode, res.body).toBe(200);
    code = res.json().code;
    expect(code).toMatch(/^YS\d{4}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(res.json().agencyName).toBe('重庆市渝中区财政局');
    const again = await submit(fields(), [{ filename: '营业执照.png', data: PNG }, { filename: '授权书.pdf', data: PDF }], '203.0.113.200', { 'idempotency-key': 'k-1' });
    expect(again.json().code).toBe(code);
    const [c] = await t.database.db.select().from(requestCases).where(eq(requestCases.code, code));
    caseId = c.id;
    expect(c).toMatchObject({ status: '待确认收到', channel: '网上', receivedOn: null, applicantKind: '科研机构', agencyUnitId: agencyId, docNumber: '渝中财〔2025〕12号', preferredForm: '电子邮件', deliveryMethod: '电子' });
    expect((await t.database.db.select({ n: count() }).from(requestCases).where(eq(requestCases.applicantName, '某大学城市治理研究中心')))[0].n).toBe(1);
    const proofs = await t.database.db.select().from(requestFiles).where(eq(requestFiles.caseId, caseId));
    expect(proofs.map((p) => p.kind)).toEqual(['身份证明', '身份证明']);
    proofId = proofs[0].fileId;
    const [f] = await t.database.db.select().from(files).where(eq(files.id, proofId));
    expect(f).toMatchObject({ attachedKind: 'request_case', attachedId: caseId, ownerUnitId: null });
    expect((await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.submit'), eq(auditLog.entityId, caseId)))).length).toBe(1);
    const listed = (await handler.request('GET', `/api/requests/${caseId}`)).json();
    expect(listed).toMatchObject({ status: '待确认收到', applicantIdMasked: '125***********000X' });
  });

  it('shows the status by code without personal data; staff confirm receipt by 第三十一条 and the status follows', async () => {
    let s = await t.app.inject({ method: 'GET', url: `/api/public/requests/${code.toLowerCase().replace(/-/g, ' ')}`, remoteAddress: nextIp() });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ code, status: '待确认收到', receivedOn: null, dueOn: null, agencyName: '重庆市渝中区财政局', submittedOn: todayInShanghai() });
    expect(s.json().next).toContain('双方确认之日');
    for (const secret of ['某大学城市治理研究中心', '12500000450400000X', '65100000', 'research@', '政府采购项目', '学术研究']) expect(s.body).not.toContain(secret);

    // online: the receipt date is the day both sides confirm — never before the day it was submitted
    const early = await handler.request('POST', `/api/requests/${caseId}/receipt`, { receivedOn: '2026-11-02' });
    expect(early.json().error.code).toBe('received_before_submitted');
    expect((await other.request('POST', `/api/requests/${caseId}/receipt`, { receivedOn: todayInShanghai() })).statusCode).toBe(404);
    const ok = await handler.request('POST', `/api/requests/${caseId}/receipt`, { receivedOn: todayInShanghai(), note: '已电话与申请人确认' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('办理中');
    const [ev] = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.kind, 'received')));
    expect(ev.data).toMatchObject({ channel: '网上', rule: expect.stringContaining('双方确认之日') });
    s = await t.app.inject({ method: 'GET', url: `/api/public/requests/${code}`, remoteAddress: nextIp() });
    expect(s.json()).toMatchObject({ status: '办理中', receivedOn: todayInShanghai() });
  });

  it("serves the applicant's documents only to the handling unit and the office, every view audited", async () => {
    const url = `/api/requests/${caseId}/files/${proofId}`;
    const mine = await handler.request('GET', url);
    expect(mine.statusCode).toBe(200);
    expect(Buffer.compare(mine.rawPayload, PNG)).toBe(0);
    expect((await office.request('GET', url)).statusCode).toBe(200);
    expect((await editor.request('GET', url)).statusCode).toBe(403);
    expect((await other.request('GET', url)).statusCode).toBe(404);
    expect((await justice.request('GET', url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // the generic file route never serves them, not even to the office
    for (const c of [handler, office]) expect((await c.request('GET', `/api/files/${proofId}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${proofId}` })).statusCode).toBe(401);
    const views = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.file_view'), eq(auditLog.entityId, caseId)));
    expect(views).toHaveLength(2);
    const timeline = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.caseId, caseId), eq(requestEvents.kind, 'file_viewed')));
    expect(timeline).toHaveLength(2);
    // the full ID number: same rule
    expect((await editor.request('POST', `/api/requests/${caseId}/identity`)).statusCode).toBe(403);
    expect((await other.request('POST', `/api/requests/${caseId}/identity`)).statusCode).toBe(404);
    expect((await handler.request('POST', `/api/requests/${caseId}/identity`)).json().applicantIdNumber).toBe('12500000450400000X');
  });

  it('refuses a mislabelled, foreign or missing ID upload before anything is stored', async () => {
    const before = [await countCases(), await countFiles()];
    const cases: [Buffer, string, string][] = [
      [PNG, '身份证.pdf', 'attachment_mislabelled'],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00' + 'x'.repeat(200), 'latin1'), '身份证.jpg', 'file_type_not_allowed'],
      [Buffer.from('这是一段文字，不是证件照片。\n'.repeat(5)), '身份证明.txt', 'id_document_type'],
    ];
    for (const [data, filename, error] of cases) {
      const r = await submit(fields(), [{ filename, data }]);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe(error);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const none = await submit(fields(), []);
    expect(none.json().error).toMatchObject({ code: 'id_proof_required', message: expect.stringContaining('身份证明') });
    const tooMany = await submit(fields(), [1, 2, 3, 4].map((i) => ({ filename: `证件${i}.png`, data: PNG })));
    expect(tooMany.json().error.code).toBe('too_many_attachments');
    expect([await countCases(), await countFiles()]).toEqual(before);
  });

  it('refuses a 10 MB description in every encoding with a clear message, and keeps HTML and script as plain text', async () => {
    const before = await countCases();
    const huge = '申'.repeat(10 * 1024 * 1024 / 3);
    const json = await t.app.inject({ method: 'POST', url: '/api/public/requests', remoteAddress: nextIp(), payload: { ...fields(), description: huge } });
    expect(json.statusCode).toBe(413);
    expect(json.json().error).toMatchObject({ code: 'too_large', message: '提交的内容超过大小上限' });
    const mp = await submit({ ...fields(), description: huge });
    expect(mp.statusCode).toBe(413);
    expect(mp.json().error).toMatchObject({ code: 'field_too_large', message: expect.stringContaining('所需政府信息的名称或内容描述') });
    const long = await submit({ ...fields(), description: '申'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('不能超过 5000 个字');
    expect(await countCases()).toBe(before);

    const script = '<script>alert("x")</script><img src=x onerror=alert(1)> 请公开<b>预算</b>明细';
    const r = await submit({ ...fields(), applicantName: '<b>某公司</b>', description: script });
    expect(r.statusCode, r.body).toBe(200);
    const [c] = await t.database.db.select().from(requestCases).where(eq(requestCases.code, r.json().code));
    expect(c.description).toBe(script);
    expect(c.applicantName).toBe('<b>某公司</b>');
    // the status page never echoes the text; a refused portal form shows it back escaped
    const status = await t.app.inject({ method: 'GET', url: `/api/public/requests/${r.json().code}`, remoteAddress: nextIp() });
    expect(status.body).not.toContain('script');
    const mpForm = multipartForm({ ...fields(), description: script }, []);
    const page = await t.app.inject({ method: 'POST', url: '/ysqgk', remoteAddress: nextIp(), payload: mpForm.payload, headers: mpForm.headers });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
  });

  it('refuses a flood from one address with a clear Chinese 429 and Retry-After; others are not affected', async () => {
    const addr = '198.51.100.77';
    const codes: number[] = [];
    let last = null as null | Awaited<ReturnType<typeof submit>>;
    for (let i = 0; i < 5; i++) {
      last = await submit({ ...fields(), description: `第${i}件：某项目的立项批复文件` }, undefined, addr);
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect(last!.json().error).toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/^提交过于频繁，请\d+分钟后再试/) });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(fields(), undefined, '198.51.100.78')).statusCode).toBe(200);
    // the portal form answers the same in a page
    const mp = multipartForm(fields(), [{ field: 'idProof', filename: 'a.png', data: PNG }]);
    const page = await t.app.inject({ method: 'POST', url: '/ysqgk', remoteAddress: addr, payload: mp.payload, headers: mp.headers });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('提交过于频繁');
  });

  it('answers an unknown or malformed code 404 in Chinese, and an address guessing codes 429', async () => {
    const addr = '192.0.2.9';
    const miss = await t.app.inject({ method: 'GET', url: '/api/public/requests/YS2026-AAAAA-BBBBB', remoteAddress: addr });
    expect(miss.statusCode).toBe(404);
    expect(miss.json().error).toMatchObject({ code: 'code_not_found', message: expect.stringContaining('查询码不存在') });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/requests/not-a-code', remoteAddress: addr })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/requests/XX2026-AAAAA-BBBBB', remoteAddress: addr })).statusCode).toBe(404);
    const blocked = await t.app.inject({ method: 'GET', url: `/api/public/requests/${code}`, remoteAddress: addr });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toContain('查询过于频繁');
    const page = await t.app.inject({ method: 'GET', url: '/ysqgk/cx?code=YS2026-AAAAA-CCCCC', remoteAddress: '192.0.2.10' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('查询码不存在');
  });
});
