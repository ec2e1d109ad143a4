import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers' direction, checked on the sources: the web edge (src/http, src/portal) depends on
 * the domain, never the other way round. Each module's routes.ts is its HTTP face and may import
 * the edge; tests may too.
 */
const SRC = path.resolve('src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Relative imports of a file, resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]).filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const rel = (p: string) => path.relative(SRC, p);
const isEdge = (p: string) => ['http', 'portal'].includes(rel(p).split(path.sep)[0]);

describe('architecture', () => {
  it('nothing under src/platform, src/db or a module’s domain operations imports the web edge', () => {
    const offenders: string[] = [];
    for (const dir of ['platform', 'db', 'modules']) {
      for (const file of sources(path.join(SRC, dir))) {
        if (path.basename(file) === 'routes.ts') continue;
        for (const target of importsOf(file)) if (isEdge(target)) offenders.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the platform has no import cycles', () => {
    const files = sources(path.join(SRC, 'platform'));
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => rel(t).startsWith('platform'))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) walk(t, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) walk(f, []);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (the scanner is not blind)', () => {
    const policy = importsOf(path.join(SRC, 'platform/policy.ts')).map(rel);
    expect(policy).toContain('platform/errors.ts');
    expect(policy).toContain('platform/roles.ts');
  });
});
