import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { opinionDomains, opinionEvents, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';

/** The notice's eight domains and the units it names for each (二(三)); seeded, then the office's data. */
export const NOTICE_DOMAINS: { name: string; units: string[] }[] = [
  { name: '疫情防控和医疗', units: ['区卫生健康委'] },
  { name: '房地产金融', units: ['区住房城市建委', '区金融办'] },
  { name: '工资拖欠', units: ['区人力社保局'] },
  { name: '环境污染和生态破坏', units: ['区生态环境局'] },
  { name: '食品药品安全', units: ['区市场监管局'] },
  { name: '教育', units: ['区教委'] },
  { name: '养老和困难群众生活', units: ['区民政局'] },
  { name: '安全生产', units: ['区应急局'] },
];

export async function listDomainRows(db: Db) {
  const rows = await db.select().from(opinionDomains).orderBy(asc(opinionDomains.sort), asc(opinionDomains.name));
  const ids = [...new Set(rows.flatMap((r) => r.unitIds))];
  const names = ids.length ? await db.select({ id: units.id, name: sql<string>`coalesce(${units.shortName}, ${units.name})` }).from(units).where(inArray(units.id, ids)) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({ id: r.id, name: r.name, sort: r.sort, units: r.unitIds.map((id) => ({ id, name: nameOf.get(id) ?? '（已删除的单位）' })) }));
}

export async function listDomains(ctx: OpContext) {
  assertCan(ctx.actor, 'opinion.read');
  return { items: await listDomainRows(ctx.db) };
}

export const domainInput = z.object({
  name: z.string().trim().min(2, '请填写领域名称').max(50, '领域名称不能超过 50 字'),
  unitIds: z.array(z.uuid('单位编号格式不正确')).min(1, '请至少选择一个负责单位').max(10, '负责单位不能超过 10 个'),
  sort: z.number().int().min(0).max(10_000).default(0),
});

async function checkUnits(db: Db, unitIds: string[]) {
  const found = await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (found.length !== new Set(unitIds).size) throw invalid('unknown_unit', '所选单位中有不存在的单位');
}

/** Adds a domain, or (with an id) renames it / changes its units. Names are unique. */
export async function saveDomain(ctx: OpContext, id: string | null, raw: z.input<typeof domainInput>) {
  assertCan(ctx.actor, 'opinion.manage');
  const input = domainInput.parse(raw);
  const unitIds = [...new Set(input.unitIds)];
  return inTransaction(ctx, async (tx) => {
    await checkUnits(tx.db, unitIds);
    const [clash] = await tx.db.select({ id: opinionDomains.id }).from(opinionDomains).where(eq(opinionDomains.name, input.name));
    if (clash && clash.id !== id) throw conflict('domain_exists', `领域“${input.name}”已存在`);
    if (id) {
      const [before] = await tx.db.select().from(opinionDomains).where(eq(opinionDomains.id, id));
      if (!before) throw notFound('domain_not_found', '领域不存在');
      const [row] = await tx.db.update(opinionDomains).set({ ...input, unitIds }).where(eq(opinionDomains.id, id)).returning();
      await writeAudit(tx, { action: 'opinion.domain_update', entity: 'opinion_domain', entityId: id, before, after: row });
      return row;
    }
    const [row] = await tx.db.insert(opinionDomains).values({ ...input, unitIds }).returning();
    await writeAudit(tx, { action: 'opinion.domain_create', entity: 'opinion_domain', entityId: row.id, after: row });
    return row;
  });
}

/** Removes a domain no event uses (events keep theirs; rename it instead). */
export async function deleteDomain(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'opinion.manage');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(opinionDomains).where(eq(opinionDomains.id, id));
    if (!before) throw notFound('domain_not_found', '领域不存在');
    const [used] = await tx.db.select({ id: opinionEvents.id }).from(opinionEvents).where(eq(opinionEvents.domainId, id)).limit(1);
    if (used) throw conflict('domain_in_use', '已有舆情事件属于该领域，不能删除（可改名或调整负责单位）');
    await tx.db.delete(opinionDomains).where(eq(opinionDomains.id, id));
    await writeAudit(tx, { action: 'opinion.domain_delete', entity: 'opinion_domain', entityId: id, before });
    return { ok: true as const };
  });
}
