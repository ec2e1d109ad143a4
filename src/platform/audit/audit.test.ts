import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, units } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import { inTransaction, type OpContext } from '../context.ts';
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
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 5 });
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.id, 2));
    expect(row).toMatchObject({ actorName: '甲（a）', ip: '10.1.2.3', entityId: '1', before: { n: 1 }, after: { n: 2 } });
  });

  it('is append-only in the database itself', async () => {
    await expect(database.db.update(auditLog).set({ after: { n: 99 } }).where(eq(auditLog.id, 3))).rejects.toThrow();
    await expect(database.db.delete(auditLog).where(eq(auditLog.id, 2))).rejects.toThrow();
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 5 });
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
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 13 });
  });
});
