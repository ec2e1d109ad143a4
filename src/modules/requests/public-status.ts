import { eq } from 'drizzle-orm';
import { requestCases, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { lookupByCode } from '../../platform/public-intake/lookup-by-code.ts';
import { QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { OUTCOMES } from './outcomes.ts';
import type { RequestStatus } from './statuses.ts';

/** What the applicant reads for each state: where the case is and what happens next. */
export const PUBLIC_STATUS_TEXT: Record<RequestStatus, { label: string; next: string }> = {
  待确认收到: { label: '已提交，待确认收到', next: '受理机关将与您联系确认收到申请。通过互联网提交的申请，以双方确认之日为收到申请之日（条例第三十一条），答复期限自该日起计算。' },
  办理中: { label: '办理中', next: '受理机关正在办理，将在答复期限内作出答复。' },
  待补正: { label: '待补正', next: '受理机关已一次性告知需要补正的事项，请在补正期限内提交补正材料；逾期不补正的，视为放弃申请。答复期限自收到补正材料之日起重新计算。' },
  征求意见: { label: '征求意见中', next: '受理机关正在征求第三方或其他机关的意见，所需时间不计算在答复期限内。' },
  待缴费: { label: '待缴纳信息处理费', next: '受理机关已发出收费通知，请在收到通知次日起 20 个工作日内缴费；逾期未缴纳的，视为放弃申请。' },
  已决定: { label: '已作出答复，待送达', next: '受理机关已作出答复，将按您选择的方式送达。' },
  已办结: { label: '已办结', next: '答复已送达。对答复不服的，可以自知道之日起 60 日内申请行政复议，或者 6 个月内提起行政诉讼。' },
  已转办: { label: '已转送其他机关', next: '您的申请已转送负责该信息的机关或单位，由其确认后办理。' },
};

const find = (ctx: OpContext) => async (code: string) => {
  const [c] = await ctx.db
    .select({ code: requestCases.code, status: requestCases.status, createdAt: requestCases.createdAt, receivedOn: requestCases.receivedOn, dueOn: requestCases.dueOn, clockNote: requestCases.clockNote, closedOn: requestCases.closedOn, outcome: requestCases.outcome, route: requestCases.route, agencyName: units.name })
    .from(requestCases)
    .innerJoin(units, eq(units.id, requestCases.agencyUnitId))
    .where(eq(requestCases.code, code));
  return c ?? null;
};

/**
 * The status of a request by its query code (portal and GET /api/public/requests/:code): where it
 * is, the dates and the result's category — never the applicant's name, ID, contact or the text of
 * the request. Guarded against enumeration by the kernel's lookup limits.
 */
export async function getPublicRequestStatus(ctx: OpContext, settings: IntakeSettings, code: string) {
  const c = await lookupByCode(ctx, settings, { scope: 'requests', prefix: QUERY_CODE_PREFIXES.requests, code }, find(ctx));
  const status = c.status as RequestStatus;
  const outcome = c.outcome && (status === '已决定' || status === '已办结') ? OUTCOMES.find((o) => o.code === c.outcome) : undefined;
  return {
    code: c.code,
    status,
    statusText: PUBLIC_STATUS_TEXT[status]?.label ?? status,
    next: PUBLIC_STATUS_TEXT[status]?.next ?? '',
    agencyName: c.agencyName,
    submittedOn: todayInShanghai(c.createdAt),
    receivedOn: c.receivedOn,
    dueOn: c.dueOn,
    dueNote: dueNote(c.dueOn, c.clockNote),
    closedOn: c.closedOn,
    outcome: outcome ? outcomeText(outcome) : null,
    complaint: c.route === '信访投诉',
  };
}

/** 予以公开; 不予公开（属于国家秘密）… — the report row's words. */
function outcomeText(o: (typeof OUTCOMES)[number]): string {
  const group = o.group.replace(/^（.）/, '');
  return group ? `${group}（${o.label}）` : o.label;
}

/** Why a running clock shows no date: the period runs into a year whose holidays are not entered yet. */
function dueNote(dueOn: string | null, clockNote: string | null): string | null {
  if (dueOn || !clockNote) return null;
  const year = /^calendar_not_published:(\d{4})$/.exec(clockNote)?.[1];
  return year ? `待${year}年节假日安排公布后计算` : null;
}
