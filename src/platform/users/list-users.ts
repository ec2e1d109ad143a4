import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { OpContext } from '../context.ts';
import { assertCan, unitScope } from '../policy.ts';
import { presentUser } from './user-input.ts';

export async function listUsers(ctx: OpContext, query: { q?: string; unitId?: string; page: number; pageSize: number }) {
  assertCan(ctx.actor, 'users.read');
  const where: SQL[] = [];
  const scope = unitScope(ctx.actor);
  // A unit liaison sees the accounts of their own unit only.
  if (scope !== 'all') where.push(eq(users.unitId, scope[0]));
  if (query.unitId) where.push(eq(users.unitId, query.unitId));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.select().from(users).where(cond).orderBy(asc(users.username)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(users).where(cond),
  ]);
  return { total, items: rows.map(presentUser) };
}
