import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { PiiScanError, scanFile } from './index.ts';

const TEXT = '申请人张三，手机13812345678，身份证号500103199001011232。';

describe('scanFile', () => {
  it('reads UTF-8 text and drops a BOM, so offsets start at the first real character', async () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    const { text, findings } = await scanFile(buf, '申请书.txt');
    expect(text).toBe(TEXT);
    expect(findings.map((f) => [f.type, f.start, f.end])).toEqual([
      ['person_name', 3, 5],
      ['mobile', 8, 19],
      ['id_card', 24, 42],
    ]);
  });

  it('reads GBK text files, still common in government offices', async () => {
    // "申请人张三，手机13812345678，身份证号500103199001011232。" encoded as GBK
    const gbk = Buffer.from([
      201, 234, 199, 235, 200, 203, 213, 197, 200, 253, 163, 172, 202, 214, 187, 250, 49, 51, 56, 49, 50, 51, 52, 53,
      54, 55, 56, 163, 172, 201, 237, 183, 221, 214, 164, 186, 197, 53, 48, 48, 49, 48, 51, 49, 57, 57, 48, 48, 49,
      48, 49, 49, 50, 51, 50, 161, 163,
    ]);
    const { text, findings } = await scanFile(gbk, 'old.TXT');
    expect(text).toBe(TEXT);
    expect(findings).toHaveLength(3);
  });

  it('reads UTF-16 text with a BOM', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect((await scanFile(buf, 'unicode.txt')).text).toBe(TEXT);
  });

  it('recognises a Word document by its content, whatever its name', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(TEXT)] }] }));
    const { text, findings } = await scanFile(docx, 'upload.bin');
    expect(text).toBe(TEXT);
    expect(findings.map((f) => f.masked)).toEqual(['张某', '138****5678', '500103********1232']);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7'), 'a.pdf', /不支持的文件类型/],
    ['an old .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), '旧文档.doc', /另存为 \.docx/],
    ['a .docx that is not a zip', Buffer.from('plain'), 'fake.docx', /不是有效的 Word 文档/],
    ['a binary file named .txt', Buffer.from([0x41, 0x00, 0x42]), 'bin.txt', /不是文本/],
  ])('refuses %s with unsupported_file and a Chinese message', async (_label, buf, name, message) => {
    const err = await scanFile(buf, name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PiiScanError);
    expect((err as PiiScanError).code).toBe('unsupported_file');
    expect((err as PiiScanError).message).toMatch(message);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(scanFile(buf, 'book.xlsx')).rejects.toMatchObject({ code: 'unsupported_file' });
  });
});
