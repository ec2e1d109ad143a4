import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { qaEntries, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

export const listEntriesQuery = z.object({
  q: z.string().trim().max(100, '关键词不超过 100 字').optional(),
  status: z.enum(['draft', 'published', 'retired'], { message: '状态不正确' }).optional(),
  unitId: z.uuid('单位不正确').optional(),
  needsReview: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The library list: text search over question and external id, filters by status, unit, review flag. */
export async function listEntries(ctx: OpContext, raw: z.input<typeof listEntriesQuery>) {
  assertCan(ctx.actor, 'qa.read');
  const q = listEntriesQuery.parse(raw);
  const where: SQL[] = [];
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(qaEntries.question, pattern), eq(qaEntries.externalId, q.q), sql`exists (select 1 from qa_variants v where v.entry_id = ${qaEntries.id} and v.text ilike ${pattern})`)!);
  }
  if (q.status) where.push(eq(qaEntries.status, q.status));
  if (q.unitId) where.push(eq(qaEntries.ownerUnitId, q.unitId));
  if (q.needsReview) where.push(eq(qaEntries.needsReview, q.needsReview === 'true'));
  const cond = where.length ? and(...where) : undefined;
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: qaEntries.id,
        externalId: qaEntries.externalId,
        question: qaEntries.question,
        topic: qaEntries.topic,
        status: qaEntries.status,
        ownerUnitId: qaEntries.ownerUnitId,
        ownerUnitName: units.name,
        needsReview: qaEntries.needsReview,
        reviewReason: qaEntries.reviewReason,
        reviewOn: qaEntries.reviewOn,
        version: qaEntries.version,
        isSample: qaEntries.isSample,
        updatedAt: qaEntries.updatedAt,
        variantCount: sql<number>`(select count(*)::int from qa_variants v where v.entry_id = ${qaEntries.id})`,
      })
      .from(qaEntries)
      .leftJoin(units, eq(units.id, qaEntries.ownerUnitId))
      .where(cond)
      .orderBy(desc(qaEntries.updatedAt), desc(qaEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(qaEntries).where(cond),
  ]);
  return { items, total };
}
