import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, MAX_INPUT_BYTES, parseNotice, parseNoticeDocx, parseNoticeText, parseNoticeXlsx } from './index.ts';
import { buildDocx, seedOfficeTable } from './test-support/build-office-files.ts';
import { makeTestResolver } from './test-support/test-resolver.ts';
import { closeOfficeWorker } from '../../../platform/office/run-office-job.ts';
import { docxBomb, xlsxBomb } from '../../../platform/office/test-support/build-zip-bombs.ts';

const opts = { resolver: makeTestResolver() };

/** Asserts an ImportError with the given code and a Chinese message. */
async function rejects(run: () => unknown, code: string): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ImportError ${code}`).toBeInstanceOf(ImportError);
  expect((caught as ImportError).code).toBe(code);
  expect((caught as ImportError).message).toMatch(/[\u4e00-\u9fa5]/u);
}

function randomBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

async function zipWith(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function docxWith(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

describe('bad input is refused with a clear error', () => {
  afterAll(() => closeOfficeWorker());

  it('not_docx: random bytes, a zip that is not Word, a workbook, an old .doc', async () => {
    await rejects(() => parseNoticeDocx(randomBytes(4096), opts), 'not_docx');
    await rejects(async () => parseNoticeDocx(await zipWith({ 'readme.txt': 'hello' }), opts), 'not_docx');
    await rejects(async () => parseNoticeDocx(await xlsxWith([['序号']]), opts), 'not_docx');
    await rejects(() => parseNoticeDocx(OLE, opts), 'not_docx');
    // Looks like a zip, is not one.
    await rejects(() => parseNoticeDocx(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(100)]), opts), 'not_docx');
    await rejects(async () => parseNoticeDocx(await zipWith({ 'word/document.xml': '<w:document><w:body>' }), opts), 'not_docx');
  });

  it('not_xlsx: random bytes and a Word file', async () => {
    await rejects(() => parseNoticeXlsx(randomBytes(4096), opts), 'not_xlsx');
    await rejects(async () => parseNoticeXlsx(await buildDocx(seedOfficeTable()), opts), 'not_xlsx');
  });

  it('no_table: a Word file without a table, text without one', async () => {
    await rejects(async () => parseNoticeDocx(await docxWith([new Paragraph('关于印发任务分工的通知')]), opts), 'no_table');
    await rejects(() => parseNoticeText('重庆市渝中区人民政府办公室\n关于印发任务分工的通知\n', opts), 'no_table');
  });

  it('empty_sheet: a workbook whose sheets hold nothing', async () => {
    await rejects(async () => parseNoticeXlsx(await xlsxWith([]), opts), 'empty_sheet');
    await rejects(async () => parseNoticeXlsx(await xlsxWith([['', ''], ['']]), opts), 'empty_sheet');
  });

  it('columns_unrecognised: tables whose header names no measure or unit column', async () => {
    await rejects(async () => parseNoticeXlsx(await xlsxWith([['姓名', '电话'], ['张三', '123']]), opts), 'columns_unrecognised');
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const table = new Table({ rows: [new TableRow({ children: [cell('姓名'), cell('电话')] })] });
    await rejects(async () => parseNoticeDocx(await docxWith([table]), opts), 'columns_unrecognised');
    await rejects(() => parseNoticeText('姓名\t电话\n张三\t123\n', opts), 'columns_unrecognised');
    await rejects(() => parseNoticeText('\t姓名\n\t电话\n\n\t张三\n\t123\n', opts), 'columns_unrecognised');
  });

  it('too_large: input over 20 MB', async () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20);
    await rejects(() => parseNotice(big, opts), 'too_large');
    await rejects(() => parseNoticeDocx(big, opts), 'too_large');
    await rejects(() => parseNoticeXlsx(big, opts), 'too_large');
    await rejects(() => parseNoticeText(big.toString('latin1'), opts), 'too_large');
  });

  it('zip_bomb: a package that inflates too far, whatever its headers claim, read in the thread or in the office worker', async () => {
    const refuses = async (run: () => unknown) => {
      const t = performance.now();
      await expect(run()).rejects.toMatchObject({ code: 'zip_bomb', message: expect.stringMatching(/解压后超过/) });
      return performance.now() - t;
    };
    // In this thread: refused while inflating, in well under the time it takes to inflate 300 MB.
    expect(await refuses(() => parseNoticeDocx(docxBomb(300, { falsify: true }), opts))).toBeLessThan(5000);
    for (const falsify of [false, true]) {
      await refuses(() => parseNoticeDocx(docxBomb(300, { falsify }), opts));
      await refuses(() => parseNoticeXlsx(xlsxBomb(300, { falsify }), opts));
      await refuses(() => parseNotice(docxBomb(300, { falsify }), opts));
      await refuses(() => parseNotice(xlsxBomb(300, { falsify }), opts));
    }
  });

  it('file_too_complex: a sheet whose range would mean billions of cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '序号';
    ws.getCell('XFD1048576').value = 'x';
    await expect(parseNoticeXlsx(Buffer.from(await wb.xlsx.writeBuffer()), opts)).rejects.toMatchObject({ code: 'file_too_complex' });
  });

  it('empty_input and unsupported_format from parseNotice', async () => {
    await rejects(() => parseNotice(Buffer.alloc(0), opts), 'empty_input');
    await rejects(() => parseNoticeText('', opts), 'empty_input');
    await rejects(() => parseNotice(randomBytes(4096), { ...opts, filename: '任务分工.pdf' }), 'unsupported_format');
    await rejects(async () => parseNotice(await zipWith({ 'a.txt': 'x' }), opts), 'unsupported_format');
    await rejects(() => parseNotice(OLE, opts), 'unsupported_format');
  });
});
