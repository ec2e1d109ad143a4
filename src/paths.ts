import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, found by walking up from this module. It works the same whether the
 * code runs from `src/` (tsx, tests) or from the bundle in `dist/server/`.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'gongkai') return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the gongkai project root');
}

export const ROOT = findRoot();
export const MIGRATIONS_DIR = path.join(ROOT, 'src/db/migrations');
export const WEB_DIST = path.join(ROOT, 'dist/web');
export const PORTAL_ASSETS = path.join(ROOT, 'src/portal');
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
