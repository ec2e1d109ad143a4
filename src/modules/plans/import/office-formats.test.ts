import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNotice, parseNoticeDocx, parseNoticeText, parseNoticeXlsx } from './index.ts';
import { buildDocx, buildXlsx, readSeed, seedOfficeTable } from './test-support/build-office-files.ts';
import { makeTestResolver } from './test-support/test-resolver.ts';
import type { ParsedPlan } from './types.ts';

const resolver = makeTestResolver();
const fromText = parseNoticeText(readSeed(), { resolver });
let docx: Buffer;
let xlsx: Buffer;

/** Sheet rows differ from table rows by the caption row; everything else must match. */
const withoutRows = (p: ParsedPlan) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'row' ? undefined : v)));

beforeAll(async () => {
  docx = await buildDocx(seedOfficeTable());
  xlsx = await buildXlsx(seedOfficeTable(), '渝中区2021年政务公开工作要点任务分工');
});

describe('the seed as an office would send it', () => {
  it('fixtures carry real merges', async () => {
    const doc = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(doc).toContain('<w:gridSpan w:val="2"/>');
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(doc).toContain('<w:vMerge w:val="continue"/>');
    const sheet = await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('<mergeCell ref="A2:B2"/>');
    expect(sheet).toContain('<mergeCell ref="A3:A8"/>');
  });

  it('parses the .docx to the same plan as the text', async () => {
    const plan = await parseNoticeDocx(docx, { resolver });
    expect(plan).toEqual(fromText);
  });

  it('parses the .xlsx to the same plan as the text (rows are sheet rows; no cover notice)', async () => {
    const plan = await parseNoticeXlsx(xlsx, { resolver });
    expect(plan.title).toBe(fromText.title);
    expect(plan.year).toBe(2021);
    expect(plan.issuer).toBeNull();
    expect(withoutRows(plan).areas).toEqual(withoutRows(fromText).areas);
    expect(plan.areas[0].subtasks[0].measures[0].row).toBe(3);
    expect(plan.warnings).toEqual([]);
  });

  it('parseNotice tells the formats apart by content, whatever the file name', async () => {
    expect(await parseNotice(docx, { resolver, filename: 'plan.xlsx' })).toEqual(fromText);
    expect(withoutRows(await parseNotice(xlsx, { resolver, filename: 'plan.docx' })).areas).toEqual(withoutRows(fromText).areas);
    expect(await parseNotice(Buffer.from(readSeed(), 'utf8'), { resolver })).toEqual(fromText);
  });

  it('reads text saved as GB18030, as Chinese Windows often does', async () => {
    const sample = '\t工作任务\n\t贯彻举措\n\t牵头单位\n\t责任单位\n\n\t一、甲\n\t（一）乙\n\t公开丙。\n\t区财政局\n\t区财政局\n';
    const encoded = encodeGb18030(sample);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const plan = await parseNotice(encoded, { resolver });
    expect(plan.areas[0].subtasks[0].measures[0].lead[0].unitId).toBe('u-finance');
  });
});

describe('text encodings', () => {
  it('reads Word\'s "Unicode" text (UTF-16 with a byte-order mark)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed(), 'utf16le')]);
    expect(await parseNotice(utf16, { resolver })).toEqual(fromText);
  });
});

/** GB18030 bytes of a string, built by searching the decoder (tests only; the characters are few). */
function encodeGb18030(s: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const bytes: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? []));
  }
  return Buffer.from(bytes);
}

/** A .docx written by hand, to meet Word's own shapes that the docx package does not produce. */
async function handmadeDocx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  const types = 'http://schemas.openxmlformats.org/package/2006/content-types';
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="${types}"/>`);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:body>${body}</w:body>
</w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
const p = (text: string, pPr = '') => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
const numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>';

describe('Word shapes', () => {
  it('reads <w:vMerge/> without a value, automatic numbering, deletions, content controls and split tables', async () => {
    const header = `<w:tr>${tc(p('工作任务'), '<w:gridSpan w:val="2"/>')}${tc(p('贯彻举措'))}${tc(p('牵头单位'))}${tc(p('责任单位'))}</w:tr>`;
    const body = `
      ${p('渝中区2022年政务公开工作要点任务分工')}
      <w:tbl>
        <w:tblGrid/>
        ${header}
        <w:tr>
          ${tc(p('一、第一部分'), '<w:vMerge w:val="restart"/>')}
          ${tc(p('（一）第一子任务。'), '<w:vMerge w:val="restart"/>')}
          ${tc(p('甲项工作。', numbered) + p('乙项工作，于2022年6月底前完成。', numbered))}
          ${tc(p('区财政局'), '<w:vMerge w:val="restart"/>')}
          ${tc(`<w:p><w:r><w:t>区财政局</w:t></w:r><w:del><w:r><w:delText>、区教委</w:delText></w:r></w:del></w:p>`)}
        </w:tr>
        <w:tr>
          ${tc(p(''), '<w:vMerge/>')}
          ${tc(p(''), '<w:vMerge/>')}
          <w:sdt><w:sdtContent>${tc(p('丙项工作。'))}</w:sdtContent></w:sdt>
          ${tc(p(''), '<w:vMerge/>')}
          ${tc(p('区教委'))}
        </w:tr>
      </w:tbl>
      <w:p/>
      <w:tbl>
        <w:tblGrid/>
        <w:tr>
          ${tc(p(''), '<w:vMerge/>')}
          ${tc(p('（二）第二子任务'))}
          ${tc(p('丁项工作。'))}
          ${tc(p('区司法局'))}
          ${tc(p('区司法局'))}
        </w:tr>
      </w:tbl>`;
    const plan = await parseNoticeDocx(await handmadeDocx(body), { resolver });
    expect(plan.title).toBe('渝中区2022年政务公开工作要点任务分工');
    expect(plan.areas).toHaveLength(1);
    const [first, second] = plan.areas[0].subtasks;
    expect(first.title).toBe('第一子任务');
    expect(first.measures.map((m) => m.text)).toEqual(['甲项工作。\n乙项工作，于2022年6月底前完成。', '丙项工作。']);
    expect(first.measures[0].items).toEqual(['甲项工作。', '乙项工作，于2022年6月底前完成。']);
    expect(first.measures[0].deadlines[0].date).toBe('2022-06-30');
    expect(first.measures[0].responsible.map((r) => r.written)).toEqual(['区财政局']);
    expect(first.measures[1]).toMatchObject({ leadSource: 'inherited', lead: [{ written: '区财政局' }] });
    expect(second.measures[0].lead[0].written).toBe('区司法局');
  });

  it('ignores whitespace between elements of a pretty-printed file', async () => {
    const body = `
      <w:tbl>
        <w:tr>
          <w:tc>
            <w:p>
              <w:r>
                <w:t>具体举措</w:t>
              </w:r>
            </w:p>
          </w:tc>
          <w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc>
        </w:tr>
        <w:tr>
          <w:tc><w:p><w:r><w:t>公开</w:t></w:r>
            <w:r><w:tab/><w:t>信息。</w:t></w:r></w:p></w:tc>
          <w:tc><w:p><w:r><w:t>区财政局</w:t></w:r></w:p></w:tc>
        </w:tr>
      </w:tbl>`;
    const plan = await parseNoticeDocx(await handmadeDocx(body), { resolver, year: 2021 });
    expect(plan.areas[0].subtasks[0].measures[0].text).toBe('公开\t信息。');
  });
});
