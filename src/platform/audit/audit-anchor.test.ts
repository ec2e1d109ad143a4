import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { anchorFile, readAuditAnchors, startAuditAnchoring } from './audit-anchor.ts';
import { verifyAudit } from './verify-audit.ts';
import { writeAudit } from './write-audit.ts';

// On PostgreSQL nothing else creates DATA_DIR before the first anchor: the anchor file's directory
// must be created by the anchoring itself (it failed with ENOENT every minute, and verify saw 0 anchors).
describe('audit anchors on a data directory not yet created', () => {
  let database: Database;
  let ctx: OpContext;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-anchor-dir-'));
  const dataDir = path.join(root, 'not', 'yet', 'there');
  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = { db: database.db, actor: null, ip: 'test' };
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const change = (n: number) => inTransaction(ctx, (tx) => writeAudit(tx, { action: 'test.change', entity: 'thing', entityId: String(n) }));

  it('creates the directory, and several processes sharing DATA_DIR append to one file that verify reads', async () => {
    await change(1);
    const errors: unknown[] = [];
    const a = startAuditAnchoring(database.db, dataDir, { error: (e) => errors.push(e) });
    await a.stop();
    expect(errors).toEqual([]);
    expect(readAuditAnchors(anchorFile(dataDir)).map((x) => x.id)).toEqual([1]);
    // A second process on the same database and DATA_DIR, running at the same time.
    const b = startAuditAnchoring(database.db, dataDir, { error: (e) => errors.push(e) });
    const c = startAuditAnchoring(database.db, dataDir, { error: (e) => errors.push(e) });
    await change(2);
    await Promise.all([b.stop(), c.stop()]);
    expect(errors).toEqual([]);
    const anchors = readAuditAnchors(anchorFile(dataDir));
    expect(anchors.at(-1)?.id).toBe(2);
    expect(await verifyAudit(database.db, anchors)).toEqual({ ok: true, rows: 2, anchors: anchors.length });
  });
});
