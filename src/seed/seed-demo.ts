import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { unitAliases, unitGroupAliases, unitGroups, units, users } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { seedCalendar } from '../platform/calendar/seed-calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { generatePassword, hashPassword } from '../platform/users/password.ts';
import { DEMO_GROUPS, DEMO_UNITS, REGION } from './demo-district.ts';

export interface SeedResult {
  seeded: boolean;
  adminUsername?: string;
  adminPassword?: string;
}

/**
 * First start: the calendar, the demo district's units and groups, and an administrator whose
 * one-time password is returned for printing. A database that already has units is left alone.
 */
export async function seedDemo(db: Db): Promise<SeedResult> {
  await seedCalendar(db);
  const [any] = await db.select({ id: units.id }).from(units).limit(1);
  if (any) return { seeded: false };
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction({ db, actor: null }, async (tx) => {
    const [region] = await tx.db.insert(units).values({ name: REGION.name, shortName: REGION.short, kind: 'region', sort: 0 }).returning();
    let office = '';
    for (const [i, u] of DEMO_UNITS.entries()) {
      const [row] = await tx.db
        .insert(units)
        .values({ name: u.name, shortName: u.short, kind: u.kind, parentId: region.id, isAgency: u.isAgency ?? true, sort: (i + 1) * 10 })
        .returning();
      if (u.short === '区政府办公室') office = row.id;
      if (u.aliases?.length) await tx.db.insert(unitAliases).values(u.aliases.map((alias) => ({ unitId: row.id, alias })));
    }
    for (const g of DEMO_GROUPS) {
      const [row] = await tx.db
        .insert(unitGroups)
        .values({ name: g.name, membership: g.membership, memberKinds: g.memberKinds ?? [], description: g.description })
        .returning();
      if (g.aliases?.length) await tx.db.insert(unitGroupAliases).values(g.aliases.map((alias) => ({ groupId: row.id, alias })));
    }
    const [admin] = await tx.db
      .insert(users)
      .values({ username: 'admin', displayName: '系统管理员', unitId: office, roles: ['sys_admin', 'office_admin'], passwordHash, mustChangePassword: true })
      .returning({ id: users.id });
    await writeAudit(tx, {
      action: 'seed.demo_district',
      entity: 'system',
      after: { region: REGION.short, units: DEMO_UNITS.length + 1, groups: DEMO_GROUPS.length, admin: admin.id },
    });
  });
  return { seeded: true, adminUsername: 'admin', adminPassword: password };
}

export async function findUnitIdByShortName(db: Db, short: string): Promise<string | undefined> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.shortName, short));
  return row?.id;
}
