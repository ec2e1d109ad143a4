import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, documents, mailboxMessages, requestEvents, requestItems, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

const applicant = { applicantKind: '自然人', applicantName: '赵六', applicantIdKind: '身份证', applicantIdNumber: '500103198001011234', applicantPhone: '13800000001' };

describe('where a request goes: 转送 through the ledger, 已主动公开, complaints (第三十九条)', () => {
  let t: TestApp;
  let finance: ApiClient; // 区财政局 答复人员
  let civil: ApiClient; // 区民政局 答复人员
  let office: ApiClient;
  let civilId = '';
  let financeId = '';
  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.userWith(['responder'], '区财政局');
    civil = await t.userWith(['responder'], '区民政局');
    office = await t.userWith(['office_admin'], '区政府办公室');
    [{ id: civilId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区民政局'));
    [{ id: financeId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区财政局'));
  });
  afterAll(() => t.close());

  const create = async (description: string, receivedOn = '2026-11-02') =>
    (await finance.request('POST', '/api/requests', { ...applicant, channel: '信函', receivedOn, items: [{ description }] })).json().id as string;
  const ledgerItemOf = async (client: ApiClient) => (await client.request('GET', '/api/ledger/items?subjectType=request_transfer')).json().items as { id: string; status: string; subjectId: string }[];

  it('transfers to the competent agency: 退回 with a reason brings it back; 签收 moves it there, received on the day signed', async () => {
    const id = await create('低保对象认定的审批流程文件');
    const bad = await finance.request('POST', `/api/requests/${id}/transfer`, { unitId: financeId, reason: '不属于本机关' });
    expect(bad.json().error.code).toBe('transfer_same_unit');
    const tr = await finance.request('POST', `/api/requests/${id}/transfer`, { unitId: civilId, reason: '低保认定由区民政局负责' });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json()).toMatchObject({ status: '已转办', result: { toName: '重庆市渝中区民政局' } });
    // the receiver sees the ledger item, not yet the case
    let [item] = await ledgerItemOf(civil);
    expect(item).toMatchObject({ status: 'pending', subjectId: id });
    expect((await civil.request('GET', `/api/requests/${id}`)).statusCode).toBe(404);
    expect(await ledgerItemOf(await t.userWith(['responder'], '区教委'))).toEqual([]);

    const ret = await civil.request('POST', `/api/ledger/items/${item.id}/return`, { reason: '该文件由区财政局制作，应由其答复' });
    expect(ret.statusCode, ret.body).toBe(200);
    let c = (await finance.request('GET', `/api/requests/${id}`)).json();
    expect(c).toMatchObject({ status: '办理中', agencyUnitId: financeId, receivedOn: '2026-11-02', dueOn: '2026-11-30' });
    expect(c.events.find((e: { kind: string }) => e.kind === 'transfer_returned')).toMatchObject({ note: '该文件由区财政局制作，应由其答复' });
    expect((await ledgerItemOf(office)).find((i) => i.subjectId === id)?.status).toBe('closed');

    // transferred again: the closed item reopens at the receiver, who signs for it
    expect((await finance.request('POST', `/api/requests/${id}/transfer`, { unitId: civilId, reason: '经核实确属区民政局职责' })).statusCode).toBe(200);
    [item] = await ledgerItemOf(civil);
    expect(item.status).toBe('pending');
    const sign = await civil.request('POST', `/api/ledger/items/${item.id}/sign`);
    expect(sign.statusCode, sign.body).toBe(200);
    c = (await civil.request('GET', `/api/requests/${id}`)).json();
    const today = todayInShanghai();
    expect(c).toMatchObject({ status: '办理中', agencyUnitId: civilId, receivedOn: today });
    const received = c.events.filter((e: { kind: string; voided: boolean }) => e.kind === 'received');
    expect(received.map((e: { on: string; voided: boolean }) => [e.on, e.voided])).toEqual([['2026-11-02', true], [today, false]]);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['transferred', 'transfer_returned', 'transfer_signed']));
    expect((await finance.request('GET', `/api/requests/${id}`)).statusCode).toBe(404);
    expect((await ledgerItemOf(civil)).find((i) => i.subjectId === id)?.status).toBe('closed');
    const audits = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(audits).toEqual(expect.arrayContaining(['request.transferred', 'request.transfer_returned', 'request.transfer_signed']));
  });

  it('answers a request for published information with where to find it (予以公开, 第三十六条第（一）项)', async () => {
    const id = await create('区政府信息公开指南');
    const [doc] = await t.database.db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.status, 'published')).limit(1);
    expect((await finance.request('POST', `/api/requests/${id}/published`, {})).json().error.code).toBe('validation_failed');
    expect((await civil.request('POST', `/api/requests/${id}/published`, { documentId: doc.id })).statusCode).toBe(404);
    const r = await finance.request('POST', `/api/requests/${id}/published`, { documentId: doc.id });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: '已决定', outcome: '1' });
    const [item] = await t.database.db.select().from(requestItems).where(eq(requestItems.caseId, id));
    expect(item.outcome).toBe('1');
    expect(item.reason).toContain('第三十六条第（一）项');
    expect(item.reason).toContain(`《${doc.title}》`);
    expect(item.reason).toContain(`/doc/${doc.id}`);
    const other = await create('某小区加装电梯补助资金拨付记录');
    expect((await finance.request('POST', `/api/requests/${other}/published`, { where: '重庆市渝中区人民政府网站“财政资金”栏目' })).json().outcome).toBe('1');
  });

  it('routes a complaint sent as a request into the mailbox as 投诉 and closes the case 5.1', async () => {
    const id = await create('投诉某街道办工作人员态度恶劣，要求严肃处理');
    const r = await finance.request('POST', `/api/requests/${id}/complaint`, { reason: '申请内容为投诉举报' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: '已办结', outcome: '5.1', closedOn: todayInShanghai() });
    const msgCode = r.json().result.messageCode;
    const [m] = await t.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.code, msgCode));
    expect(m).toMatchObject({ type: '投诉', status: 'received', name: '赵六', phone: '13800000001', body: '投诉某街道办工作人员态度恶劣，要求严肃处理' });
    const c = (await finance.request('GET', `/api/requests/${id}`)).json();
    expect(c).toMatchObject({ route: '信访投诉', outcome: '5.1' });
    expect(c.items[0]).toMatchObject({ outcome: '5.1', reason: expect.stringContaining(msgCode) });
    const [ev] = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.caseId, id), eq(requestEvents.kind, 'complaint_routed')));
    expect(ev.data).toMatchObject({ messageCode: msgCode });
    // the office sees it in the mailbox; a case not yet received cannot be routed; closed cases neither
    expect((await office.request('GET', `/api/mailbox/messages/${m.id}`)).statusCode).toBe(200);
    expect((await finance.request('POST', `/api/requests/${id}/complaint`, {})).json().error.code).toBe('wrong_status');
    const waiting = (await finance.request('POST', '/api/requests', { ...applicant, channel: '信函', items: [{ description: '投诉举报' }] })).json().id;
    expect((await finance.request('POST', `/api/requests/${waiting}/complaint`, {})).json().error.code).toBe('wrong_status');
  });
});
