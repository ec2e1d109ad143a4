import { solveChallenge } from 'altcha-lib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, publicSubmissions, queryCodes } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { AppError } from '../errors.ts';
import { registerFileTarget } from '../files/file-access.ts';
import { DiskFileStore } from '../files/file-store.ts';
import { acceptPublicSubmission } from './accept-public-submission.ts';
import { addressKey } from './client-address.ts';
import { createFormChallenge, spendFormChallenge } from './form-challenge.ts';
import { intakeSettings, type IntakeSettings } from './intake-settings.ts';
import { lookupByCode } from './lookup-by-code.ts';
import { checkPublicAttachments, storePublicAttachments } from './public-attachments.ts';
import { cleanPublicText, publicEmail, publicPhone, publicText } from './public-text.ts';
import { allocateQueryCode, newQueryCode, normalizeQueryCode } from './query-code.ts';
import { hitRateLimit } from './rate-limit.ts';
import path from 'node:path';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as AppError).code;
  }
  return 'ok';
};

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const answerOf = (text: string) => {
  const m = /请计算：(.)加(.)等于几/.exec(text)!;
  return String(CN[m[1]] + CN[m[2]]);
};

describe('public intake kernel', () => {
  let t: TestApp;
  let settings: IntakeSettings;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_LOOKUP_LIMIT: '3', PUBLIC_LOOKUP_MISS_LIMIT: '2', PUBLIC_SUBMIT_LIMIT: '40', PUBLIC_FORM_POW_MAX: '2000' });
    settings = intakeSettings(t.config);
  });
  afterAll(() => t.close());

  it('makes query codes that are unguessable, readable and forgiving when typed back', async () => {
    const code = newQueryCode('XX', 2026);
    expect(code).toMatch(/^XX2026-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizeQueryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    expect(normalizeQueryCode('xx2026-0o1il-abcde')).toBe('XX2026-00111-ABCDE');
    expect(normalizeQueryCode('XX2026-ABCDE-FGHJU')).toBeNull(); // U is not in the alphabet
    expect(normalizeQueryCode(code, 'ZX')).toBeNull();
    expect(normalizeQueryCode('x'.repeat(200))).toBeNull();
    const many = new Set(Array.from({ length: 5000 }, () => newQueryCode('ZX')));
    expect(many.size).toBe(5000);
    const a = await allocateQueryCode(t.database.db, 'TT');
    const b = await allocateQueryCode(t.database.db, 'TT');
    expect(a).not.toBe(b);
    expect((await t.database.db.select().from(queryCodes).where(eq(queryCodes.prefix, 'TT'))).length).toBe(2);
  });

  it('counts an address atomically in the database and refuses past the limit with a retry time', async () => {
    const rule = { bucket: 'test.burst', limit: 5, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(t.database.db, rule, '203.0.113.9').then(() => 'ok', (e: AppError) => e)));
    expect(results.filter((r) => r === 'ok').length).toBe(5);
    const refused = results.find((r) => r !== 'ok') as AppError;
    expect(refused.code).toBe('too_many_requests');
    expect(refused.kind).toBe('rate_limited');
    expect(refused.message).toMatch(/^提交过于频繁，请\d+分钟后再试$/);
    expect((refused.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // another address has its own count; an IPv6 subscriber is counted by its /64
    await hitRateLimit(t.database.db, rule, '203.0.113.10');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::7'));
    expect(addressKey('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });

  it('answers 429 with Retry-After over HTTP, and believes X-Forwarded-For only behind a configured proxy', async () => {
    // challenge hand-outs are limited to twice the lookup limit (3) per address
    const hit = (ip: string, xff?: string) => t.app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: ip, headers: xff ? { 'x-forwarded-for': xff } : {} });
    for (let i = 0; i < 6; i++) expect((await hit('198.51.100.1', `10.0.0.${i}`)).statusCode).toBe(200);
    const res = await hit('198.51.100.1', '10.0.0.99');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('too_many_requests');
    expect(res.json().error.message).toMatch(/请求过于频繁，请\d+分钟后再试/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const behindProxy = await createTestApp({ TRUST_PROXY: '127.0.0.1', PUBLIC_LOOKUP_LIMIT: '1' });
    try {
      const viaProxy = (client: string) => behindProxy.app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      expect((await viaProxy('192.0.2.1')).statusCode).toBe(200);
      expect((await viaProxy('192.0.2.1')).statusCode).toBe(200);
      expect((await viaProxy('192.0.2.1')).statusCode).toBe(429);
      expect((await viaProxy('192.0.2.2')).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('accepts a solved proof of work or a right answer once, and refuses forged, wrong, expired and replayed ones', async () => {
    const db = t.database.db;
    const ch = await createFormChallenge(db, settings);
    const solution = await solveChallenge(ch.pow.challenge, ch.pow.salt, ch.pow.algorithm, ch.pow.maxnumber).promise;
    const payload = Buffer.from(JSON.stringify({ ...ch.pow, number: solution!.number })).toString('base64');
    expect(await codeOf(spendFormChallenge(db, settings, { altcha: payload }))).toBe('ok');
    expect(await codeOf(spendFormChallenge(db, settings, { altcha: payload }))).toBe('challenge_reused');
    const forged = Buffer.from(JSON.stringify({ ...ch.pow, number: solution!.number + 1 })).toString('base64');
    expect(await codeOf(spendFormChallenge(db, settings, { altcha: forged }))).toBe('challenge_failed');
    expect(await codeOf(spendFormChallenge(db, settings, { altcha: 'garbage' }))).toBe('challenge_failed');

    const q = await createFormChallenge(db, settings);
    const right = answerOf(q.question.text);
    expect(await codeOf(spendFormChallenge(db, settings, { challengeToken: q.question.token, challengeAnswer: String(Number(right) + 1) }))).toBe('challenge_failed');
    expect(await codeOf(spendFormChallenge(db, settings, { challengeToken: q.question.token, challengeAnswer: right }))).toBe('ok');
    expect(await codeOf(spendFormChallenge(db, settings, { challengeToken: q.question.token, challengeAnswer: right }))).toBe('challenge_reused');
    const old = await createFormChallenge(db, settings, new Date(Date.now() - 3600_000));
    expect(await codeOf(spendFormChallenge(db, settings, { challengeToken: old.question.token, challengeAnswer: answerOf(old.question.text) }))).toBe('challenge_expired');
    expect(await codeOf(spendFormChallenge(db, settings, {}))).toBe('challenge_required');
    expect(await codeOf(spendFormChallenge(db, { ...settings, challenge: 'off' }, {}))).toBe('ok');
  });

  it('makes one record of identical submissions, even concurrent ones, and frees the key when creating fails', async () => {
    const ctx = { db: t.database.db, actor: null, ip: '192.0.2.50' };
    const off = { ...settings, challenge: 'off' as const };
    const body = { title: '咨询公积金', body: '同一内容' };
    const create = async (tx: { db: typeof t.database.db }) => ({ code: await allocateQueryCode(tx.db, 'DD') });
    const runs = await Promise.all(Array.from({ length: 10 }, () => acceptPublicSubmission(ctx, off, { scope: 'test', body, proof: {} }, create)));
    const codes = new Set(runs.map((r) => r.result.code));
    expect(codes.size).toBe(1);
    expect(runs.filter((r) => !r.duplicate).length).toBe(1);
    expect((await t.database.db.select().from(queryCodes).where(eq(queryCodes.prefix, 'DD'))).length).toBe(1);
    // the same body from another address is another person's message
    const other = await acceptPublicSubmission({ ...ctx, ip: '192.0.2.51' }, off, { scope: 'test', body, proof: {} }, create);
    expect(codes.has(other.result.code)).toBe(false);
    // a form token wins over the body: a resubmitted form is the same even with edited text
    const token = 'tok_abcdefghijklmnop';
    const f1 = await acceptPublicSubmission(ctx, off, { scope: 'test', body: { a: 1 }, proof: {}, token }, create);
    const f2 = await acceptPublicSubmission(ctx, off, { scope: 'test', body: { a: 2 }, proof: {}, token }, create);
    expect(f2.result.code).toBe(f1.result.code);
    expect(f2.duplicate).toBe(true);
    // a failing create leaves nothing behind: the same key works next time
    const boom = acceptPublicSubmission(ctx, off, { scope: 'test', body: { fail: true }, proof: {} }, async () => {
      throw new AppError('invalid', 'boom', '失败');
    });
    expect(await codeOf(boom)).toBe('boom');
    const again = await acceptPublicSubmission(ctx, off, { scope: 'test', body: { fail: true }, proof: {} }, create);
    expect(again.duplicate).toBe(false);
    // a challenge that fails rolls the key back too, and a duplicate spends no second proof
    const on = { ...settings, challenge: 'on' as const };
    expect(await codeOf(acceptPublicSubmission(ctx, on, { scope: 'test', body: { c: 1 }, proof: { altcha: 'x' } }, create))).toBe('challenge_failed');
    const [{ n }] = (await t.database.db.execute(sql`select count(*)::int as n from ${publicSubmissions} where scope = 'test'`) as unknown as { rows: { n: number }[] }).rows;
    // the body key, the other address's, the token's and the retried one's; the refused challenge's rolled back
    expect(n).toBe(4);
  });

  it('cleans public text: control and invisible characters go, HTML stays as text, lengths are bounded', () => {
    expect(cleanPublicText('  a\u0000b\u200bc\u202e\r\nd\t e  ', { multiline: true })).toBe('abc\nd  e');
    expect(cleanPublicText('one\n\ntwo')).toBe('one two');
    const body = publicText('内容', { max: 10, multiline: true });
    expect(body.parse('<script>alert(1)</script>'.slice(0, 10))).toBe('<script>al');
    expect(body.safeParse('字'.repeat(11)).error?.issues[0].message).toBe('内容不能超过 10 个字');
    expect(body.safeParse('字'.repeat(10_000)).success).toBe(false);
    expect(body.safeParse('\u0000 ').error?.issues[0].message).toBe('请填写内容');
    expect(publicPhone.parse('138 0000 1111')).toBe('13800001111');
    expect(publicPhone.parse('+86 138-0000-1111')).toBe('13800001111');
    expect(publicPhone.safeParse('023-63891234').success).toBe(true);
    expect(publicPhone.safeParse('12345').success).toBe(true);
    expect(publicPhone.safeParse('abc').success).toBe(false);
    expect(publicEmail.parse('  ')).toBeUndefined();
    expect(publicEmail.safeParse('not-an-email').success).toBe(false);
  });

  it('checks attachments by content: mislabelled, unsupported and too many are refused; good ones stored for their object only', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    const limits = { maxFiles: 3, maxBytes: 1024 * 1024 };
    expect(await codeOf(checkPublicAttachments([{ data: png, filename: '证明.pdf' }], limits))).toBe('attachment_mislabelled');
    expect(await codeOf(checkPublicAttachments([{ data: elf, filename: '材料.pdf' }], limits))).toBe('file_type_not_allowed');
    expect(await codeOf(checkPublicAttachments(Array(4).fill({ data: pdf, filename: 'a.pdf' }), limits))).toBe('too_many_attachments');
    expect(await codeOf(checkPublicAttachments([{ data: pdf, filename: 'a.pdf' }], { maxFiles: 3, maxBytes: 10 }))).toBe('file_too_large');
    const checked = await checkPublicAttachments([{ data: png, filename: '..\\..\\照片.PNG' }, { data: pdf, filename: '身份证明' }], limits);
    expect(checked.map((c) => c.mime)).toEqual(['image/png', 'application/pdf']);
    const targetId = '11111111-2222-3333-4444-555555555555';
    const store = new DiskFileStore(path.join(t.dataDir, 'files'));
    const { ids } = await storePublicAttachments(t.database.db, store, checked, { kind: 'test_subject', id: targetId });
    const rows = await t.database.db.select().from(files).where(eq(files.attachedId, targetId));
    expect(rows.map((r) => r.originalName).sort()).toEqual(['照片.PNG', '身份证明']);
    // who may read is the subject module's rule
    const reader = await t.userWith(['liaison'], '区司法局');
    const stranger = await t.userWith(['liaison'], '区教委');
    registerFileTarget('test_subject', async () => [reader.actor.unitId]);
    expect((await reader.request('GET', `/api/files/${ids[0]}`)).statusCode).toBe(200);
    expect((await stranger.request('GET', `/api/files/${ids[0]}`)).statusCode).toBe(404);
  });

  it('looks codes up under a lookup limit and a smaller miss limit (no enumeration)', async () => {
    const ctx = { db: t.database.db, actor: null, ip: '192.0.2.77' };
    const known = newQueryCode('XX');
    const find = async (c: string) => (c === known ? { code: c } : null);
    const look = (code: string) => lookupByCode(ctx, settings, { scope: 'test', prefix: 'XX', code }, find);
    expect((await look(known.toLowerCase())).code).toBe(known);
    expect(await codeOf(look(newQueryCode('XX')))).toBe('code_not_found');
    expect(await codeOf(look('not a code'))).toBe('code_not_found');
    // two misses used up the miss limit: even the right code is refused now
    expect(await codeOf(look(known))).toBe('too_many_requests');
    const other = { ...ctx, ip: '192.0.2.78' };
    for (let i = 0; i < 3; i++) await lookupByCode(other, settings, { scope: 'test', prefix: 'XX', code: known }, find);
    expect(await codeOf(lookupByCode(other, settings, { scope: 'test', prefix: 'XX', code: known }, find))).toBe('too_many_requests');
  });
});
