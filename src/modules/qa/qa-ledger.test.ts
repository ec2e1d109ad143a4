import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, qaConsultations, qaEntries, qaVariants, units } from '../../db/schema/index.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { addDays, todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { sendLedgerReminders } from './send-ledger-reminders.ts';
import { solvedChallenge } from '../../testing/challenge-answer.ts';

/** 一网答 and the ledger through HTTP: ask, register, look up, route, reply, fold back into the library. */
describe('qa ledger', () => {
  let t: TestApp;
  let office: ApiClient;
  let hrssLiaison: ApiClient & { actor: { unitId: string } };
  let hrssSpecialist: ApiClient;
  let financeLiaison: ApiClient;
  let hrssId: string;
  let ip = 0;
  /** Each public call from its own address unless a test floods from one. */
  const pub = (method: string, url: string, body?: unknown, from = `10.0.0.${++ip % 250}`) =>
    t.app.inject({ method: method as 'POST', url, remoteAddress: from, ...(body !== undefined && { payload: body as object }) });

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
    hrssLiaison = await t.userWith(['liaison'], '区人力社保局');
    hrssSpecialist = await t.userWith(['qa_specialist'], '区人力社保局');
    financeLiaison = await t.userWith(['liaison'], '区财政局');
    [{ id: hrssId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.shortName, '区人力社保局'));
  });
  afterAll(() => t.close());

  it('answers a question of the demo library at once, with its policies, and records it as answered', async () => {
    const res = await pub('POST', '/api/public/qa/ask', { question: '三公经费在哪里可以查到？' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.decision).toBe('answer');
    expect(body.answer.question).toBe('三公经费在哪里可以查到');
    expect(body.answer.policies.map((p: { title: string }) => p.title)).toEqual(['【示例】渝中区2021年区级部门预算公开说明']);
    const [c] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.id, body.consultationId));
    expect(c).toMatchObject({ channel: 'web', status: 'answered', answeredOnSpot: true });
    expect((await pub('POST', '/api/public/qa/feedback', { consultationId: body.consultationId, useful: true })).statusCode).toBe(200);
    expect((await pub('POST', '/api/public/qa/feedback', { consultationId: body.consultationId, useful: false })).json().error.code).toBe('qa_feedback_given');
  });

  it('refuses empty and 10,000-character questions with Chinese messages; emoji, HTML and SQL-looking text are just questions', async () => {
    const before = (await t.database.db.select().from(qaConsultations)).length;
    for (const question of ['', '   ', 'x'.repeat(10_000)]) {
      const res = await pub('POST', '/api/public/qa/ask', { question });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/问题/);
    }
    expect(await t.database.db.select().from(qaConsultations)).toHaveLength(before);
    for (const question of ['社保🙂怎么交😀', '<script>alert(1)</script>低保怎么申请', "'; drop table qa_entries; -- 公租房"]) {
      const res = await pub('POST', '/api/public/qa/ask', { question });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await t.database.db.select().from(qaEntries)).length).toBeGreaterThanOrEqual(60);
  });

  it('answers a flood from one address with 429 and a clear Chinese message', async () => {
    const codes: number[] = [];
    let last = '';
    // 41 asks in well under a minute: whatever the fixed window's edge, one window holds more than 20.
    for (let i = 0; i < 41 && codes.at(-1) !== 429; i++) {
      const res = await pub('POST', '/api/public/qa/ask', { question: '公租房怎么申请' }, '10.9.9.9');
      codes.push(res.statusCode);
      last = res.body;
    }
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(20);
    expect(codes.at(-1)).toBe(429);
    expect(JSON.parse(last).error).toMatchObject({ code: 'too_many_requests', message: '提问过于频繁，请1分钟后再试' });
    // Another address is not affected.
    expect((await pub('POST', '/api/public/qa/ask', { question: '公租房怎么申请' }, '10.9.9.8')).statusCode).toBe(200);
  });

  let code = '';
  let consultationId = '';
  it('registers an unanswered question: contact needed, query code, reply due 5 working days later, unit notified', async () => {
    const asked = (await pub('POST', '/api/public/qa/ask', { question: '2026年灵活就业人员养老保险补贴申请截止到哪天' })).json();
    expect(asked.decision).not.toBe('answer');
    consultationId = asked.consultationId;
    expect((await pub('POST', '/api/public/qa/register', { consultationId })).json().error.code).toBe('qa_contact_required');
    expect((await pub('POST', '/api/public/qa/register', { consultationId, askerContact: '12ab' })).statusCode).toBe(400);
    // It stores contact data: the form challenge is required, and spent once.
    const contact = { consultationId, askerName: '张三', askerContact: '139 1234 5678' };
    expect((await pub('POST', '/api/public/qa/register', contact)).json().error.code).toBe('challenge_required');
    const proof = await solvedChallenge(t.app, '10.0.1.1');
    expect((await pub('POST', '/api/public/qa/register', { ...contact, challengeToken: proof.challengeToken, challengeAnswer: '99' })).json().error.code).toBe('challenge_failed');
    const form = { ...contact, ...proof, submissionToken: 'qa-register-token-0001' };
    const res = await pub('POST', '/api/public/qa/register', form);
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().queryCode;
    expect(code).toMatch(/^ZX\d{4}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    // The same form sent again (a double click, a reload) gets the same code and spends nothing.
    const again = await pub('POST', '/api/public/qa/register', form);
    expect(again.json()).toMatchObject({ queryCode: code, duplicate: true });
    const calendar = await loadCalendar(t.database.db);
    expect(res.json().dueOn).toBe(calendar.provisionalWorkingDays(todayInShanghai(), 5));
    const [c] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.id, consultationId));
    expect(c).toMatchObject({ status: 'registered', suggestedUnitId: hrssId, unitId: hrssId, askerContact: '13912345678' });
    const late = { consultationId, askerContact: '13912345678', ...(await solvedChallenge(t.app, '10.0.1.2')) };
    expect((await pub('POST', '/api/public/qa/register', late)).json().error.code).toBe('qa_consultation_closed');
    // A flood of registrations from one address: 429 in Chinese (PUBLIC_SUBMIT_LIMIT, 5 per 10 minutes).
    const flood: number[] = [];
    for (let i = 0; i < 6; i++) flood.push((await pub('POST', '/api/public/qa/register', { consultationId, askerContact: '13912345678' }, '10.9.8.7')).statusCode);
    expect(flood.at(-1)).toBe(429);
  });

  it('the code shows the status and never the asker', async () => {
    const res = await pub('GET', `/api/public/qa/lookup?code=${code}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'registered', replyHtml: null });
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('张三');
    // typed by hand: lower case, spaces instead of hyphens
    expect((await pub('GET', `/api/public/qa/lookup?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`)).json().queryCode).toBe(code);
    expect((await pub('GET', '/api/public/qa/lookup?code=Q222222222')).json().error.code).toBe('code_not_found');
    expect((await pub('GET', "/api/public/qa/lookup?code=' or 1=1")).statusCode).toBe(404);
  });

  it('still finds the codes handed out before the shared format (Q + 9 characters)', async () => {
    const [old] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.channel, 'mailbox'));
    await t.database.db.update(qaConsultations).set({ queryCode: 'Q7KM2PX9RA' }).where(eq(qaConsultations.id, old.id));
    const res = await pub('GET', '/api/public/qa/lookup?code=q7km2px9ra');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ queryCode: 'Q7KM2PX9RA', question: old.question });
  });

  it('a flood of wrong codes from one address is refused before the database is asked', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await pub('GET', `/api/public/qa/lookup?code=ZX2026-00000-0000${i % 10}`, undefined, '10.9.7.7')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('routing: another unit may not act; the unit returns with a reason; the office reroutes with a reason; the unit signs for it', async () => {
    expect((await financeLiaison.request('POST', `/api/qa/consultations/${consultationId}/accept`)).json().error.code).toBe('out_of_scope');
    expect((await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/return`, { reason: '' })).statusCode).toBe(400);
    expect((await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/return`, { reason: '属于医保事项' })).json().unitId).toBeNull();
    expect((await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/dispatch`, { unitId: hrssId })).statusCode).toBe(403);
    expect((await office.request('POST', `/api/qa/consultations/${consultationId}/dispatch`, { unitId: hrssId, reason: '养老保险补贴属人力社保局' })).json().unitId).toBe(hrssId);
    const accepted = (await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/accept`)).json();
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.history.map((h: { action: string }) => h.action)).toEqual(['suggest', 'return', 'dispatch', 'accept']);
    const ledger = (await hrssLiaison.request('GET', '/api/qa/ledger?status=registered')).json();
    expect(ledger.items.every((i: { unitId: string }) => i.unitId === hrssId)).toBe(true);
  });

  it('reminds before, on and after the due day, each once', async () => {
    const [c] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.id, consultationId));
    const dueNoon = new Date(`${c.dueOn}T04:00:00Z`);
    const counts = await sendLedgerReminders(t.database.db, dueNoon);
    expect(counts.due).toBeGreaterThanOrEqual(1);
    expect((await sendLedgerReminders(t.database.db, dueNoon)).due).toBe(0);
    const late = new Date(`${addDays(c.dueOn!, 1)}T04:00:00Z`);
    expect((await sendLedgerReminders(t.database.db, late)).overdue).toBeGreaterThanOrEqual(1);
    const inbox = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'qa.reminder_due'));
    expect(inbox.length).toBeGreaterThan(0);
  });

  it('the unit replies; the citizen reads it by code; the reply becomes a library entry after the 专员 reviews it', async () => {
    const reply = await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/reply`, { replyHtml: '<p>2026年度补贴申请截止到12月20日，可在渝快办申请。</p><img src=x onerror=alert(1)>' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'replied', proposalStatus: 'pending' });
    expect((await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/reply`, { replyHtml: '再答一次' })).json().error.code).toBe('qa_not_open');
    const seen = (await pub('GET', `/api/public/qa/lookup?code=${code.toLowerCase()}`)).json();
    expect(seen.status).toBe('replied');
    expect(seen.replyHtml).toContain('12月20日');
    expect(seen.replyHtml).not.toContain('onerror');
    expect(seen.unitName).toBe('重庆市渝中区人力资源和社会保障局');

    expect((await hrssLiaison.request('POST', `/api/qa/consultations/${consultationId}/proposal`, { decision: 'accept' })).statusCode).toBe(403);
    const res = await hrssSpecialist.request('POST', `/api/qa/consultations/${consultationId}/proposal`, { decision: 'accept', kind: 'new', question: '2026年灵活就业人员养老保险补贴申请截止到哪天' });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.id, res.json().entryId));
    expect(entry).toMatchObject({ status: 'published', ownerUnitId: hrssId });
    const again = (await pub('POST', '/api/public/qa/ask', { question: '2026年灵活就业人员养老保险补贴申请截止到哪天' })).json();
    expect(again.decision).toBe('answer');
    expect(again.answer.entryId).toBe(entry.id);
  });

  it('staff record a phone consultation answered on the spot, and one to be answered later', async () => {
    const search = (await hrssLiaison.request('POST', '/api/qa/search', { question: '没有单位怎么交社保' })).json();
    expect(search.ranked.length).toBeGreaterThan(0);
    const spot = await hrssLiaison.request('POST', '/api/qa/consultations', { channel: 'phone', question: '没有单位怎么交社保', answeredOnSpot: true, matchedEntryId: search.ranked[0].entryId });
    expect(spot.statusCode, spot.body).toBe(201);
    expect(spot.json()).toMatchObject({ status: 'answered', queryCode: null });
    expect((await hrssLiaison.request('POST', '/api/qa/consultations', { channel: 'window', question: '退休返聘要不要交社保', answeredOnSpot: false })).json().error.code).toBe('qa_contact_required');
    const later = await hrssLiaison.request('POST', '/api/qa/consultations', { channel: 'window', question: '退休返聘要不要交社保', answeredOnSpot: false, askerContact: '023-63891234' });
    expect(later.json()).toMatchObject({ status: 'registered', channel: 'window' });
    expect(later.json().queryCode).toMatch(/^ZX\d{4}-/);
  });

  it('statistics count by channel and unit, and export the month as .xlsx', async () => {
    const s = (await office.request('GET', '/api/qa/stats')).json();
    expect(s.totals.total).toBeGreaterThan(10);
    expect(s.byChannel.map((r: { channel: string }) => r.channel).sort()).toEqual(['mailbox', 'phone', 'web', 'window']);
    expect(s.unanswered.length).toBeGreaterThan(0);
    const x = await office.request('GET', `/api/qa/stats.xlsx?month=${todayInShanghai().slice(0, 7)}`);
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await office.request('GET', '/api/qa/stats?month=2026-13')).statusCode).toBe(400);
  });

  it('proposes a variant when the closest entry was close, and the 专员 adds it', async () => {
    const [seedReplied] = await t.database.db.select().from(qaConsultations).where(eq(qaConsultations.proposalStatus, 'pending'));
    expect(seedReplied).toBeDefined();
    const [e] = await t.database.db.select().from(qaEntries).where(eq(qaEntries.question, '三公经费在哪里可以查到'));
    const fin = await t.userWith(['qa_specialist'], '区财政局');
    const res = await fin.request('POST', `/api/qa/consultations/${seedReplied.id}/proposal`, { decision: 'accept', kind: 'variant', entryId: e.id, question: '三公经费为什么比去年少' });
    expect(res.statusCode, res.body).toBe(200);
    const variants = await t.database.db.select().from(qaVariants).where(eq(qaVariants.entryId, e.id));
    expect(variants.map((v) => v.text)).toContain('三公经费为什么比去年少');
  });
});
