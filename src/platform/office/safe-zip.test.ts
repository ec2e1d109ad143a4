import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocxText } from '../../modules/catalog/pii/extract-docx-text.ts';
import { scanFile } from '../../modules/catalog/pii/scan-file.ts';
import { closeOfficeWorker, runOfficeJob } from './run-office-job.ts';
import { OfficeFileError, SafeZip } from './safe-zip.ts';
import { docxBomb, docxOfParagraphs, manyEntries, writeZip } from './test-support/build-zip-bombs.ts';

/** Runs `fn`, returning its error, the time it took and how far the heap and buffers grew. */
async function measure(fn: () => unknown) {
  const before = process.memoryUsage();
  const t = performance.now();
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  const after = process.memoryUsage();
  const grewMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 / 1024;
  return { error: error as OfficeFileError | undefined, ms: performance.now() - t, grewMb };
}

describe('safe zip reader', () => {
  afterAll(() => closeOfficeWorker());

  it('refuses a 300 MB bomb (312 KB on the wire) while inflating, with bounded memory', async () => {
    const bomb = docxBomb(300);
    expect(bomb.length).toBeLessThan(400_000);
    const r = await measure(() => extractDocxText(bomb, 'bomb.docx'));
    expect(r.error?.code).toBe('zip_bomb');
    expect(r.error?.message).toMatch(/解压后超过 64 MB/);
    expect(r.ms).toBeLessThan(5000);
    // The cap is 64 MB of output per entry; a reader that believed the file would hold 300 MB.
    expect(r.grewMb).toBeLessThan(150);
  });

  it('does not believe headers that claim 1 KB', async () => {
    const bomb = docxBomb(300, { falsify: true });
    const r = await measure(() => extractDocxText(bomb, 'falsified.docx'));
    expect(r.error?.code).toBe('zip_bomb');
    expect(r.grewMb).toBeLessThan(150);
  });

  it('counts the real bytes of all entries read together', async () => {
    const bomb = docxBomb(40);
    const zip = SafeZip.open(bomb, 'a.docx', { maxEntries: 10, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 });
    expect(() => zip.read('word/document.xml')).toThrow(expect.objectContaining({ code: 'zip_bomb' }));
  });

  it('refuses too many entries, duplicate names and encrypted entries before inflating anything', () => {
    expect(() => SafeZip.open(manyEntries(6000), 'many.docx')).toThrow(expect.objectContaining({ code: 'file_too_complex' }));
    const entry = { name: 'word/document.xml', data: Buffer.from('<w:document/>'), method: 0 as const, declaredSize: 13 };
    expect(() => SafeZip.open(writeZip([entry, entry]), 'dup.docx')).toThrow(expect.objectContaining({ code: 'broken_zip' }));
    const encrypted = writeZip([entry]);
    encrypted.writeUInt16LE(0x801, encrypted.length - 22 - 46 - entry.name.length + 8);
    expect(() => SafeZip.open(encrypted, 'enc.docx')).toThrow(expect.objectContaining({ code: 'broken_zip', message: expect.stringMatching(/加密/) }));
  });

  it('still reads a normal Word document', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('申请人张三，手机13812345678。')] }] }));
    expect(await extractDocxText(docx)).toBe('申请人张三，手机13812345678。');
    const zip = SafeZip.open(docx, 'x.docx');
    expect(zip.has('word/document.xml')).toBe(true);
    expect(zip.readAll().size).toBe(zip.names().length);
  });

  it('the server reads attachments in the office worker: a bomb is refused there, a normal file is scanned, a slow job is ended', async () => {
    await expect(scanFile(docxBomb(300, { falsify: true }), 'bomb.docx')).rejects.toMatchObject({ code: 'zip_bomb' });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('联系电话13812345678')] }] }));
    expect((await scanFile(docx, 'ok.docx')).findings.map((f) => f.type)).toEqual(['mobile']);
    await expect(runOfficeJob('file-text', { data: docxOfParagraphs(30), name: 'long.docx' }, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'file_too_complex', message: expect.stringMatching(/秒仍未完成/) });
    // The next job gets a new worker.
    expect(await runOfficeJob('file-text', { data: docx, name: 'ok.docx' })).toBe('联系电话13812345678');
  });
});
