import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { createPgliteDir, hasPgliteCluster } from './create-pglite-dir.ts';
import { pgliteDataBytes, sharedBuffersFor } from './pglite-buffers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-pglite-dir-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('embedded database directory', () => {
  it('is created in a child process on first open, then opened and kept', async () => {
    const dir = path.join(tmp, 'new', 'pglite');
    expect(hasPgliteCluster(dir)).toBe(false);
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(hasPgliteCluster(dir)).toBe(true);
      // A new, small database gets the smallest buffers.
      const shown = (await database.db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
      expect(shown.rows[0].shared_buffers).toBe('16MB');
      await database.db.execute(sql`create table kept (v text)`);
      await database.db.execute(sql`insert into kept values ('留存')`);
    } finally {
      await database.close();
    }
    const again = await openDatabase({ dataDir: dir });
    try {
      const res = (await again.db.execute(sql`select v from kept`)) as unknown as { rows: { v: string }[] };
      expect(res.rows).toEqual([{ v: '留存' }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('sizes shared buffers from the data: a quarter, 16–256 MB in steps of 16', () => {
    const MB = 1024 * 1024;
    expect(sharedBuffersFor(0)).toBe(16);
    expect(sharedBuffersFor(100 * MB)).toBe(16);
    expect(sharedBuffersFor(1100 * MB)).toBe(256);
    expect(sharedBuffersFor(500 * MB)).toBe(112);
    expect(sharedBuffersFor(50_000 * MB)).toBe(256);
    expect(pgliteDataBytes(path.join(tmp, 'nowhere'))).toBe(0);
  });

  it('says in Chinese what went wrong when the directory cannot be made', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(createPgliteDir(path.join(file, 'pglite'))).rejects.toThrow(/^创建嵌入式数据库失败（.*a-file.*）：.*ENOTDIR/);
  });
});
