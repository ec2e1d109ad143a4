import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { answerChallengeQuestion } from '../testing/challenge-answer.ts';

/** 一网答 without JavaScript: plain forms, whole pages. */
describe('portal 一网答', () => {
  let t: TestApp;
  let n = 0;
  const form = (url: string, fields: Record<string, string>, from = `10.1.0.${++n}`, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(fields).toString() });
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows the form, answers at once with the policy link and 有用/没用', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/yiwangda' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="question"');
    const res = await form('/yiwangda', { question: '三公经费在哪里可以查到' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('三公经费在哪里可以查到');
    expect(res.body).toMatch(/<a href="\/doc\/[0-9a-f-]{36}">【示例】渝中区2021年区级部门预算公开说明<\/a>/);
    expect(res.body).toContain('有用');
    const id = /name="consultationId" value="([^"]+)"/.exec(res.body)![1];
    const fb = await form('/yiwangda/feedback', { consultationId: id, useful: 'false' });
    expect(fb.body).toContain('感谢您的评价');
  });

  it('answers a question naming the district; one naming another district is not answered and says why', async () => {
    const here = await form('/yiwangda', { question: '渝中区公租房怎么申请？' });
    expect(here.body).toContain('这个回答对您有帮助吗');
    expect(here.body).not.toContain('qa-elsewhere');
    const there = await form('/yiwangda', { question: '江北区公租房怎么申请？' });
    expect(there.body).not.toContain('这个回答对您有帮助吗');
    expect(there.body).toContain('您的问题提到“江北”。本问答库答复的是渝中区的政策');
    expect(there.body).toContain('name="askerContact"');
  });

  it('registers a new question with a code and the reply-by date; the code page shows it without the asker', async () => {
    const asked = await form('/yiwangda', { question: '渝中区2026年新能源汽车充电桩补贴怎么领' });
    expect(asked.body).toContain('登记问题');
    const id = /name="consultationId" value="([^"]+)"/.exec(asked.body)![1];
    // The registration form carries the challenge: the proof-of-work widget and, without JavaScript, a sum.
    expect(asked.body).toContain('src="/assets/intake-pow.js"');
    const guard = (html: string) => ({
      submissionToken: /name="submissionToken" value="([^"]+)"/.exec(html)![1],
      challengeToken: /name="challengeToken" value="([^"]+)"/.exec(html)![1],
      challengeAnswer: answerChallengeQuestion(/<label for="challengeAnswer">([^<]+)<\/label>/.exec(html)![1]),
    });
    const noContact = await form('/yiwangda/register', { consultationId: id, askerName: '王五', ...guard(asked.body) });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.body).toContain('请留下手机号码或电子邮箱');
    expect(noContact.body).toContain('value="王五"');
    const unsolved = await form('/yiwangda/register', { consultationId: id, askerName: '王五', askerContact: '13700001111' });
    expect(unsolved.statusCode).toBe(400);
    expect(unsolved.body).toContain('请完成人机验证');
    const done = await form('/yiwangda/register', { consultationId: id, askerName: '王五', askerContact: '13700001111', ...guard(unsolved.body) });
    expect(done.statusCode, done.body).toBe(200);
    const code = /查询码：<strong>(ZX\d{4}-[0-9A-Z]{5}-[0-9A-Z]{5})<\/strong>/.exec(done.body)![1];
    const look = await t.app.inject({ method: 'GET', url: `/yiwangda/chaxun?code=${code}` });
    expect(look.body).toContain('办理中');
    expect(look.body).not.toContain('13700001111');
    expect(look.body).not.toContain('王五');
    const wrong = await t.app.inject({ method: 'GET', url: '/yiwangda/chaxun?code=<script>' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('查询码不存在');
    expect(wrong.body).not.toContain('<script>');
  });

  it('says what is wrong with an empty or overlong question, refuses a foreign form, and limits a flood with a Chinese 429 page', async () => {
    expect((await form('/yiwangda', { question: '' })).body).toContain('请把问题写完整');
    const long = await form('/yiwangda', { question: '问'.repeat(10_000) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('问题请不超过 500 字');
    expect((await form('/yiwangda', { question: '低保怎么申请' }, '10.2.0.1', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // 41 asks in well under a minute: whatever the fixed window's edge, one window holds more than 20.
    let last = await form('/yiwangda', { question: '低保怎么申请' }, '10.3.0.1');
    for (let i = 0; i < 40 && last.statusCode !== 429; i++) last = await form('/yiwangda', { question: '低保怎么申请' }, '10.3.0.1');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toMatch(/^\d+$/);
    expect(last.body).toContain('提问过于频繁，请1分钟后再试');
  });
});
