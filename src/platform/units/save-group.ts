import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { unitGroupAliases, unitGroupMembers, unitGroups, units } from '../../db/schema/index.ts';
import { invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { assertNameFree } from './assert-name-free.ts';
import { normalizeUnitName } from './normalize-name.ts';
import { GROUP_MEMBERSHIP_CODES, UNIT_KIND_CODES } from './unit-kinds.ts';

const name = z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不能超过 60 个字');

export const groupInput = z.object({
  name,
  membership: z.enum(GROUP_MEMBERSHIP_CODES, { message: '成员方式不正确' }),
  memberKinds: z.array(z.enum(UNIT_KIND_CODES, { message: '单位类型不正确' })).max(10).default([]),
  memberIds: z.array(z.uuid('成员单位编号格式不正确')).max(500).default([]),
  aliases: z.array(name).max(20, '别名不能超过 20 个').default([]),
  description: z.string().trim().max(500, '说明不能超过 500 字').optional().nullable(),
});
export type GroupInput = z.input<typeof groupInput>;

/** Creates a unit group, or replaces one's definition when `id` is given. */
export async function saveGroup(ctx: OpContext, raw: GroupInput, id?: string) {
  assertCan(ctx.actor, 'units.manage');
  const input = groupInput.parse(raw);
  const groupName = normalizeUnitName(input.name);
  const aliases = [...new Set(input.aliases.map(normalizeUnitName))].filter((a) => a !== groupName);
  if (input.membership === 'kinds' && input.memberKinds.length === 0)
    throw invalid('group_kinds_required', '按单位类型包含时至少选择一种单位类型');
  if (input.membership === 'list' && input.memberIds.length === 0)
    throw invalid('group_members_required', '固定名单至少包含一个单位');
  return inTransaction(ctx, async (tx) => {
    let before: unknown = null;
    if (id) {
      const [row] = await tx.db.select().from(unitGroups).where(eq(unitGroups.id, id)).for('update');
      if (!row) throw notFound('group_not_found', '单位组不存在');
      before = row;
    }
    for (const n of [groupName, ...aliases]) await assertNameFree(tx.db, n, id ? { groupId: id } : undefined);
    const memberIds = input.membership === 'list' ? [...new Set(input.memberIds)] : [];
    if (memberIds.length) {
      const found = await tx.db.select({ id: units.id }).from(units).where(inArray(units.id, memberIds));
      if (found.length !== memberIds.length) throw invalid('unknown_unit', '成员中有不存在的单位');
    }
    const values = {
      name: groupName,
      membership: input.membership,
      memberKinds: input.membership === 'kinds' ? input.memberKinds : [],
      description: input.description ?? null,
      updatedAt: new Date(),
    };
    const [group] = id
      ? await tx.db.update(unitGroups).set(values).where(eq(unitGroups.id, id)).returning()
      : await tx.db.insert(unitGroups).values(values).returning();
    await tx.db.delete(unitGroupMembers).where(eq(unitGroupMembers.groupId, group.id));
    await tx.db.delete(unitGroupAliases).where(eq(unitGroupAliases.groupId, group.id));
    if (memberIds.length)
      await tx.db.insert(unitGroupMembers).values(memberIds.map((unitId) => ({ groupId: group.id, unitId })));
    if (aliases.length)
      await tx.db.insert(unitGroupAliases).values(aliases.map((alias) => ({ groupId: group.id, alias })));
    const result = { ...group, memberIds, aliases };
    await writeAudit(tx, {
      action: id ? 'group.update' : 'group.create',
      entity: 'unit_group',
      entityId: group.id,
      before,
      after: result,
    });
    return result;
  });
}
