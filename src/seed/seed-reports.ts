import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
import type { Actor } from '../platform/context.ts';
import type { Role } from '../platform/policy.ts';
import { publishAnnualReport } from '../modules/reports/publish-annual-report.ts';
import { reviewAnnualReport } from '../modules/reports/review-annual-report.ts';
import { saveAnnualReport } from '../modules/reports/save-annual-report.ts';

/**
 * The demo district's 2021 report of the district government, computed from the demo cases and
 * published into its 政府信息公开年报 column (示例). Runs after the requests module's demo cases.
 */
export async function seedReports(db: Db, adminUsername = 'admin'): Promise<void> {
  const [region] = await db.select().from(units).where(eq(units.kind, 'region'));
  const [admin] = await db.select().from(users).where(eq(users.username, adminUsername));
  if (!region || !admin) return;
  const actor: Actor = { id: admin.id, username: admin.username, name: admin.displayName, unitId: admin.unitId, roles: admin.roles as Role[] };
  const ctx = { db, actor, ip: 'seed' };
  await saveAnnualReport(ctx, region.id, 2021, {
    texts: {
      overview: [
        '（示例）2021年，渝中区坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和国家、市政务公开工作要点，围绕区委、区政府中心工作，深化重点领域信息公开，加强政策解读回应，推进基层政务公开标准化规范化，政务公开工作取得新成效。',
        '主动公开方面，在区政府门户网站政府信息公开专栏集中发布政策文件、财政预决算、重大建设项目等信息；依申请公开方面，严格按照法定时限办理，规范答复文书；平台建设方面，优化政府网站栏目设置，完善政策咨询问答库。',
      ].join('\n'),
      problems: '（示例）一是政策解读形式仍较单一，图表图解、视频解读数量不多；二是部分单位依申请公开答复说理不够充分。下一步，将丰富解读形式，加强答复文书审核和业务培训。',
      other: '（示例）本年度未收取信息处理费。2021年政务公开工作要点任务分工落实情况已在政府网站公开。',
    },
    entered: { permits: 1268, penalties: 3352, enforcement: 41, feesWan: 0, sources: '（示例）区政务服务中心、区司法局统计' },
  });
  await reviewAnnualReport(ctx, region.id, 2021);
  await publishAnnualReport(ctx, region.id, 2021);
}
