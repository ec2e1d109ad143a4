import { Document, Footer, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocxText, PiiScanError, scanFile } from './index.ts';

function cell(...paragraphs: string[]): TableCell {
  return new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });
}

async function buildDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph('咨询电话：023-63767000')] }) },
        children: [
          new Paragraph('政府信息公开申请答复书'),
          // The name and the ID are split over runs with different formatting, as Word does.
          new Paragraph({
            children: [new TextRun('申请人'), new TextRun({ text: '张', bold: true }), new TextRun('三：')],
          }),
          new Paragraph({
            children: [new TextRun('身份证号：500103'), new TextRun({ text: '199001011232', italics: true })],
          }),
          new Paragraph({ children: [new TextRun({ children: ['A&B', new Tab(), '<见附件>'] })] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('序号'), cell('姓名'), cell('手机')] }),
              new TableRow({ children: [cell('1'), cell('李四'), cell('13812345678', '备用')] }),
            ],
          }),
          new Paragraph('住址：渝中区七星岗街道中山一路1号2单元3-1'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const EXPECTED_TEXT = [
  '政府信息公开申请答复书',
  '申请人张三：',
  '身份证号：500103199001011232',
  'A&B\t<见附件>',
  '序号\t姓名\t手机',
  '1\t李四\t13812345678\n备用',
  '住址：渝中区七星岗街道中山一路1号2单元3-1',
  '咨询电话：023-63767000',
].join('\n');

describe('extractDocxText', () => {
  it('joins paragraphs by \\n and table cells by \\t, runs merged, footer after the body', async () => {
    expect(await extractDocxText(await buildDocx())).toBe(EXPECTED_TEXT);
  });

  it('scanFile finds the values with offsets into the extracted text', async () => {
    const { text, findings } = await scanFile(await buildDocx(), '答复书.docx');
    expect(text).toBe(EXPECTED_TEXT);
    expect(findings.map((f) => [f.type, f.start, f.end, f.masked])).toEqual([
      ['person_name', 15, 17, '张某'],
      ['id_card', 24, 42, '500103********1232'],
      ['person_name', 64, 66, '李某'],
      ['mobile', 67, 78, '138****5678'],
      ['address', 85, 105, '渝中区七星岗街道****'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.value);
    // The agency landline in the footer is not personal.
    expect(findings.some((f) => f.value.includes('63767000'))).toBe(false);
  });

  it('skips deleted text, field codes, tab stops and drawing fallbacks, and decodes entities once', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>' +
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>&#x4E2D;&#25991;&amp;#25991;&lt;</w:t></w:r></w:p>' +
      '<w:p><w:del><w:r><w:delText>旧文字</w:delText></w:r></w:del><w:ins><w:r><w:t>新文字</w:t></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:t xml:space="preserve"> 1 </w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p>' +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:t>框内</w:t></mc:Fallback></mc:AlternateContent></w:r>' +
      '<w:r><w:t>后</w:t><w:br/><w:t>续</w:t></w:r></w:p>' +
      '</w:body></w:document>';
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', xml.replace('<w:t>新文字</w:t></w:ins>', '<w:t>新文字</w:t></w:r></w:ins>'));
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await extractDocxText(buf)).toBe('中文&#25991;<\n新文字 1 \n\n框内\n后\n续');
  });

  it('refuses a buffer that is not a Word document', async () => {
    await expect(extractDocxText(Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'unsupported_file' });
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const err = await extractDocxText(await zip.generateAsync({ type: 'nodebuffer' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PiiScanError);
    expect((err as PiiScanError).message).toMatch(/Word/);
  });
});
