import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { multipartForm } from '../testing/multipart.ts';
import { PNG } from '../testing/sample-files.ts';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

describe('依申请公开 on the portal, without JavaScript (challenge on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('files by the plain form with the arithmetic question, shows the code and what happens next, and the status by code', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/ysqgk', remoteAddress: '198.18.0.1' });
    expect(form.statusCode).toBe(200);
    const html = form.body;
    expect(html).toContain('<form class="mail-form" action="/ysqgk" encType="multipart/form-data" method="post">');
    for (const k of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '纸质', '光盘', '当场阅读', '邮寄', '自取', 'name="idProof"', 'name="docNumber"', 'name="purpose"']) expect(html).toContain(k);
    expect(html).toContain('<a href="/ysqgk" aria-current="page">依申请公开</a>');
    const token = /name="challengeToken" value="([^"]+)"/.exec(html)![1];
    const q = /请计算：(.)加(.)等于几/.exec(html)!;
    const submissionToken = /name="submissionToken" value="([^"]+)"/.exec(html)![1];
    const agency = /<option value="([0-9a-f-]{36})">重庆市渝中区财政局<\/option>/.exec(html)![1];
    const fields = { agencyUnitId: agency, applicantKind: '自然人', applicantName: '孙八', applicantIdKind: '身份证', applicantIdNumber: '500103199001011234', applicantPhone: '139 1234 5678', description: '本人所住小区加装电梯项目的补助资金审批文件', preferredForm: '纸质', deliveryMethod: '自取', challengeToken: token, challengeAnswer: String(CN[q[1]] + CN[q[2]]), submissionToken };
    const mp = multipartForm(fields, [{ field: 'idProof', filename: '身份证.png', data: PNG }]);
    const res = await t.app.inject({ method: 'POST', url: '/ysqgk', remoteAddress: '198.18.0.1', payload: mp.payload, headers: mp.headers });
    expect(res.statusCode, res.body).toBe(200);
    const code = /<strong class="code">([^<]+)<\/strong>/.exec(res.body)![1];
    expect(code).toMatch(/^YS\d{4}-/);
    expect(res.body).toContain('以双方确认之日为收到申请之日');
    expect(res.body).toContain('20 个工作日内答复');
    // the same form sent again (back button, double click) makes no second case
    const again = await t.app.inject({ method: 'POST', url: '/ysqgk', remoteAddress: '198.18.0.1', payload: mp.payload, headers: mp.headers });
    expect(/<strong class="code">([^<]+)<\/strong>/.exec(again.body)![1]).toBe(code);

    const status = await t.app.inject({ method: 'GET', url: `/ysqgk/cx?code=${encodeURIComponent(code)}`, remoteAddress: '198.18.0.2' });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('已提交，待确认收到');
    expect(status.body).toContain('重庆市渝中区财政局');
    for (const secret of ['孙八', '500103199001011234', '13912345678', '加装电梯']) expect(status.body).not.toContain(secret);

    const wrong = multipartForm({ ...fields, challengeAnswer: '99', submissionToken: 'x'.repeat(20) }, [{ field: 'idProof', filename: '身份证.png', data: PNG }]);
    const refused = await t.app.inject({ method: 'POST', url: '/ysqgk', remoteAddress: '198.18.0.3', payload: wrong.payload, headers: wrong.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toContain('value="孙八"');
  });

  it('is linked from the guide column', async () => {
    const guide = await t.app.inject({ method: 'GET', url: '/xxgk/zn' });
    expect(guide.body).toContain('<a href="/ysqgk">在线提交政府信息公开申请</a>');
  });
});
