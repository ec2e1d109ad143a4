import fs from 'node:fs';
import path from 'node:path';

const MB = 1024 * 1024;

/**
 * shared_buffers for an embedded database whose tables and indexes take `bytes`: a quarter of
 * them, in steps of 16 MB, at least 16 MB (a district's usual catalog: the server stays near
 * 250 MB) and at most 256 MB. Pages outside these buffers are read through the WASM file layer
 * from the OS page cache, or from disk once the OS has dropped them: with 100,000 documents
 * (1.1 GB) and 16 MB, search p95 was 26–44 ms depending on that cache; with 256 MB, 27 ms
 * (bench/search-scale.ts).
 */
export function sharedBuffersFor(bytes: number): number {
  return Math.min(256, Math.max(16, Math.floor(bytes / 4 / MB / 16) * 16));
}

/** Bytes of the database files in a PGlite directory (its `base`: tables, indexes, TOAST). */
export function pgliteDataBytes(dataDir: string): number {
  const walk = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? walk(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
  const base = path.join(dataDir, 'base');
  return fs.existsSync(base) ? walk(base) : 0;
}
