import { seedHistoryReport, seedReports } from './seed-reports.ts';
import { seedMailbox } from './seed-mailbox.ts';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { unitAliases, unitGroupAliases, unitGroups, units, users } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { seedCalendar } from '../platform/calendar/seed-calendar.ts';
import { inTransaction, type Actor } from '../platform/context.ts';
import { importPlan } from '../modules/plans/import-plan.ts';
import { seedRequests } from './seed-requests.ts';
import { seedFeeItem } from './seed-fee-item.ts';
import { seedPlanYear } from './seed-plans.ts';
import { seedCatalog } from '../modules/catalog/seed-catalog.ts';
import { seedOpinion } from './seed-opinion.ts';
import { seedQa } from './seed-qa.ts';
import { ROOT } from '../paths.ts';
import { generatePassword, hashPassword } from '../platform/users/password.ts';
import { DEMO_GROUPS, DEMO_UNITS, demoAgencyCode, REGION } from './demo-district.ts';

export interface SeedResult {
  seeded: boolean;
  adminUsername?: string;
  adminPassword?: string;
}

/**
 * First start: the calendar, the demo district's units and groups, and an administrator whose
 * one-time password is returned for printing. A database that already has units is left alone.
 */
export async function seedDemo(db: Db, opts: { withPlan?: boolean; withRequests?: boolean; withYear?: boolean } = {}): Promise<SeedResult> {
  await seedCalendar(db);
  const [any] = await db.select({ id: units.id }).from(units).limit(1);
  if (any) return { seeded: false };
  const password = generatePassword();
  let adminActor: Actor | null = null;
  const passwordHash = await hashPassword(password);
  await inTransaction({ db, actor: null }, async (tx) => {
    const [region] = await tx.db.insert(units).values({ name: REGION.name, shortName: REGION.short, kind: 'region', code: demoAgencyCode(0), sort: 0 }).returning();
    let office = '';
    for (const [i, u] of DEMO_UNITS.entries()) {
      const [row] = await tx.db
        .insert(units)
        .values({ name: u.name, shortName: u.short, kind: u.kind, parentId: region.id, isAgency: u.isAgency ?? true, code: demoAgencyCode(i + 1, u.isAgency ?? true), sort: (i + 1) * 10 })
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
    adminActor = { id: admin.id, username: 'admin', name: '系统管理员', unitId: office, roles: ['sys_admin', 'office_admin'] };
    await writeAudit(tx, {
      action: 'seed.demo_district',
      entity: 'system',
      after: { region: REGION.short, units: DEMO_UNITS.length + 1, groups: DEMO_GROUPS.length, admin: admin.id },
    });
  });
  if (opts.withPlan !== false && adminActor) {
    // The district's real 2021 notice, as a draft the office can review and issue.
    const data = fs.readFileSync(path.join(ROOT, 'src/seed/yuzhong-2021-notice.txt'));
    const imported = await importPlan({ db, actor: adminActor }, { data, filename: '渝中区2021年政务公开工作要点任务分工.txt' });
    // The demo shows the plan's year as it went (示例数据), unless a caller wants the bare draft (tests).
    if (opts.withYear !== false && imported.planId) await seedPlanYear(db, adminActor, imported.planId);
  }
  if (adminActor) await seedCatalog(db, adminActor);
  if (adminActor) await seedOpinion(db, adminActor);
  // 示例 information requests (a year of cases for the annual report); tests ask for them explicitly.
  if (adminActor && (opts.withRequests ?? opts.withPlan !== false)) await seedRequests(db);
  // The fee item of 依申请公开 in the 收费项目 column (示例), with the demo year (a test app's catalog stays as its tests expect).
  if (adminActor && opts.withYear !== false && (opts.withRequests ?? opts.withPlan !== false)) await seedFeeItem(db, adminActor);
  if (adminActor) await seedMailbox(db);
  if (adminActor) await seedQa(db, adminActor);
  // After every module's demo data, from which it is computed; with the demo cases only.
  if (adminActor && (opts.withRequests ?? opts.withPlan !== false)) await seedReports(db);
  // The 2021 history (imported ledgers and the district's published 2021 report), with the demo year only.
  if (adminActor && opts.withYear !== false && (opts.withRequests ?? opts.withPlan !== false)) await seedHistoryReport(db);
  return { seeded: true, adminUsername: 'admin', adminPassword: password };
}

export async function findUnitIdByShortName(db: Db, short: string): Promise<string | undefined> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.shortName, short));
  return row?.id;
}

/** Tells the operator, once, what the first start created and the administrator's one-time password. */
export function announceSeed(seed: SeedResult, log: (msg: string) => void) {
  if (!seed.seeded) return;
  log('');
  log('首次启动：已创建演示区县（渝中区）的单位、单位组、工作日历、政府信息公开目录（含示例文件），并导入《渝中区2021年政务公开工作要点任务分工》，附一年的示例落实情况（报送、核查、销号，日期均在2021年）。');
  log(`管理员账号：${seed.adminUsername}　一次性密码：${seed.adminPassword}`);
  log('请登录 /admin/ 后立即修改密码；此密码只显示这一次。');
  log('');
}
