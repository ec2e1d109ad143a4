import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
import type { Actor } from '../platform/context.ts';
import type { Role } from '../platform/policy.ts';
import { publishAnnualReport } from '../modules/reports/publish-annual-report.ts';
import { reviewAnnualReport } from '../modules/reports/review-annual-report.ts';
import { saveAnnualReport } from '../modules/reports/save-annual-report.ts';

/** The demo agency and year whose report is published: the department with the most demo cases (seed-requests.ts), and their year. */
export const DEMO_REPORT = { agency: '区财政局', year: 2025 };

/**
 * The demo report of 区财政局 for 2025, computed from the demo cases (seed-requests.ts) and published
 * into its sub-site's 政府信息公开年报 column (示例). Runs after every other module's demo data.
 */
export async function seedReports(db: Db, adminUsername = 'admin'): Promise<void> {
  const [agency] = await db.select().from(units).where(eq(units.shortName, DEMO_REPORT.agency));
  const [admin] = await db.select().from(users).where(eq(users.username, adminUsername));
  if (!agency || !admin) return;
  const { year } = DEMO_REPORT;
  const actor: Actor = { id: admin.id, username: admin.username, name: admin.displayName, unitId: admin.unitId, roles: admin.roles as Role[] };
  const ctx = { db, actor, ip: 'seed' };
  await saveAnnualReport(ctx, agency.id, year, {
    texts: {
      overview: [
        `（示例）${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》和国家、市、区政务公开工作要点，围绕财政预决算、政府采购、专项资金等重点领域深化信息公开，加强政策解读回应，规范依申请公开办理。`,
        '主动公开方面，在部门网页政府信息公开专栏集中发布部门预决算、专项资金管理办法和政府采购信息；依申请公开方面，严格按照法定时限办理，规范答复文书；政策咨询方面，完善政策咨询问答库。',
      ].join('\n'),
      problems: '（示例）一是政策解读形式仍较单一，图表图解、视频解读数量不多；二是部分单位依申请公开答复说理不够充分。下一步，将丰富解读形式，加强答复文书审核和业务培训。',
      other: `（示例）本年度未收取信息处理费。${year}年政务公开工作要点任务分工落实情况已在部门网页公开。`,
    },
    entered: { permits: 0, penalties: 12, enforcement: 0, feesWan: 0, sources: '（示例）本机关行政执法统计' },
  });
  await reviewAnnualReport(ctx, agency.id, year);
  await publishAnnualReport(ctx, agency.id, year);
}
