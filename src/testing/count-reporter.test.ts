import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURES = path.resolve('src/testing/fixtures/count');

/** Runs the fixture suites under the closing-line reporter and returns its counts. */
function run(env: Record<string, string | undefined>) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-count-')), 'counts.json');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, GONGKAI_COUNTS_FILE: out, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const r = spawnSync('npx', ['vitest', 'run', '--config', path.join(FIXTURES, 'vitest.config.ts'), '--root', FIXTURES], { env: childEnv, encoding: 'utf8' });
  expect(fs.existsSync(out), r.stderr).toBe(true);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as { passed: number; failed: number; skipped: { test: string; reason: string }[]; failures: string[] };
}

describe('the closing line counts what happened', () => {
  it('counts tests behind a failed hook as failed, lists skips with their reason, and skips browser suites only outside CI', () => {
    const local = run({ CHROMIUM_PATH: '/nonexistent/chromium', CI: undefined });
    expect(local.passed).toBe(1);
    expect(local.failed).toBe(2); // the two tests behind the failed beforeAll
    expect(local.failures.join('\n')).toMatch(/never runs \(1\)/);
    const reasons = local.skipped.map((s) => s.reason);
    expect(reasons).toContain('仅在 PostgreSQL 上运行');
    expect(reasons.find((r) => r.includes('未找到 Chromium'))).toMatch(/apt-get install chromium/);

    // Under CI a missing browser is a failure, never a skip.
    const ci = run({ CHROMIUM_PATH: '/nonexistent/chromium', CI: 'true' });
    expect(ci.failed).toBe(3);
    expect(ci.skipped.map((s) => s.reason)).not.toContainEqual(expect.stringContaining('Chromium'));
  }, 60_000);
});
