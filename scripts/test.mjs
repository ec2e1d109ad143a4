#!/usr/bin/env node
// `npm test`: builds the admin app if it is missing (the browser tests need it), runs every test
// with vitest, then prints the closing line `N passed, N failed` that CI reads (counted by
// src/testing/count-reporter.ts: a test whose hook or suite failed counts as failed, never skipped).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!fs.existsSync('dist/web/index.html') && fs.existsSync('web/vite.config.ts')) {
  const b = spawnSync(npx, ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

fs.mkdirSync('.vitest-tmp', { recursive: true });
// Written by src/testing/count-reporter.ts (registered in vitest.config.ts).
const countsFile = path.resolve('.vitest-tmp', 'counts.json');
process.env.GONGKAI_COUNTS_FILE = countsFile;
fs.rmSync(countsFile, { force: true });
const r = spawnSync(npx, ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });

let counts = { passed: 0, failed: 0, skipped: [], failures: [] };
if (fs.existsSync(countsFile)) counts = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
let { passed, failed } = counts;
// vitest failed without a count (crashed, or the run never reached its end): never a green line.
if (r.status !== 0 && failed === 0) failed = 1;
if (counts.failures.length) {
  console.log(`\n失败（${counts.failures.length}）：`);
  for (const f of counts.failures) console.log(`  ✗ ${f}`);
}
// Skips are listed with their reason on the lines before, so that the last line stays exactly
// `N passed, N failed`.
if (counts.skipped.length) {
  const byReason = new Map();
  for (const s of counts.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.test]);
  console.log(`\n${counts.skipped.length} skipped:`);
  for (const [reason, tests] of byReason) {
    console.log(`  ${reason}（${tests.length}）`);
    for (const t of tests.slice(0, 5)) console.log(`    - ${t}`);
    if (tests.length > 5) console.log(`    - ……及另外 ${tests.length - 5} 项`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || r.status !== 0 ? 1 : 0);
