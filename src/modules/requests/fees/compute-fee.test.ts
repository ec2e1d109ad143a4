import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/cli-io.ts';
import { runFee } from '../../../cli/request-cli.ts';
import { feeByItems, feeByPages, feeForNthItem } from './compute-fee.ts';

describe('processing fees (国办函〔2020〕109号)', () => {
  it('by number: 35 in a month = 20×100 + 5×200 = 3000', () => {
    expect(feeByItems(35).yuan).toBe(3000);
    expect(feeByItems(35).bands.map((b) => [b.from, b.to, b.unitYuan, b.yuan])).toEqual([
      [1, 10, 0, 0],
      [11, 30, 100, 2000],
      [31, 35, 200, 1000],
    ]);
  });

  it('by number: band edges', () => {
    expect(feeByItems(0).yuan).toBe(0);
    expect(feeByItems(10).yuan).toBe(0);
    expect(feeByItems(11).yuan).toBe(100);
    expect(feeByItems(30).yuan).toBe(2000);
    expect(feeByItems(31).yuan).toBe(2200); // 2000 + 200
    expect(feeByItems(40).yuan).toBe(4000); // 2000 + 10×200
    expect(feeByItems(41).yuan).toBe(4300); // + 300
    expect(feeByItems(50).yuan).toBe(7000); // 4000 + 10×300
    expect(feeByItems(51).yuan).toBe(7400); // + 400
    expect([10, 11, 30, 31, 40, 41, 50, 51].map(feeForNthItem)).toEqual([0, 100, 100, 200, 200, 300, 300, 400]);
  });

  it('by volume: 250 pages = 70×10 + 100×20 + 50×40 = 4700', () => {
    expect(feeByPages(250).yuan).toBe(4700);
    expect(feeByPages(30).yuan).toBe(0);
    expect(feeByPages(31).yuan).toBe(10);
    expect(feeByPages(100).yuan).toBe(700);
    expect(feeByPages(101).yuan).toBe(720);
    expect(feeByPages(200).yuan).toBe(2700);
    expect(feeByPages(201).yuan).toBe(2740);
  });

  it('refuses bad counts', () => {
    for (const n of [-1, 1.5, Number.NaN, 10_001]) expect(() => feeByItems(n)).toThrow();
    expect(() => feeByPages(1_000_001)).toThrow(/不能超过/);
  });
});

describe('`gongkai fee`', () => {
  const bin = path.resolve('bin/gongkai.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-fee-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' }, encoding: 'utf8', input, timeout: 60_000 });

  it('prints a bare integer (through the real command), or JSON with the bands, and refuses bad input', () => {
    expect(run(['fee', '--items', '35']).stdout).toBe('3000\n');
    const out: string[] = [];
    const errs: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void errs.push(s) } as unknown as CliIo;
    expect(runFee({ pages: '250' }, io)).toBe(0);
    expect(out.pop()).toBe('4700\n');
    expect(runFee({ pages: '250', json: true }, io)).toBe(0);
    const j = JSON.parse(out.pop()!);
    expect(j.yuan).toBe(4700);
    expect(j.bands).toHaveLength(4);
    expect(runFee({ items: 'ten' }, io)).toBe(1);
    expect(errs.pop()).toContain('invalid_count');
    expect(runFee({ items: '3', pages: '40' }, io)).toBe(1);
    expect(errs.pop()).toContain('fee_basis');
    expect(runFee({ items: '-1' }, io)).toBe(1);
    expect(out).toEqual([]);
  }, 180_000);

  it('`request due --json` answers line by line, errors on their own line', () => {
    const input = [
      '{"events":[{"type":"received","date":"2021-09-29"}]}',
      '{"events":[{"type":"extended","days":20},{"type":"received","date":"2021-09-29"}]}',
      '{"events":[{"type":"received","date":"2021-09-29"},{"type":"extended","days":21}]}',
      'not json',
      '{"events":[{"type":"received","date":"2027-01-05"}]}',
    ].join('\n');
    const r = run(['request', 'due', '--json'], input);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ due: '2021-11-02', countFrom: '2021-09-29', pausedDays: 0, extendedDays: 0 });
    expect(lines[1]).toEqual({ due: '2021-11-30', countFrom: '2021-09-29', pausedDays: 0, extendedDays: 20 });
    expect(lines[2].error).toBe('extension_too_long');
    expect(lines[3].error).toBe('invalid_json');
    expect(lines[4].error).toBe('calendar_not_published');
    expect(r.status).toBe(1);
  }, 180_000);
});
