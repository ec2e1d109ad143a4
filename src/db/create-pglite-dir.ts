import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Whether `dataDir` already holds a database cluster (PGlite keeps PostgreSQL's layout). */
export const hasPgliteCluster = (dataDir: string) => fs.existsSync(path.join(dataDir, 'PG_VERSION'));

/**
 * Creates a new PGlite cluster in `dataDir` in a short-lived child process. initdb inside the
 * WASM build grows its memory to some 400 MB, which a process never gives back; done in the
 * server itself, a first start would keep ~800 MB resident for good, instead of ~250 MB when
 * the same directory is opened afterwards (bench/startup.ts prints both).
 */
export async function createPgliteDir(dataDir: string): Promise<void> {
  const failed = (why: string) => new Error(`创建嵌入式数据库失败（${dataDir}）：${why}`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw failed((err as Error).message);
  }
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const { PGlite } = await import(${JSON.stringify(entry)});
const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} });
await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(failed(`${signal ?? `退出码 ${code}`} ${stderr.trim().slice(-2000)}`)),
    );
  });
}
