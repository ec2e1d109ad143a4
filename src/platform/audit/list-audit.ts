import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';

export interface AuditQuery {
  q?: string;
  entity?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(ctx: OpContext, query: AuditQuery) {
  assertCan(ctx.actor, 'audit.read');
  const where: SQL[] = [];
  if (query.entity) where.push(eq(auditLog.entity, query.entity));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (query.from) where.push(gte(auditLog.at, new Date(`${query.from}T00:00:00+08:00`)));
  if (query.to) where.push(lte(auditLog.at, new Date(`${query.to}T23:59:59.999+08:00`)));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(auditLog.actorName, like), ilike(auditLog.action, like), ilike(auditLog.entityId, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(auditLog).where(cond),
  ]);
  return { total, items: rows };
}
