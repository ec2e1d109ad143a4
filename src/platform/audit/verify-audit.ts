import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { AuditAnchor } from './audit-anchor.ts';
import { GENESIS_HASH, auditHash } from './audit-hash.ts';

export type AuditVerdict =
  | { ok: true; rows: number; anchors: number }
  | { ok: false; rows: number; brokenId: number; reason: string };

/**
 * Walks the chain in pages; reports the first row whose hash, link or position does not hold, or
 * that differs from an anchor kept outside the database (audit-anchor.ts), or an anchored row that
 * is gone (the newest rows removed).
 */
export async function verifyAudit(db: Db, anchors: AuditAnchor[] = [], pageSize = 5000): Promise<AuditVerdict> {
  const anchored = new Map<number, AuditAnchor>();
  for (const a of anchors) anchored.set(a.id, a);
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
      const anchor = anchored.get(r.id);
      if (anchor && anchor.hash !== r.hash)
        return { ok: false, rows, brokenId: r.id, reason: `第 ${r.id} 条记录与 ${anchor.at} 保存在库外的锚点不符：日志自此被改写` };
      prevHash = r.hash;
      expectedId++;
      rows++;
    }
    if (page.length < pageSize) {
      const lost = anchors.find((a) => a.id >= expectedId);
      if (lost) return { ok: false, rows, brokenId: expectedId, reason: `第 ${expectedId} 条起的记录被删除：${lost.at} 保存在库外的锚点记到第 ${lost.id} 条` };
      return { ok: true, rows, anchors: anchors.length };
    }
  }
}
