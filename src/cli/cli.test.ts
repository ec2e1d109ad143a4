import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { anchorFile, readAuditAnchors } from '../platform/audit/audit-anchor.ts';
import { createTestDatabase } from '../testing/test-db.ts';

const bin = path.resolve('bin/gongkai.mjs');

function gongkai(args: string[], env: Record<string, string | undefined>, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like gongkai(), without blocking this process: a server running in it must answer meanwhile. */
function gongkaiAsync(args: string[], env: Record<string, string | undefined>, input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdin.end(input ?? '');
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the gongkai command', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cli-empty-'));
  afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

  it('prints a due date, start day not counted', () => {
    const r = gongkai(['calendar', 'due', '2021-09-29', '5'], { DATA_DIR: empty, DATABASE_URL: '' });
    expect(r.stdout).toBe('2021-10-12\n');
    expect(r.status).toBe(0);
  });

  it('tells a make-up Saturday is a working day, and answers many questions from stdin', () => {
    expect(gongkai(['calendar', 'day', '2021-10-09'], { DATA_DIR: empty, DATABASE_URL: '' }).stdout).toBe('workday\n');
    expect(gongkai(['calendar', 'day', '-'], { DATA_DIR: empty, DATABASE_URL: '' }, '2021-10-09\n2021-10-01\n2024-02-18\n').stdout).toBe('workday\noff\nworkday\n');
    const due = gongkai(['calendar', 'due', '-'], { DATA_DIR: empty, DATABASE_URL: '' }, '2021-09-29 5\n2024-01-31 20\n');
    expect(due.stdout).toBe('2021-10-12\n2024-03-04\n');
  });

  it('a plan import dry run with no database parses and prints, creating, seeding and printing no password', () => {
    const dir = path.join(empty, 'never-created');
    const r = gongkai(['plan', 'import', path.resolve('src/seed/yuzhong-2021-notice.txt'), '--dry-run'], { DATA_DIR: dir, DATABASE_URL: '' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('渝中区2021年政务公开工作要点任务分工：5 个方面，16 项子任务，46 项举措');
    expect(r.stderr).toContain('未找到数据库');
    expect(r.stderr).not.toContain('一次性密码');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses to guess past the known calendar', () => {
    const r = gongkai(['calendar', 'day', '2027-03-01'], { DATA_DIR: empty, DATABASE_URL: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('calendar not yet published for 2027');
  });

  it('names a wrong setting and stops', () => {
    const r = gongkai(['calendar', 'day', '2021-10-09'], { DATA_DIR: empty, DATABASE_URL: 'mysql://x', PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).toContain('PORT');
  });
});

describe('start-up, the data-directory lock, and the operator commands', () => {
  let dataDir: string;
  let env: Record<string, string | undefined>;
  let closeDb: () => Promise<void> = async () => {};
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-start-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    if (process.env.DATABASE_URL) {
      const db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      closeDb = () => db.close();
    }
  });
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // First start creates and seeds the whole demo district (units, plan, catalog): allow for a slow machine.
  it('starts, serves health over HTTP, refuses a second start on the same data directory, and stops cleanly', { timeout: 240_000 }, async () => {
    const config = loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent', JOBS_POLL_SECONDS: '0' } as Record<string, string>);
    const logs: string[] = [];
    const running = await startServer(config, (m) => logs.push(m));
    try {
      expect(logs.join('\n')).toMatch(/管理员账号：admin　一次性密码：\S{10,}/);
      const health = await fetch(`${running.url}/api/health`).then((r) => r.json());
      expect(health).toMatchObject({ status: 'ok', db: config.dbKind });
      if (config.dbKind === 'pglite')
        await expect(startServer({ ...config }, () => {})).rejects.toThrow(/正被另一个 Gongkai 进程使用/);
    } finally {
      await running.stop();
    }
    // The audit chain's head was written outside the database (audit-anchor.ts), last at stop.
    const anchors = readAuditAnchors(anchorFile(config.dataDir));
    expect(anchors.length).toBeGreaterThan(0);
    // Later starts keep the data and print no new password.
    const again: string[] = [];
    const second = await startServer(config, (m) => again.push(m));
    await second.stop();
    expect(again.join('\n')).not.toContain('一次性密码');
  });

  it('runs the operator commands while the server runs (sent to it over the data directory\'s socket), with the same output', { timeout: 120_000 }, async () => {
    const config = loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent', JOBS_POLL_SECONDS: '0' } as Record<string, string>);
    const running = await startServer(config, () => {});
    try {
      const add = await gongkaiAsync(['user', 'add', '--username', 'sfj.clerk', '--name', '司法局文书', '--unit', '区司法局', '--roles', 'liaison'], env);
      expect(add.stderr).toContain('已创建用户 sfj.clerk');
      expect(add.status).toBe(0);
      const password = add.stdout.trim();
      expect(password.length).toBeGreaterThanOrEqual(10);
      const login = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sfj.clerk', password }) });
      expect(login.status).toBe(200);
      const [taken, nobody, calendar, verify, migrate] = await Promise.all([
        gongkaiAsync(['user', 'add', '--username', 'sfj.clerk', '--name', '另一人', '--unit', '区司法局', '--roles', 'liaison'], env),
        gongkaiAsync(['user', 'reset-password', 'nobody'], env),
        gongkaiAsync(['calendar', 'day', '-'], env, '2021-10-09\n2021-10-01\n'),
        gongkaiAsync(['audit', 'verify'], env),
        gongkaiAsync(['migrate'], env),
      ]);
      expect(taken).toMatchObject({ status: 1, stdout: '' });
      expect(taken.stderr).toContain('用户名“sfj.clerk”已被使用');
      expect(nobody.status).toBe(1);
      expect(nobody.stderr).toContain('用户“nobody”不存在');
      expect(calendar).toMatchObject({ status: 0, stdout: 'workday\noff\n' });
      expect(verify.stdout).toMatch(/^audit ok \(\d+ rows, \d+ anchors\)\n$/);
      expect(migrate.status).toBe(0);
      expect(migrate.stderr).toContain(`数据库迁移完成（${config.dbKind}）`);
      if (config.dbKind === 'pglite') {
        const second = await gongkaiAsync(['serve'], { ...env, PORT: '0' });
        expect(second.status).toBe(1);
        expect(second.stderr).toContain('正被另一个 Gongkai 进程使用');
      }
    } finally {
      await running.stop();
    }
  });

  // Four commands, each its own process opening the database: allow for a slow, shared machine.
  it('adds a user and resets a password from the command line, audited', { timeout: 180_000 }, async () => {
    const add = gongkai(['user', 'add', '--username', 'sfj.liaison', '--name', '司法局联络员', '--unit', '区司法局', '--roles', 'liaison,responder'], env);
    expect(add.stderr).toContain('已创建用户 sfj.liaison');
    expect(add.status).toBe(0);
    expect(add.stdout.trim().length).toBeGreaterThanOrEqual(10);
    const reset = gongkai(['user', 'reset-password', 'sfj.liaison'], env);
    expect(reset.status).toBe(0);
    expect(reset.stdout.trim()).not.toBe(add.stdout.trim());
    expect(gongkai(['user', 'reset-password', 'nobody'], env).status).toBe(1);
    const unknownRole = gongkai(['user', 'add', '--username', 'x1x', '--name', 'x', '--unit', '区司法局', '--roles', 'king'], env);
    expect(unknownRole.status).toBe(1);
    expect(unknownRole.stderr).toContain('角色不正确');
  });

  it('verifies the audit chain, and names the first altered row', { timeout: 180_000 }, async () => {
    const ok = gongkai(['audit', 'verify'], env);
    expect(ok.stdout).toMatch(/^audit ok \(\d+ rows, [1-9]\d* anchors\)\n$/);
    expect(ok.status).toBe(0);
    const database = await openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.DATABASE_URL ? null : path.join(dataDir, 'pglite') });
    try {
      const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
      await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
      await database.db.update(auditLog).set({ actorName: '篡改者' }).where(eq(auditLog.id, row.id));
      const [u] = await database.db.select().from(users).where(eq(users.username, 'sfj.liaison'));
      expect(u.roles).toEqual(['liaison', 'responder']);
    } finally {
      await database.close();
    }
    const broken = gongkai(['audit', 'verify'], env);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/audit broken at row \d+/);
  });
});
