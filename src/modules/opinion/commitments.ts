import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { opinionCommitments, opinionEvents, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type Actor, type OpContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertDocumentsExist, docLinks } from './catalog-links.ts';
import { commitmentState } from './commitment-state.ts';
import { assertReaches, opinionReach } from './event-scope.ts';
import { COMMITMENT_STATES } from './kinds.ts';
import { httpUrl } from './register-event.ts';

const dateStr = (label: string) => z.string().refine(isValidDate, `${label}格式应为 YYYY-MM-DD`);

export const commitmentInput = z.object({
  eventId: z.uuid('舆情编号格式不正确').nullish(),
  text: z.string().trim().min(4, '请填写承诺内容').max(2000, '承诺内容不能超过 2000 字'),
  ownerUnitId: z.uuid('单位编号格式不正确'),
  promisedOn: dateStr('承诺完成日期'),
});

/** Records a commitment made in a response; the owner unit is told. */
export async function createCommitment(ctx: OpContext, raw: z.input<typeof commitmentInput>, opts: { isSample?: boolean } = {}) {
  assertCan(ctx.actor, 'opinion.handle');
  const input = commitmentInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const reach = await opinionReach(tx.db, actor);
    assertReaches(reach, input.ownerUnitId, '只能登记本单位作出的承诺');
    const [u] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.ownerUnitId));
    if (!u) throw invalid('unknown_unit', '承诺单位不存在');
    if (input.eventId) {
      const [e] = await tx.db.select({ unitId: opinionEvents.responsibleUnitId }).from(opinionEvents).where(eq(opinionEvents.id, input.eventId));
      if (!e || (reach !== 'all' && e.unitId !== reach)) throw invalid('unknown_event', '舆情事件不存在');
    }
    const [row] = await tx.db.insert(opinionCommitments).values({ ...input, eventId: input.eventId ?? null, isSample: opts.isSample ?? false, createdBy: actor.id }).returning();
    await notifyUnits(tx.db, [input.ownerUnitId], { kind: 'opinion.commitment', title: `公开承诺：${input.text.slice(0, 40)}（${input.promisedOn} 前完成）`, link: '/admin/opinion/commitments' });
    await writeAudit(tx, { action: 'opinion.commitment_create', entity: 'opinion_commitment', entityId: row.id, after: input });
    return row;
  });
}

export const fulfilInput = z
  .object({
    fulfilledOn: dateStr('完成日期'),
    evidence: z.string().trim().min(4, '请填写履行情况和佐证').max(5000, '佐证不能超过 5000 字'),
    documentId: z.uuid('目录文件编号格式不正确').nullish(),
    publicUrl: httpUrl.nullish(),
  })
  .refine((v) => v.documentId || v.publicUrl, { message: '请关联公开履行情况的目录文件或填写公开页面链接', path: ['publicUrl'] });

async function loadCommitment(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(opinionCommitments).where(eq(opinionCommitments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('commitment_not_found', '承诺不存在');
  return row;
}

/** 履行: the date, the evidence and the public page where the fulfilment is published; once. */
export async function fulfilCommitment(ctx: OpContext, id: string, raw: z.input<typeof fulfilInput>) {
  assertCan(ctx.actor, 'opinion.handle');
  const input = fulfilInput.parse(raw);
  const actor = ctx.actor;
  if (input.fulfilledOn > todayInShanghai()) throw invalid('date_in_future', '完成日期不能晚于今天');
  return inTransaction(ctx, async (tx) => {
    const before = await loadCommitment(tx.db, id, true);
    assertReaches(await opinionReach(tx.db, actor), before.ownerUnitId, '只能处理本单位的承诺');
    if (before.fulfilledOn) throw conflict('already_fulfilled', '该承诺已登记履行');
    await assertDocumentsExist(tx.db, [input.documentId]);
    const [row] = await tx.db
      .update(opinionCommitments)
      .set({ fulfilledOn: input.fulfilledOn, evidence: input.evidence, documentId: input.documentId ?? null, publicUrl: input.publicUrl ?? null, updatedAt: new Date() })
      .where(eq(opinionCommitments.id, id))
      .returning();
    await writeAudit(tx, { action: 'opinion.commitment_fulfil', entity: 'opinion_commitment', entityId: id, before: { fulfilledOn: null }, after: input });
    return row;
  });
}

const STATE_SQL: Record<(typeof COMMITMENT_STATES)[number], (today: string) => SQL> = {
  未到期: (t) => sql`${opinionCommitments.fulfilledOn} is null and ${opinionCommitments.promisedOn} >= ${t}`,
  逾期未完成: (t) => sql`${opinionCommitments.fulfilledOn} is null and ${opinionCommitments.promisedOn} < ${t}`,
  按期完成: () => sql`${opinionCommitments.fulfilledOn} <= ${opinionCommitments.promisedOn}`,
  逾期完成: () => sql`${opinionCommitments.fulfilledOn} > ${opinionCommitments.promisedOn}`,
};

export const commitmentQuery = z.object({
  state: z.enum(COMMITMENT_STATES, { message: '状态不正确' }).optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** Commitment rows with state; `reach` limits to one unit (admin) or none ('all', and the public list). */
export async function commitmentRows(db: Db, reach: 'all' | string, q: z.output<typeof commitmentQuery>, today = todayInShanghai()) {
  const conds: SQL[] = [];
  if (reach !== 'all') conds.push(eq(opinionCommitments.ownerUnitId, reach));
  if (q.unitId) conds.push(eq(opinionCommitments.ownerUnitId, q.unitId));
  if (q.state) conds.push(STATE_SQL[q.state](today));
  const where = conds.length ? and(...conds) : undefined;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(opinionCommitments).where(where);
  const rows = await db
    .select({ c: opinionCommitments, ownerName: sql<string>`coalesce(${units.shortName}, ${units.name})`, eventSummary: opinionEvents.summary })
    .from(opinionCommitments)
    .innerJoin(units, eq(units.id, opinionCommitments.ownerUnitId))
    .leftJoin(opinionEvents, eq(opinionEvents.id, opinionCommitments.eventId))
    .where(where)
    .orderBy(asc(opinionCommitments.promisedOn), asc(opinionCommitments.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const links = await docLinks(db, rows.map((r) => r.c.documentId));
  return {
    total,
    items: rows.map(({ c, ownerName, eventSummary }) => ({ ...c, ownerName, eventSummary: eventSummary ?? null, state: commitmentState(c, today), document: c.documentId ? (links.get(c.documentId) ?? null) : null })),
  };
}

export async function listCommitments(ctx: OpContext, raw: z.input<typeof commitmentQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  return commitmentRows(ctx.db, await opinionReach(ctx.db, ctx.actor as Actor), commitmentQuery.parse(raw));
}
