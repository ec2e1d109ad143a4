import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { govDocx } from '../../platform/office/gov-docx.ts';
import { assertCan, assertUnitInScope } from '../../platform/policy.ts';
import { cn } from './circulars.ts';
import { ledgerRows, type LedgerRow } from './ledger-rows.ts';
import { loadPlan } from './load-plan.ts';
import { REPORT_STATE_LABEL } from './report-state.ts';
import { STATUS_LABEL } from './strings.ts';

export const unitReportInput = z.object({
  issues: z.string().trim().min(1, '请填写存在的问题及下一步打算').max(5000, '存在的问题及下一步打算不能超过 5000 字'),
});

const short = (text: string, n = 40) => {
  const flat = text.replace(/\s+/g, '');
  return flat.length > n ? `${flat.slice(0, n)}……` : flat;
};

/** The report's title: the unit's full name, then the plan it reports on. */
export const unitReportTitle = (unitName: string, planTitle: string) => `${unitName}关于《${planTitle}》完成情况的报告`;

/**
 * 存在的问题及下一步打算, drafted from the unit's own rows: what the lead units returned (with their
 * comments), what is overdue, what was reported late or could not be done; the unit edits it before sending.
 */
export function draftIssues(rows: LedgerRow[]): string {
  const returned = rows.filter((r) => r.state === 'returned');
  const overdue = rows.filter((r) => r.overdue && r.state !== 'returned');
  const late = rows.filter((r) => r.finishedLate);
  const cannot = rows.filter((r) => r.status === 'cannot_complete');
  const problems: string[] = [
    ...returned.map((r) => `第${r.seq}项“${short(r.measure)}”被牵头单位（${r.leads || '牵头单位'}）退回${r.checkComment ? `，意见为：${r.checkComment}` : ''}。`),
    ...overdue.map((r) => `第${r.seq}项“${short(r.measure)}”完成时限为${cn(r.dueDate)}，至今未完成。`),
    ...late.map((r) => `第${r.seq}项“${short(r.measure)}”完成时限为${cn(r.dueDate)}，${cn(r.reportedOn!)}才报送完成，晚于时限。`),
    ...cannot.map((r) => `第${r.seq}项“${short(r.measure)}”报送无法完成。`),
  ];
  if (!problems.length) {
    return '（一）存在的问题\n我单位承担的任务均已按时限完成并报送。\n（二）下一步打算\n我单位将持续巩固成果，按要求及时更新相关栏目内容，确保公开信息准确、完整、及时。';
  }
  const plans: string[] = [];
  if (returned.length) plans.push(`对被退回的 ${returned.length} 项任务，按牵头单位意见逐项整改，整改后重新报送核查。`);
  if (overdue.length) plans.push(`对逾期未完成的 ${overdue.length} 项任务，明确整改时限和责任人，尽快完成并报送。`);
  if (late.length) plans.push('加强任务时限管理，对照完成时限倒排工作进度，避免再次逾期。');
  if (cannot.length) plans.push('对无法完成的任务，说明原因并与牵头单位、区政府办公室沟通后续安排。');
  return [
    '（一）存在的问题',
    ...problems.map((p, i) => `${i + 1}. ${p}`),
    '（二）下一步打算',
    ...plans.map((p, i) => `${i + 1}. ${p}`),
  ].join('\n');
}

/** 已通过 12 项，待核查 2 项…: the states the unit's rows are in (none named that has no row), then what is overdue. */
function tally(rows: LedgerRow[]): string {
  const order = ['accepted', 'awaiting_check', 'returned', 'in_progress', 'not_started', 'not_reported'] as const;
  const parts = order.map((s) => [REPORT_STATE_LABEL[s], rows.filter((r) => r.state === s).length] as const).filter(([, n]) => n > 0);
  const overdue = rows.filter((r) => r.overdue).length;
  return `${parts.map(([l, n]) => `${l} ${n} 项`).join('，')}${overdue ? `；其中逾期未完成 ${overdue} 项` : ''}`;
}

async function loadReportData(ctx: OpContext, planId: string, unitId: string) {
  assertCan(ctx.actor, 'plans.read');
  assertUnitInScope(ctx.actor, unitId);
  const plan = await loadPlan(ctx, planId);
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('unit_not_found', '单位不存在');
  const rows = await ledgerRows(ctx, planId, unitId);
  return { plan, unit, rows };
}

/** The report's title and its drafted 存在的问题及下一步打算, for the unit to edit before downloading. */
export async function unitReportDraft(ctx: OpContext, planId: string, unitId: string) {
  const { plan, unit, rows } = await loadReportData(ctx, planId, unitId);
  return { title: unitReportTitle(unit.name, plan.title), issues: draftIssues(rows) };
}

/** A unit's 任务分工完成情况 report for the year-end submission (the notice: by 12月31日), as .docx. */
export async function unitCompletionReport(ctx: OpContext, planId: string, unitId: string, edited?: z.input<typeof unitReportInput>) {
  const issues = edited ? unitReportInput.parse(edited).issues : undefined;
  const { plan, unit, rows } = await loadReportData(ctx, planId, unitId);
  const name = unit.shortName ?? unit.name;
  const count = (pred: (r: LedgerRow) => boolean) => rows.filter(pred).length;
  const data = await govDocx({
    title: unitReportTitle(unit.name, plan.title),
    blocks: [
      { kind: 'paragraph', text: '区政府办公室：' },
      {
        kind: 'paragraph',
        text: `按照《${plan.title}》要求，现将我单位任务完成情况报告如下。我单位共承担 ${rows.length} 项任务，${tally(rows)}。`,
      },
      { kind: 'heading', text: '一、任务完成情况' },
      {
        kind: 'table',
        header: ['序号', '贯彻举措', '完成时限', '报送情况', '报送日期', '工作情况及佐证', '核查结果'],
        widths: [6, 30, 10, 8, 10, 26, 10],
        rows: rows.map((r) => [
          String(r.seq),
          r.measure.length > 120 ? `${r.measure.slice(0, 120)}……` : r.measure,
          r.dueDate,
          r.lastReportAt ? STATUS_LABEL[r.status] : '未报送',
          [r.reportedOn ?? '', r.finishedLate ? '（逾期完成）' : r.overdue ? '（逾期）' : ''].join(''),
          [r.summary ?? '', ...r.evidence.map((e) => (e.kind === 'link' ? `${e.title}：${e.url}` : `附件：${e.name}`))].filter(Boolean).join('\n'),
          REPORT_STATE_LABEL[r.state],
        ]),
      },
      { kind: 'heading', text: '二、存在的问题及下一步打算' },
      { kind: 'paragraph', text: issues ?? draftIssues(rows) },
      { kind: 'signature', lines: [unit.name, cn(todayInShanghai())] },
    ],
  });
  return { filename: `${name}-${plan.title}完成情况报告.docx`, data };
}
