import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { opinionDomains, opinionEvents, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertReaches, opinionReach } from './event-scope.ts';
import { CATEGORIES, LEVELS, SOURCES } from './kinds.ts';

export const httpUrl = z
  .string()
  .trim()
  .max(1000, '链接不能超过 1000 个字符')
  .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头');

export const eventInput = z
  .object({
    source: z.enum(SOURCES, { message: `来源应为：${SOURCES.join('、')}` }),
    sourceUrl: httpUrl.nullish(),
    sourceText: z.string().trim().max(5000, '原文摘录不能超过 5000 字').nullish(),
    firstSeenAt: z.coerce.date({ message: '首次发现时间格式不正确' }),
    summary: z.string().trim().min(4, '请填写舆情摘要').max(2000, '舆情摘要不能超过 2000 字'),
    domainId: z.uuid('领域编号格式不正确').nullish(),
    category: z.enum(CATEGORIES, { message: `类别应为：${CATEGORIES.join('、')}` }),
    level: z.enum(LEVELS, { message: `级别应为：${LEVELS.join('、')}` }),
    /** Omitted: the domain's first unit. */
    responsibleUnitId: z.uuid('单位编号格式不正确').nullish(),
  })
  .refine((v) => v.sourceUrl || v.sourceText, { message: '请填写原文链接或原文摘录', path: ['sourceUrl'] });

/**
 * 收集: registers an event. The responsible unit defaults to the domain's (the domain table); the
 * unit is notified. A unit registers for itself; the office and the 网信办 for any unit.
 */
export async function registerEvent(ctx: OpContext, raw: z.input<typeof eventInput>, opts: { isSample?: boolean } = {}) {
  assertCan(ctx.actor, 'opinion.handle');
  const input = eventInput.parse(raw);
  const actor = ctx.actor;
  if (input.firstSeenAt.getTime() > Date.now() + 5 * 60_000) throw invalid('first_seen_in_future', '首次发现时间不能晚于现在');
  return inTransaction(ctx, async (tx) => {
    let unitId = input.responsibleUnitId ?? null;
    if (input.domainId) {
      const [d] = await tx.db.select().from(opinionDomains).where(eq(opinionDomains.id, input.domainId));
      if (!d) throw invalid('unknown_domain', '领域不存在');
      unitId ??= d.unitIds[0] ?? null;
    }
    if (!unitId) throw invalid('responsible_unit_required', '请选择责任单位（或选择领域，由领域对照表带出）');
    const [u] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!u) throw invalid('unknown_unit', '责任单位不存在');
    assertReaches(await opinionReach(tx.db, actor), unitId, '只能登记本单位负责的舆情');
    const [row] = await tx.db
      .insert(opinionEvents)
      .values({
        source: input.source,
        sourceUrl: input.sourceUrl ?? null,
        sourceText: input.sourceText ?? null,
        firstSeenAt: input.firstSeenAt,
        summary: input.summary,
        domainId: input.domainId ?? null,
        category: input.category,
        level: input.level,
        responsibleUnitId: unitId,
        isSample: opts.isSample ?? false,
        createdBy: actor.id,
      })
      .returning();
    await notifyUnits(tx.db, [unitId], { kind: 'opinion.registered', title: `${input.level}舆情：${input.summary.slice(0, 40)}`, body: '请按时限会商、研判并回应', link: `/admin/opinion/events/${row.id}` });
    await writeAudit(tx, { action: 'opinion.event_register', entity: 'opinion_event', entityId: row.id, after: { ...input, responsibleUnitId: unitId } });
    return row;
  });
}
