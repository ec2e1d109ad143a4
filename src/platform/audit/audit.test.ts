import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, units } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { anchorFile, readAuditAnchors, writeAuditAnchor } from './audit-anchor.ts';
import { auditHash } from './audit-hash.ts';
import { verifyAudit } from './verify-audit.ts';
import { writeAudit } from './write-audit.ts';

describe('audit chain', () => {
  let database: Database;
  let ctx: OpContext;
  beforeEach(async () => {
    database = await createTestDatabase();
    ctx = { db: database.db, actor: { id: '00000000-0000-0000-0000-00000000000a', username: 'a', name: '甲', unitId: '00000000-0000-0000-0000-00000000000b', roles: ['sys_admin'] }, ip: '10.1.2.3' };
    for (let i = 0; i < 5; i++)
      await inTransaction(ctx, (tx) => writeAudit(tx, { action: 'test.change', entity: 'thing', entityId: String(i), before: { n: i, z: 'a', a: [1, 2] }, after: { n: i + 1, when: new Date('2021-06-04T00:00:00Z') } }));
  });
  afterEach(() => database.close());
  // Tampering as the table owner would: switch the append-only trigger off first.
  const bypassTrigger = () => database.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);

  it('verifies an intact chain and records who, what, before and after, and from where', async () => {
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 5, anchors: 0 });
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.id, 2));
    expect(row).toMatchObject({ actorName: '甲（a）', ip: '10.1.2.3', entityId: '1', before: { n: 1 }, after: { n: 2 } });
  });

  it('is append-only in the database itself', async () => {
    await expect(database.db.update(auditLog).set({ after: { n: 99 } }).where(eq(auditLog.id, 3))).rejects.toThrow();
    await expect(database.db.delete(auditLog).where(eq(auditLog.id, 2))).rejects.toThrow();
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 5, anchors: 0 });
  });

  it('names the first altered row', async () => {
    await bypassTrigger();
    await database.db.update(auditLog).set({ after: { n: 99 } }).where(eq(auditLog.id, 3));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenId: 3 });
  });

  it('names a removed row', async () => {
    await bypassTrigger();
    await database.db.delete(auditLog).where(eq(auditLog.id, 2));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenId: 2 });
  });

  describe('with anchors kept outside the database', () => {
    let dir: string;
    beforeEach(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-anchor-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const anchor = async () => writeAuditAnchor(database.db, anchorFile(dir), readAuditAnchors(anchorFile(dir)).at(-1) ?? null);

    it('writes the head once per move and verifies against it', async () => {
      expect((await anchor())?.id).toBe(5);
      expect(await anchor()).toBeNull(); // the head has not moved
      await inTransaction(ctx, (tx) => writeAudit(tx, { action: 'test.more', entity: 'thing' }));
      expect((await anchor())?.id).toBe(6);
      expect(readAuditAnchors(anchorFile(dir)).map((a) => a.id)).toEqual([5, 6]);
      expect(await verifyAudit(database.db, readAuditAnchors(anchorFile(dir)))).toEqual({ ok: true, rows: 6, anchors: 2 });
    });

    it('catches the newest rows removed, which the chain alone cannot', async () => {
      await anchor();
      await bypassTrigger();
      await database.db.delete(auditLog).where(gt(auditLog.id, 3));
      expect(await verifyAudit(database.db)).toMatchObject({ ok: true, rows: 3 });
      const v = await verifyAudit(database.db, readAuditAnchors(anchorFile(dir)));
      expect(v).toMatchObject({ ok: false, brokenId: 4 });
      expect(v.ok === false && v.reason).toContain('第 4 条起的记录被删除');
    });

    it('catches a chain rewritten from an altered row onwards, hashes and all', async () => {
      await anchor();
      await bypassTrigger();
      // Alter row 2 and recompute every hash after it, as the table's owner could.
      const all = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
      let prev = all[0].hash;
      for (const r of all.slice(1)) {
        const row = { ...r, prevHash: prev, after: r.id === 2 ? { n: 999 } : r.after };
        const hash = auditHash(row);
        await database.db.update(auditLog).set({ after: row.after, prevHash: prev, hash }).where(eq(auditLog.id, r.id));
        prev = hash;
      }
      expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
      expect(await verifyAudit(database.db, readAuditAnchors(anchorFile(dir)))).toMatchObject({ ok: false, brokenId: 5 });
    });

    it('leaves out a last line cut short, and refuses any other line it cannot read', () => {
      const file = anchorFile(dir);
      const good = JSON.stringify({ id: 1, hash: 'a'.repeat(64), at: '2026-11-25T00:00:00Z' });
      fs.writeFileSync(file, `${good}\n{"id":2,"ha`);
      expect(readAuditAnchors(file).map((a) => a.id)).toEqual([1]);
      fs.writeFileSync(file, `garbage\n${good}\n`);
      expect(() => readAuditAnchors(file)).toThrow(/第 1 行无法识别/);
    });
  });

  it('rolls back with the change it records', async () => {
    await expect(
      inTransaction(ctx, async (tx) => {
        await tx.db.insert(units).values({ name: '回滚单位', kind: 'department' });
        await writeAudit(tx, { action: 'unit.create', entity: 'unit' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(n).toBe(5);
    expect(await database.db.select().from(units).where(eq(units.name, '回滚单位'))).toHaveLength(0);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => inTransaction(ctx, (tx) => writeAudit(tx, { action: 'test.concurrent', entity: 'thing', entityId: `c${i}` }))),
    );
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 13, anchors: 0 });
  });
});
