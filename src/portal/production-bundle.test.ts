import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { serverBundleOptions } from '../../scripts/server-bundle.mjs';

/** The server `npm start` runs is built with React's production build, whatever NODE_ENV says. */
describe('production bundle', () => {
  // Inside the project, so that the bundle's external packages resolve from node_modules.
  fs.mkdirSync('.vitest-tmp', { recursive: true });
  const dir = fs.mkdtempSync(path.join(process.cwd(), '.vitest-tmp', 'bundle-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (file: string) =>
    JSON.parse(execFileSync(process.execPath, [file], { env: { ...process.env, NODE_ENV: 'development' }, encoding: 'utf8' })) as { build: string; html: string };

  it('the server bundle holds React production files only and imports no React from node_modules', async () => {
    const out = await build({ ...serverBundleOptions(path.join(dir, 'gongkai.mjs')), write: false, sourcemap: false, logLevel: 'silent' });
    const js = out.outputFiles!.find((f) => f.path.endsWith('.mjs'))!.text;
    const reactFiles = [...js.matchAll(/^\/\/ (node_modules\/react[^\n]*)$/gm)].map((m) => m[1]);
    expect(reactFiles).toContain('node_modules/react/cjs/react.production.js');
    expect(reactFiles).toContain('node_modules/react/cjs/react-jsx-runtime.production.js');
    expect(reactFiles).toContain('node_modules/react-dom/cjs/react-dom-server.node.production.js');
    expect(reactFiles.filter((f) => f.includes('development'))).toEqual([]);
    expect(js).not.toMatch(/from ["']react(-dom)?(\/[^"']*)?["']/);
  });

  it('built that way, React runs its production build even with NODE_ENV=development', async () => {
    const probe = path.join(dir, 'probe.mjs');
    await build({ ...serverBundleOptions(probe), entryPoints: ['src/testing/react-build-probe.ts'], sourcemap: false, logLevel: 'silent' });
    expect(run(probe)).toEqual({ build: 'production', html: '<p>政务公开</p>' });
    // The same probe with React left in node_modules (as the bundle was built before) runs the development build.
    const external = path.join(dir, 'external.mjs');
    await build({ entryPoints: ['src/testing/react-build-probe.ts'], outfile: external, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
    expect(run(external).build).toBe('development');
  });
});
