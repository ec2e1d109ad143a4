import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, requestCases } from '../../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { lapseRequests } from './lapse-requests.ts';

const applicant = { applicantKind: '自然人', applicantName: '张三', applicantIdKind: '身份证', applicantIdNumber: '500103198001011234', applicantPhone: '13800000000', applicantEmail: 'zhang@example.com' };

describe('information requests through the HTTP app', () => {
  let t: TestApp;
  let handler: ApiClient; // 区财政局 答复人员
  let approver: ApiClient; // 区财政局 签发人
  let editor: ApiClient; // 区财政局 信息员 (reads, may not see ID)
  let other: ApiClient; // 区民政局 答复人员
  let office: ApiClient; // 区政府办公室 主管部门管理员
  let caseId = '';

  beforeAll(async () => {
    t = await createTestApp();
    handler = await t.userWith(['responder'], '区财政局');
    approver = await t.userWith(['approver'], '区财政局');
    editor = await t.userWith(['editor'], '区财政局');
    other = await t.userWith(['responder'], '区民政局');
    office = await t.userWith(['office_admin'], '区政府办公室');
  });
  afterAll(() => t.close());

  const post = (c: ApiClient, path: string, body: unknown) => c.request('POST', `/api/requests/${caseId}/${path}`, body);

  it('runs a case through receipt, 补正, consultation, extension, decision and delivery, the clock exact at each step', async () => {
    const created = await handler.request('POST', '/api/requests', {
      ...applicant,
      channel: '信函',
      items: [{ description: '2025年度区级部门预算公开中“三公”经费明细' }, { description: '某供应商投标文件全文' }],
      preferredForm: '电子邮件',
      deliveryMethod: '电子',
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    expect(created.json().code).toMatch(/^YSQ\d{4}[2-9A-Z]{8}$/);

    // R = Mon 2026-11-02: 20 working days → 11/30 (11/3–6 =1..4, 11/9–13 =5..9, 11/16–20 =10..14, 11/23–27 =15..19, 11/30 =20)
    let r = await post(handler, 'receipt', { receivedOn: '2026-11-02' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: '办理中', dueOn: '2026-11-30' });
    expect((await post(handler, 'receipt', { receivedOn: '2026-11-02' })).json().error.code).toBe('already_received');

    r = await post(handler, 'correction', { on: '2026-11-04', needed: '请明确所需预算科目的名称' });
    expect(r.json()).toMatchObject({ status: '待补正', dueOn: null, result: { restartsClock: true, applicantDueOn: '2026-11-25' } });
    expect((await post(handler, 'correction', { on: '2026-11-05', needed: '再补' })).statusCode).toBe(409);
    // a correction that arrived before the notice went out is an impossible timeline: nothing is written
    r = await post(handler, 'correction-received', { on: '2026-11-03' });
    expect(r.json().error.code).toBe('correction_before_notice');
    r = await post(handler, 'correction-received', { on: '2026-11-10' });
    // from C = 11/10: 11/11 =1 … 12/8 =20 (11/11–13 =1..3, 11/16–20 =4..8, 11/23–27 =9..13, 11/30–12/4 =14..18, 12/7 =19, 12/8 =20)
    expect(r.json()).toMatchObject({ status: '办理中', dueOn: '2026-12-08' });

    r = await post(handler, 'consultations', { on: '2026-11-12', party: '某供应商有限公司', kind: '第三方' });
    expect(r.json().status).toBe('征求意见');
    // while unanswered the pause is the full 15 working days: 11/13 … 12/3 not counted
    r = await post(handler, 'consultation-answer', { on: '2026-11-16', answer: '不同意公开' });
    // paused 11/13, 11/16 → 12/10
    expect(r.json()).toMatchObject({ status: '办理中', dueOn: '2026-12-10' });

    // the extension needs the office head (签发人 of the unit); the handler is refused
    expect((await post(handler, 'extension', { on: '2026-11-20', days: 10, reason: '需征求多方意见', notice: '书面告知' })).statusCode).toBe(403);
    expect((await post(approver, 'extension', { on: '2026-11-20', days: 21, reason: '需征求多方意见', notice: '书面告知' })).statusCode).toBe(400);
    r = await post(approver, 'extension', { on: '2026-11-20', days: 10, reason: '需征求多方意见', notice: '书面告知申请人' });
    // 12/10 + 10: 12/11 =1, 12/14–18 =2..6, 12/21–24 =7..10
    expect(r.json()).toMatchObject({ dueOn: '2026-12-24' });
    expect((await post(approver, 'extension', { on: '2026-11-21', days: 5, reason: '再延', notice: '书面' })).json().error.code).toBe('extension_twice');

    // deciding: item 1 disclosed, item 2 withheld to protect the third party → the case counts once, as 部分公开
    expect((await post(handler, 'decision', { decisions: [{ seq: 1, outcome: '1' }, { seq: 2, outcome: '3.4' }] })).json().error.code).toBe('reason_required');
    expect((await post(handler, 'decision', { decisions: [{ seq: 1, outcome: '6.1', reason: 'x' }] })).json().error.code).toBe('lapse_outcome');
    r = await post(handler, 'decision', { decisions: [{ seq: 1, outcome: '1' }, { seq: 2, outcome: '3.4', reason: '涉及商业秘密，第三方不同意公开' }] });
    expect(r.json()).toMatchObject({ status: '已决定', outcome: '2' });

    // the reply letter: a .docx with the agency's header, the next 文号, every item's decision and the remedies sentence
    const letter = await post(handler, 'letters/reply', undefined);
    expect(letter.statusCode, letter.body.slice(0, 200)).toBe(200);
    const { default: PizZip } = await import('pizzip');
    const xml = new PizZip(letter.rawPayload).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    expect(xml).toContain('重庆市渝中区财政局');
    expect(xml).toMatch(/区财政局依申〔\d{4}〕1号/);
    expect(xml).toContain('不予公开（保护第三方合法权益）（依据条例第十五条）');
    expect(xml).toContain('60日内向重庆市渝中区人民政府申请行政复议');
    expect(xml).toContain('6个月内');
    expect(xml).not.toMatch(/[{}]/);
    const second = new PizZip((await post(handler, 'letters/extension', undefined)).rawPayload).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    expect(second).toMatch(/依申〔\d{4}〕2号/);
    expect(second).toContain('延长10个工作日');
    fs.writeFileSync(path.join(os.tmpdir(), 'gk-request-reply.docx'), letter.rawPayload);

    r = await post(handler, 'delivery', { method: '电子送达', servedOn: '2026-12-03', proof: '电子邮件已送达 zhang@example.com' });
    expect(r.json()).toMatchObject({ status: '已办结', closedOn: '2026-12-03', outcome: '2' });

    const detail = (await handler.request('GET', `/api/requests/${caseId}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['entered', 'received', 'correction_sent', 'correction_received', 'consultation_started', 'consultation_ended', 'extended', 'decided', 'letter', 'letter', 'delivered']);
    expect(detail).toMatchObject({ pausedDays: 2, extendedDays: 10, countFrom: '2026-11-10', applicantIdMasked: '500***********1234' });
    expect(detail.applicantIdNumber).toBeUndefined();
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, caseId));
    expect(audits.map((a) => a.action)).toContain('request.extended');

    // the office reopens with a reason; the handler may not
    expect((await post(handler, 'reopen', { reason: '复议决定责令重新答复' })).statusCode).toBe(403);
    r = await post(office, 'reopen', { reason: '复议决定责令重新答复' });
    expect(r.json()).toMatchObject({ status: '办理中', outcome: null, closedOn: null });
  });

  it('keeps a unit to its own cases, and the ID number to the handling unit and the office, every view audited', async () => {
    expect((await other.request('GET', `/api/requests/${caseId}`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/requests')).json().items.some((i: { id: string }) => i.id === caseId)).toBe(false);
    expect((await other.request('POST', `/api/requests/${caseId}/identity`)).statusCode).toBe(404);
    expect((await editor.request('GET', `/api/requests/${caseId}`)).statusCode).toBe(200);
    expect((await editor.request('POST', `/api/requests/${caseId}/identity`)).statusCode).toBe(403);
    const seen = await office.request('POST', `/api/requests/${caseId}/identity`);
    expect(seen.json()).toEqual({ applicantIdKind: '身份证', applicantIdNumber: '500103198001011234' });
    expect((await handler.request('POST', `/api/requests/${caseId}/identity`)).statusCode).toBe(200);
    const views = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'request.identity_view'));
    expect(views[0].n).toBe(2);
    expect((await office.request('GET', '/api/requests')).json().items.some((i: { id: string }) => i.id === caseId)).toBe(true);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(requestCases))[0].n;
    const base = { ...applicant, channel: '当面', items: [{ description: '某文件' }] };
    // a text file named like a photo is not an ID document (type by content)
    const up = multipartBody({ filename: '身份证.jpg', data: Buffer.from('这不是图片，只是文字'), contentType: 'image/jpeg' });
    const file = await handler.request('POST', '/api/files', up.payload, up.headers);
    expect(file.statusCode, file.body).toBe(201);
    let r = await handler.request('POST', '/api/requests', { ...base, files: [{ fileId: file.json().id, kind: '身份证明' }] });
    expect(r.json().error.code).toBe('id_document_type');
    // a 10 MB description
    r = await handler.request('POST', '/api/requests', { ...base, items: [{ description: 'x'.repeat(10 * 1024 * 1024) }] });
    expect([400, 413]).toContain(r.statusCode);
    r = await handler.request('POST', '/api/requests', { ...base, applicantKind: '公司' });
    expect(r.statusCode).toBe(400);
    r = await handler.request('POST', '/api/requests', { ...base, items: Array.from({ length: 21 }, () => ({ description: 'a' })) });
    expect(r.statusCode).toBe(400);
    r = await handler.request('POST', '/api/requests', { ...base, channel: '信函', receivedOn: '2099-01-01' });
    expect(r.statusCode).toBe(400);
    // another unit's agency
    r = await handler.request('POST', '/api/requests', { ...base, agencyUnitId: (await other.request('GET', '/api/auth/me')).json().user?.unitId ?? '00000000-0000-0000-0000-000000000000' });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.database.db.select({ n: count() }).from(requestCases))[0].n).toBe(before);
    // HTML is kept as plain text, never interpreted
    r = await handler.request('POST', '/api/requests', { ...base, items: [{ description: '<script>alert(1)</script>道路改造批复' }] });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await handler.request('GET', `/api/requests/${r.json().id}`)).json();
    expect(d.items[0].description).toBe('<script>alert(1)</script>道路改造批复');
    // a walk-in is received the day it is handed in
    expect(d.status).toBe('办理中');
    expect(d.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a similar request of the same applicant within the year as a possible duplicate', async () => {
    const a = await handler.request('POST', '/api/requests', { ...applicant, channel: '信函', receivedOn: '2026-10-12', items: [{ description: '解放碑步行街2026年改造工程的立项批复文件' }] });
    const b = await handler.request('POST', '/api/requests', { ...applicant, channel: '信函', receivedOn: '2026-10-19', items: [{ description: '请提供解放碑步行街2026年改造工程立项批复' }] });
    const d = (await handler.request('GET', `/api/requests/${b.json().id}`)).json();
    expect(d.duplicates.map((x: { id: string }) => x.id)).toContain(a.json().id);
    expect(d.volume.count).toBeGreaterThanOrEqual(2);
  });

  it('lapses an unanswered 补正 into 六1 and an unpaid fee into 六2; lists waiting and overdue cases', async () => {
    const mk = async (receivedOn: string) => (await handler.request('POST', '/api/requests', { ...applicant, applicantIdNumber: undefined, applicantName: `李四${receivedOn}`, channel: '传真', receivedOn, items: [{ description: '某事项' }] })).json().id as string;
    const c1 = await mk('2026-06-01');
    caseId = c1;
    await post(handler, 'correction', { on: '2026-06-03', needed: '请补充身份证明' });
    const c2 = await mk('2026-06-01');
    caseId = c2;
    const fee = await post(handler, 'fee-notice', { basis: '按量', pages: 250, on: '2026-06-05' });
    expect(fee.json()).toMatchObject({ status: '待缴费', result: { yuan: 4700 } });
    const c3 = await mk('2026-06-01');
    const waiting = (await handler.request('GET', '/api/requests?view=waiting')).json().items.map((i: { id: string }) => i.id);
    expect(waiting).toEqual(expect.arrayContaining([c1, c2]));
    const overdue = (await handler.request('GET', '/api/requests?view=overdue')).json().items.map((i: { id: string }) => i.id);
    expect(overdue).toContain(c3);
    expect(overdue).not.toContain(c1);
    expect(await lapseRequests(t.database.db)).toBeGreaterThanOrEqual(2);
    expect((await handler.request('GET', `/api/requests/${c1}`)).json()).toMatchObject({ status: '已决定', outcome: '6.1' });
    expect((await handler.request('GET', `/api/requests/${c2}`)).json()).toMatchObject({ status: '已决定', outcome: '6.2' });
    expect(await lapseRequests(t.database.db)).toBe(0);
  });

  it('recomputes open cases when the calendar changes, audited', async () => {
    const c = await handler.request('POST', '/api/requests', { ...applicant, channel: '信函', receivedOn: '2026-11-30', items: [{ description: '日历测试' }] });
    const id = c.json().id;
    // R = 11/30: 12/1–4 =1..4, 12/7–11 =5..9, 12/14–18 =10..14, 12/21–25 =15..19, 12/28 =20
    expect((await handler.request('GET', `/api/requests/${id}`)).json().dueOn).toBe('2026-12-28');
    const year = (await office.request('GET', '/api/calendar/years/2026')).json();
    const days = [...year.days.map((d: { date: string; kind: string; name: string }) => ({ date: d.date, kind: d.kind, name: d.name })), { date: '2026-12-24', kind: 'off', name: '测试假日' }];
    const put = await office.request('PUT', '/api/calendar/years/2026', { note: year.note ?? null, days });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().recomputed.requests).toBeGreaterThanOrEqual(1);
    expect((await handler.request('GET', `/api/requests/${id}`)).json().dueOn).toBe('2026-12-29');
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'request.recompute_due'));
    expect(JSON.stringify(a.after)).toContain('2026-12-29');

    // received 12/03: the period runs into 2027, not yet entered — the case is taken, its due date unknown until 2027 is entered
    const late = (await handler.request('POST', '/api/requests', { ...applicant, channel: '信函', receivedOn: '2026-12-03', items: [{ description: '跨年测试' }] })).json().id;
    {
      expect((await handler.request('GET', `/api/requests/${late}`)).json()).toMatchObject({ dueOn: null, clockNote: 'calendar_not_published:2027' });
      const put2027 = await office.request('PUT', '/api/calendar/years/2027', { note: '测试', days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }] });
      expect(put2027.statusCode, put2027.body).toBe(200);
      // 12/4 =1, 12/7–11 =2..6, 12/14–18 =7..11, 12/21–23 =12..14 (12/24 now off), 12/25 =15, 12/28–31 =16..19, 1/1 off, 1/4 =20
      expect((await handler.request('GET', `/api/requests/${late}`)).json()).toMatchObject({ dueOn: '2027-01-04', clockNote: null });
    }
  });

  it('answers the clock and the fee over HTTP with the same code', async () => {
    const r = await handler.request('POST', '/api/requests/due', { events: [{ type: 'received', date: '2021-09-29' }, { type: 'extended', days: 20 }] });
    expect(r.json()).toMatchObject({ due: '2021-11-30', extendedDays: 20 });
    expect((await handler.request('POST', '/api/requests/due', { events: [{ type: 'received', date: '2028-09-29' }] })).json().error.code).toBe('calendar_not_published');
    expect((await handler.request('GET', '/api/requests/fee?items=35')).json().yuan).toBe(3000);
  });
});
