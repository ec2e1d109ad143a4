import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { opinionPressEvents, opinionPressPolicies, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { assertCan, assertUnitInScope } from '../../platform/policy.ts';
import { assertDocumentsExist, assertInterpretationColumn, docLinks } from './catalog-links.ts';
import { PRESS_KINDS } from './kinds.ts';

export const pressInput = z.object({
  kind: z.enum(PRESS_KINDS, { message: `形式应为：${PRESS_KINDS.join('、')}` }),
  heldOn: z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD'),
  topic: z.string().trim().min(4, '请填写主题').max(200, '主题不能超过 200 字'),
  organizerUnitId: z.uuid('单位编号格式不正确'),
  speakers: z.string().trim().min(2, '请填写发布人（姓名、职务）').max(500, '发布人不能超过 500 字'),
  leaderSpoke: z.boolean({ message: '请说明有关负责同志是否出席解读' }),
  policyIds: z.array(z.uuid('目录文件编号格式不正确')).max(20, '解读的政策不能超过 20 件').default([]),
  resultDocumentId: z.uuid('目录文件编号格式不正确').nullish(),
});

/** Records (or, with an id, corrects) a press event that interpreted policies. */
export async function savePressEvent(ctx: OpContext, id: string | null, raw: z.input<typeof pressInput>, opts: { isSample?: boolean } = {}) {
  assertCan(ctx.actor, 'opinion.press');
  const input = pressInput.parse(raw);
  const actor = ctx.actor;
  if (input.heldOn > todayInShanghai()) throw invalid('date_in_future', '举办日期不能晚于今天（预告请在举办后登记）');
  assertUnitInScope(actor, input.organizerUnitId);
  const policyIds = [...new Set(input.policyIds)];
  return inTransaction(ctx, async (tx) => {
    const [u] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.organizerUnitId));
    if (!u) throw invalid('unknown_unit', '组织单位不存在');
    await assertDocumentsExist(tx.db, [...policyIds, input.resultDocumentId]);
    await assertInterpretationColumn(tx.db, input.resultDocumentId);
    const values = { kind: input.kind, heldOn: input.heldOn, topic: input.topic, organizerUnitId: input.organizerUnitId, speakers: input.speakers, leaderSpoke: input.leaderSpoke, resultDocumentId: input.resultDocumentId ?? null };
    let row;
    if (id) {
      const [before] = await tx.db.select().from(opinionPressEvents).where(eq(opinionPressEvents.id, id)).for('update');
      if (!before) throw notFound('press_event_not_found', '发布活动不存在');
      assertUnitInScope(actor, before.organizerUnitId);
      [row] = await tx.db.update(opinionPressEvents).set(values).where(eq(opinionPressEvents.id, id)).returning();
      await tx.db.delete(opinionPressPolicies).where(eq(opinionPressPolicies.pressEventId, id));
      await writeAudit(tx, { action: 'opinion.press_update', entity: 'opinion_press_event', entityId: id, before, after: { ...values, policyIds } });
    } else {
      [row] = await tx.db.insert(opinionPressEvents).values({ ...values, isSample: opts.isSample ?? false, createdBy: actor.id }).returning();
      await writeAudit(tx, { action: 'opinion.press_create', entity: 'opinion_press_event', entityId: row.id, after: { ...values, policyIds } });
    }
    if (policyIds.length) await tx.db.insert(opinionPressPolicies).values(policyIds.map((documentId) => ({ pressEventId: row.id, documentId })));
    return row;
  });
}

/** Press events of a year (or all), newest first, with the linked policies and the interpretation result. */
export async function pressEventRows(db: Db, year?: number) {
  const rows = await db
    .select({ p: opinionPressEvents, organizerName: sql<string>`coalesce(${units.shortName}, ${units.name})` })
    .from(opinionPressEvents)
    .innerJoin(units, eq(units.id, opinionPressEvents.organizerUnitId))
    .where(year ? and(gte(opinionPressEvents.heldOn, `${year}-01-01`), lte(opinionPressEvents.heldOn, `${year}-12-31`)) : undefined)
    .orderBy(desc(opinionPressEvents.heldOn), desc(opinionPressEvents.createdAt))
    .limit(1000);
  const ids = rows.map((r) => r.p.id);
  const pol = ids.length ? await db.select().from(opinionPressPolicies).where(inArray(opinionPressPolicies.pressEventId, ids)).orderBy(asc(opinionPressPolicies.documentId)) : [];
  const links = await docLinks(db, [...pol.map((x) => x.documentId), ...rows.map((r) => r.p.resultDocumentId)]);
  return rows.map(({ p, organizerName }) => ({
    ...p,
    organizerName,
    policies: pol.filter((x) => x.pressEventId === p.id).flatMap((x) => links.get(x.documentId) ?? []),
    result: p.resultDocumentId ? (links.get(p.resultDocumentId) ?? null) : null,
  }));
}

export const pressQuery = z.object({ year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional() });

export async function listPressEvents(ctx: OpContext, raw: z.input<typeof pressQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const { year } = pressQuery.parse(raw);
  return { items: await pressEventRows(ctx.db, year) };
}
