import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPiiScanCli, type CliIo } from './cli.ts';

let dir: string;
let txt: string;

function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pii-cli-'));
  txt = path.join(dir, '申请书.txt');
  await writeFile(txt, '申请人张三，手机13812345678。\n身份证号：500103\u200B199001011232\n', 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gongkai pii scan', () => {
  it('--json prints {"findings":[{start,end,type,value,masked}]} to stdout and exits 0', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const status = await runPiiScanCli([txt, '--json']);
      expect(status).toBe(0);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(JSON.parse(printed)).toEqual({
        findings: [
          { start: 3, end: 5, type: 'person_name', value: '张三', masked: '张某' },
          { start: 8, end: 19, type: 'mobile', value: '13812345678', masked: '138****5678' },
          { start: 26, end: 45, type: 'id_card', value: '500103\u200B199001011232', masked: '500103********1232' },
        ],
      });
    } finally {
      write.mockRestore();
    }
  });

  it('prints a readable Chinese table without --json, with invisible characters made visible', async () => {
    const io = captureIo();
    expect(await runPiiScanCli([txt], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('发现 3 处个人信息');
    expect(out).toMatch(/序号\s+类型\s+位置\s+原文\s+脱敏后/);
    expect(out).toMatch(/2\s+手机号码\s+第1行第9字\s+13812345678\s+138\*{4}5678/);
    expect(out).toContain('500103\\u200b199001011232');
    expect(io.err()).toBe('');
  });

  it('says so when nothing is found', async () => {
    const clean = path.join(dir, 'clean.txt');
    await writeFile(clean, '区政府办公室地址：渝中区人民路252号，电话023-63767000。');
    const io = captureIo();
    expect(await runPiiScanCli([clean], io)).toBe(0);
    expect(io.out()).toContain('未发现个人信息');
    const json = captureIo();
    await runPiiScanCli([clean, '--json'], json);
    expect(JSON.parse(json.out())).toEqual({ findings: [] });
  });

  it('exits 2 with a Chinese message on stderr when the file is missing', async () => {
    const io = captureIo();
    expect(await runPiiScanCli([path.join(dir, 'nope.txt'), '--json'], io)).toBe(2);
    expect(io.err()).toContain('找不到文件');
    expect(io.out()).toBe('');
  });

  it('exits 2 for an unsupported file, a directory, no file or an unknown option', async () => {
    const pdf = path.join(dir, 'a.pdf');
    await writeFile(pdf, '%PDF-1.7');
    const cases: [string[], RegExp][] = [
      [[pdf], /不支持的文件类型/],
      [[dir], /不是文件/],
      [[], /请指定要扫描的文件/],
      [[txt, '--xml'], /未知选项：--xml/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo();
      expect(await runPiiScanCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });
});
