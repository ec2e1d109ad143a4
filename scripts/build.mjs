#!/usr/bin/env node
// Builds what `npm start` runs: the server as one ES module (dist/server/gongkai.mjs, ~0.1 s; running
// compiled JavaScript instead of the tsx loader starts faster and uses less memory; React's production
// build, whatever NODE_ENV says — see server-bundle.mjs), and the admin app with Vite (dist/web).
// With --if-needed the admin app is rebuilt only when its sources changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { serverBundleOptions } from './server-bundle.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const ifNeeded = process.argv.includes('--if-needed');

await build(serverBundleOptions('dist/server/gongkai.mjs'));

// The worker thread that reads uploaded Office files (src/platform/office/run-office-job.ts starts it
// from next to the server bundle).
await build({
  entryPoints: ['src/platform/office/office-worker.ts'],
  outfile: 'dist/server/office-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const index = 'dist/web/index.html';
const stale = !fs.existsSync(index) || newestMtime('web') > fs.statSync(index).mtimeMs;
if (!ifNeeded || stale) {
  console.error('正在构建管理端（首次约需半分钟）……');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const r = spawnSync(npx, ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
