import fs from 'node:fs';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { requestCases, units, users } from '../db/schema/index.ts';
import type { Actor } from '../platform/context.ts';
import type { Role } from '../platform/policy.ts';
import { publishAnnualReport } from '../modules/reports/publish-annual-report.ts';
import { reviewAnnualReport } from '../modules/reports/review-annual-report.ts';
import { saveAnnualReport } from '../modules/reports/save-annual-report.ts';
import { importRequestLedger } from '../modules/reports/import/import-request-ledger.ts';
import { importReviewLedger } from '../modules/reports/import/import-review-ledger.ts';
import { ROOT } from '../paths.ts';

/** The demo agency and year whose report is published: the department with the most demo cases (seed-requests.ts), and their year. */
export const DEMO_REPORT = { agency: '区财政局', year: 2025 };

/**
 * The demo district's 2021 history: the ledgers of information requests and of 复议/诉讼 an office
 * would bring from its old system (imported through `requests import` / `requests import-reviews`,
 * marked 示例), from which the 2021 reports are computed; the district government's (渝中区人民政府) is published.
 */
export const DEMO_HISTORY = {
  year: 2021,
  /** The district government itself (the region unit): its requests are handled by 区政府办公室. */
  agency: '渝中区',
  requests: 'src/seed/demo-request-ledger-2021.csv',
  reviews: 'src/seed/demo-review-ledger-2021.csv',
};

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

/** Imports the 2021 ledgers and publishes the district government's 2021 report computed from them. */
export async function seedHistoryReport(db: Db, adminUsername = 'admin'): Promise<void> {
  const [admin] = await db.select().from(users).where(eq(users.username, adminUsername));
  if (!admin) return;
  const actor: Actor = { id: admin.id, username: admin.username, name: admin.displayName, unitId: admin.unitId, roles: admin.roles as Role[] };
  const ctx = { db, actor, ip: 'seed' };
  const { year } = DEMO_HISTORY;
  const [district] = await ctx.db.select().from(units).where(eq(units.shortName, DEMO_HISTORY.agency));
  if (!district) return;
  await importRequestLedger(ctx, fs.readFileSync(path.join(ROOT, DEMO_HISTORY.requests)));
  await importReviewLedger(ctx, fs.readFileSync(path.join(ROOT, DEMO_HISTORY.reviews)));
  // The ledger's codes say 示例; the flag lets lists mark them too.
  await ctx.db.update(requestCases).set({ demo: true }).where(and(eq(requestCases.imported, true), like(requestCases.code, '（示例）%')));
  await saveAnnualReport(ctx, district.id, year, {
    texts: {
      overview: [
        `（示例）${year}年，${district.name}深入贯彻落实《中华人民共和国政府信息公开条例》，按照《渝中区2021年政务公开工作要点任务分工》，以公开促落实、强监管、优服务，持续推进决策、执行、管理、服务、结果公开。`,
        '主动公开方面，围绕“十四五”规划、常态化疫情防控、优化营商环境等重点领域及时发布信息，开展政策解读；依申请公开方面，畅通申请渠道，统一答复文书格式，严格按照法定时限答复；平台建设方面，优化区政府门户网站政府信息公开专栏和政策咨询问答库。',
      ].join('\n'),
      problems: '（示例）一是部分单位主动公开的及时性、准确性有待提高；二是政策解读的针对性和可读性仍需加强；三是依申请公开答复的说理不够充分。下一步，将加强业务培训和日常检查，完善依申请公开会商机制。',
      other: `（示例）本年度未收取信息处理费。${year}年政务公开工作要点任务分工落实情况已在区政府门户网站公开。`,
    },
    entered: { permits: 0, penalties: 0, enforcement: 0, feesWan: 0, sources: '（示例）本机关行政许可、行政处罚、行政强制统计' },
  });
  await reviewAnnualReport(ctx, district.id, year);
  // Published as it was, before the 31 January deadline of the following year.
  await publishAnnualReport(ctx, district.id, year, { now: new Date(`${year + 1}-01-28T10:00:00+08:00`) });
}
