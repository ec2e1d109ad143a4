import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.ts';

const bin = path.resolve('bin/gongkai.mjs');

function gongkai(args: string[], env: Record<string, string | undefined>, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, input, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `gongkai qa import` and `gongkai qa match --json`, exactly as scripts call them. */
describe('gongkai qa', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  let closeDb: () => Promise<void> = async () => {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-qa-cli-'));
    env = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    if (process.env.DATABASE_URL) {
      const db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      closeDb = () => db.close();
    }
  });
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a TSV bank (extra columns ignored), replaces with --replace, and refuses a bad file whole', { timeout: 300_000 }, () => {
    const tsv = path.join(dir, 'bank.tsv');
    fs.writeFileSync(tsv, 'id\tcategory\tquestion\tanswer\nK1\t社保\t灵活就业人员怎么交养老保险\t到社保经办机构办理参保登记。\nK2\t住房\t公租房怎么申请\t向街道提交申请。\nK3\t救助\t低保怎么申请\t向户籍所在地街道申请。\n');
    const r = gongkai(['qa', 'import', tsv], env);
    expect(r.stderr).toContain('imported 3 entries');
    expect(r.status).toBe(0);

    const bad = path.join(dir, 'bad.tsv');
    fs.writeFileSync(bad, 'id\tquestion\tanswer\nX1\t新问题\t答案\nX2\t\t没有问题\n');
    const b = gongkai(['qa', 'import', bad], env);
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('第 3 行');
    expect(gongkai(['qa', 'import', path.join(dir, 'missing.tsv')], env).status).toBe(2);
  });

  it('imports .xlsx with --replace (variants cell, one per line), then matches one JSON line per question, in order', { timeout: 300_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('bank');
    ws.addRow(['id', 'question', 'answer', 'variants']);
    ws.addRow(['Z1', '灵活就业人员怎么交养老保险', '到社保经办机构办理参保登记。', '没有单位怎么交社保\n自由职业者怎么交养老保险']);
    ws.addRow(['Z2', '公租房怎么申请', '向街道提交申请。', '公共租赁住房申请流程']);
    ws.addRow(['Z3', '住房公积金怎么提取', '到公积金中心办理。', '']);
    const file = path.join(dir, 'bank.xlsx');
    await wb.xlsx.writeFile(file);
    const r = gongkai(['qa', 'import', file, '--replace'], env);
    expect(r.stderr).toContain('imported 3 entries');
    expect(r.status).toBe(0);

    const questions = ['自由职业者怎么交养老保险？', '公租房怎么申请', '火星上的房子怎么买', '{"q":"注入"}'];
    const m = gongkai(['qa', 'match', '--json'], env, `${questions.join('\n')}\n`);
    expect(m.status, m.stderr).toBe(0);
    const lines = m.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.q)).toEqual(questions);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['q', 'ranked', 'answered', 'answerId', 'score', 'margin']);
      expect(l.ranked.length).toBeLessThanOrEqual(10);
      expect(new Set(l.ranked).size).toBe(l.ranked.length);
      expect(l.ranked.every((id: string) => ['Z1', 'Z2', 'Z3'].includes(id))).toBe(true);
      expect(typeof l.score).toBe('number');
      expect(l.answered ? l.answerId : null).toBe(l.answerId);
    }
    expect(lines[0].ranked[0]).toBe('Z1');
    expect(lines[0]).toMatchObject({ answered: true, answerId: 'Z1' });
    expect(lines[1].ranked[0]).toBe('Z2');
    expect(lines[2].answered).toBe(false);
  });
});
