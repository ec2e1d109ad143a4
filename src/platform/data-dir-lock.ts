import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose rows. The
 * server takes an exclusive lock on the directory and refuses to start a second time.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'gongkai.lock'),
      // The lock is refreshed every 5 s; one not refreshed for 30 s belonged to a process that died.
      stale: 30_000,
      update: 5_000,
      realpath: false,
      // Someone removed or replaced the lock file under a running server: say so, rather than crash mid-request.
      onCompromised: (err) => console.error(`警告：数据目录锁文件被外部改动或删除（${err.message}），请确认没有其他进程使用 ${dataDir}`),
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED')
      throw new Error(`数据目录 ${dataDir} 正被另一个 Gongkai 进程使用。同一数据目录只能运行一个实例（内嵌数据库不支持多进程），请先停止另一个进程，或用 DATA_DIR 指定其他目录。`);
    throw err;
  }
}
