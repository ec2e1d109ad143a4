#!/usr/bin/env node
// `npm test`: builds the admin app if it is missing (the browser tests need it), runs every test
// with vitest, then prints the closing line `N passed, N failed` that CI reads.
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
const report = path.join('.vitest-tmp', 'report.json');
fs.rmSync(report, { force: true });
const r = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = j.numPassedTests;
  failed = j.numFailedTests;
  skipped = j.numPendingTests + (j.numTodoTests ?? 0);
  // A file that failed to load has no tests counted; count it as a failure so it cannot pass silently.
  failed += (j.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (r.status !== 0 && failed === 0) failed = 1;
// Tests for one back end only (e.g. the PostgreSQL pool) are skipped on the other; said apart, so
// that the last line stays exactly `N passed, N failed`.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || r.status !== 0 ? 1 : 0);
