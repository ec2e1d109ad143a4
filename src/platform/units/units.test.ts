import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, units } from '../../db/schema/index.ts';
import { seedDemo } from '../../seed/seed-demo.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import type { Actor } from '../context.ts';
import { createUnit } from './create-unit.ts';
import { saveGroup } from './save-group.ts';
import { loadUnitResolver } from './unit-resolver.ts';
import { updateUnit } from './update-unit.ts';

describe('units, aliases, groups and the name resolver', () => {
  let database: Database;
  let admin: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { withPlan: false });
    const [office] = await database.db.select().from(units).where(eq(units.shortName, '区政府办公室'));
    admin = { id: '00000000-0000-0000-0000-0000000000aa', username: 'admin', name: '管理员', unitId: office.id, roles: ['office_admin'] };
  });
  afterAll(() => database.close());

  it('seeds every unit the notice names and the 11 街道 of 渝中区', async () => {
    const r = await loadUnitResolver(database.db);
    for (const n of ['区发展改革委', '区规划自然资源局', '区政府办公室', '区党政信息中心', '区商务委', '区市场监管局', '区财政局', '区卫生健康委', '区政府新闻办', '区经济信息委', '区民政局', '区人力社保局', '区生态环境局', '区金融办', '区网信办', '区住房城市建委', '区应急局', '区教委', '区司法局', '区城管局', '区交通局', '区文化旅游委', '区行政学校'])
      expect(r.resolveOne(n).kind, n).toBe('unit');
    const streets = r.resolveOne('街道办事处');
    expect(streets.kind).toBe('group');
    if (streets.kind === 'group') expect(streets.units).toHaveLength(11);
  });

  it('resolves aliases, groups and trailing punctuation, and reports unknown names', async () => {
    const r = await loadUnitResolver(database.db);
    const res = r.resolveCell('区发改委、区住房城市建委、\n区政府各部门、管委会、街道办事处，某某局');
    expect(res.map((x) => x.kind)).toEqual(['unit', 'unit', 'group', 'group', 'group', 'unknown']);
    expect(res[0]).toMatchObject({ kind: 'unit', unit: { name: '重庆市渝中区发展和改革委员会' } });
    expect(res[5]).toEqual({ written: '某某局', kind: 'unknown' });
    const related = r.resolveOne('区政府有关部门');
    expect(related).toMatchObject({ kind: 'group', group: { membership: 'per_use' }, units: [] });
  });

  it('creates a unit with an alias, audited, and the resolver finds it by either name', async () => {
    const unit = await createUnit({ db: database.db, actor: admin, ip: '127.0.0.1' }, { name: '重庆市渝中区测试局', shortName: '区测试局', kind: 'department', aliases: ['区测试'] });
    const r = await loadUnitResolver(database.db);
    expect(r.resolveOne('区测试')).toMatchObject({ kind: 'unit', unit: { unitId: unit.id } });
    expect(r.resolveOne('区测试局、')).toMatchObject({ kind: 'unit', unit: { unitId: unit.id } });
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(row).toMatchObject({ action: 'unit.create', ip: '127.0.0.1' });
    // A department joins 区政府各部门 automatically.
    const all = r.resolveOne('区政府各部门');
    expect(all.kind === 'group' && all.units.some((u) => u.unitId === unit.id)).toBe(true);
  });

  it('refuses a name or alias already used, writing nothing', async () => {
    await expect(createUnit({ db: database.db, actor: admin }, { name: '区发改委', kind: 'department' })).rejects.toMatchObject({ code: 'name_taken' });
    await expect(createUnit({ db: database.db, actor: admin }, { name: '重庆市渝中区新局', kind: 'department', aliases: ['管委会'] })).rejects.toMatchObject({ code: 'name_taken' });
    expect(await database.db.select().from(units).where(eq(units.name, '重庆市渝中区新局'))).toHaveLength(0);
  });

  it('rejects bad input with Chinese messages', async () => {
    await expect(createUnit({ db: database.db, actor: admin }, { name: 'x', kind: 'department' })).rejects.toThrow(/至少 2 个字/);
    await expect(createUnit({ db: database.db, actor: admin }, { name: '很长'.repeat(40), kind: 'department' })).rejects.toThrow(/不能超过 60/);
    await expect(createUnit({ db: database.db, actor: admin }, { name: '某单位', kind: 'planet' as never })).rejects.toThrow(/单位类型不正确/);
    await expect(createUnit({ db: database.db, actor: admin }, { name: '某单位', kind: 'department', parentId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'unknown_parent' });
  });

  it('refuses a parent cycle', async () => {
    const a = await createUnit({ db: database.db, actor: admin }, { name: '上级单位甲', kind: 'department' });
    const b = await createUnit({ db: database.db, actor: admin }, { name: '下级单位乙', kind: 'department', parentId: a.id });
    await expect(updateUnit({ db: database.db, actor: admin }, a.id, { parentId: b.id })).rejects.toMatchObject({ code: 'parent_cycle' });
  });

  it('keeps explicit-list groups and refuses unknown members', async () => {
    const r0 = await loadUnitResolver(database.db);
    const fgw = r0.resolveOne('区发展改革委');
    if (fgw.kind !== 'unit') throw new Error('seed');
    const g = await saveGroup({ db: database.db, actor: admin }, { name: '规划相关部门', membership: 'list', memberIds: [fgw.unit.unitId], aliases: ['规划部门'] });
    const r = await loadUnitResolver(database.db);
    expect(r.resolveOne('规划部门')).toMatchObject({ kind: 'group', group: { id: g.id }, units: [{ unitId: fgw.unit.unitId }] });
    await expect(saveGroup({ db: database.db, actor: admin }, { name: '坏组', membership: 'list', memberIds: ['00000000-0000-0000-0000-000000000000'] })).rejects.toMatchObject({ code: 'unknown_unit' });
    await expect(saveGroup({ db: database.db, actor: { ...admin, roles: ['liaison'] } }, { name: '越权组', membership: 'per_use' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
