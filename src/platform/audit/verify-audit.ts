import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { GENESIS_HASH, auditHash } from './audit-hash.ts';

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenId: number; reason: string };

/** Walks the chain in pages; reports the first row whose hash, link or position does not hold. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, expectedId - 1))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    for (const r of page) {
      if (r.id !== expectedId)
        return { ok: false, rows, brokenId: expectedId, reason: `第 ${expectedId} 条记录缺失` };
      if (r.prevHash !== prevHash)
        return { ok: false, rows, brokenId: r.id, reason: `第 ${r.id} 条记录与前一条的链接不符` };
      if (auditHash(r) !== r.hash)
        return { ok: false, rows, brokenId: r.id, reason: `第 ${r.id} 条记录的内容被改动` };
      prevHash = r.hash;
      expectedId++;
      rows++;
    }
    if (page.length < pageSize) return { ok: true, rows };
  }
}
