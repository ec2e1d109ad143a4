import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';

describe('file uploads', () => {
  let t: TestApp;
  let editor: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB: '1' });
    editor = await t.userWith(['editor'], '区财政局');
  });
  afterAll(() => t.close());

  const upload = (client: ApiClient, filename: string, data: Buffer, type?: string) => {
    const m = multipartBody({ filename, data, contentType: type });
    return t.app.inject({ method: 'POST', url: '/api/files', payload: m.payload, headers: { ...m.headers, cookie: client.cookie, 'x-csrf-token': client.csrf } });
  };

  it('accepts a Word file recognised by its content, stores it under a generated name, and serves it back', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('预算公开说明')] }] }));
    const res = await upload(editor, '../../etc/预算说明.docx', docx);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '预算说明.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: docx.length });
    const back = await editor.request('GET', `/api/files/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, docx)).toBe(0);
    expect(back.headers['content-disposition']).toContain(encodeURIComponent('预算说明.docx'));
  });

  it('decides the type by content, not by the name: an executable named .pdf is refused', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 1)]);
    const res = await upload(editor, '通知.pdf', elf, 'application/pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_type_not_allowed');
  });

  it('accepts UTF-8 text and refuses an empty or oversize upload', async () => {
    expect((await upload(editor, '说明.txt', Buffer.from('政务公开工作要点\n'))).statusCode).toBe(201);
    expect((await upload(editor, '空.txt', Buffer.alloc(0))).json().error.code).toBe('empty_file');
    const big = await upload(editor, 'big.txt', Buffer.alloc(1024 * 1024 + 10, 0x61));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/1 MB/);
  });

  it('refuses uploads from a read-only account', async () => {
    const ro = await t.userWith(['readonly'], '区财政局');
    const res = await upload(ro, 'a.txt', Buffer.from('x'));
    expect(res.statusCode).toBe(403);
  });
});
