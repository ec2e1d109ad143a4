import { eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { govDocx } from '../../platform/office/gov-docx.ts';
import { assertCan, assertUnitInScope } from '../../platform/policy.ts';
import { cn } from './circulars.ts';
import { ledgerRows } from './ledger-rows.ts';
import { loadPlan } from './load-plan.ts';
import { CHECK_LABEL, STATUS_LABEL } from './strings.ts';

/** A unit's 任务分工完成情况 report for the year-end submission (the notice: by 12月31日), as .docx. */
export async function unitCompletionReport(ctx: OpContext, planId: string, unitId: string) {
  assertCan(ctx.actor, 'plans.read');
  assertUnitInScope(ctx.actor, unitId);
  const plan = await loadPlan(ctx, planId);
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('unit_not_found', '单位不存在');
  const rows = await ledgerRows(ctx, planId, unitId);
  const name = unit.shortName ?? unit.name;
  const done = rows.filter((r) => r.checkStatus === 'accepted').length;
  const data = await govDocx({
    title: `${name}${plan.title}完成情况报告`,
    blocks: [
      { kind: 'paragraph', text: '区政府办公室：' },
      {
        kind: 'paragraph',
        text: `按照《${plan.title}》要求，现将我单位任务完成情况报告如下。我单位共承担 ${rows.length} 项任务，已完成并通过牵头单位核查 ${done} 项，推进中 ${rows.filter((r) => r.status === 'in_progress').length} 项，未启动 ${rows.filter((r) => r.status === 'not_started').length} 项，无法完成 ${rows.filter((r) => r.status === 'cannot_complete').length} 项。`,
      },
      { kind: 'heading', text: '一、任务完成情况' },
      {
        kind: 'table',
        header: ['序号', '贯彻举措', '完成时限', '进展', '完成日期', '工作情况及佐证', '核查结果'],
        widths: [6, 30, 10, 8, 10, 26, 10],
        rows: rows.map((r) => [
          String(r.seq),
          r.measure.length > 120 ? `${r.measure.slice(0, 120)}……` : r.measure,
          r.dueDate,
          STATUS_LABEL[r.status],
          r.completedOn ?? '',
          [r.summary ?? '', ...r.evidence.map((e) => (e.kind === 'link' ? `${e.title}：${e.url}` : `附件：${e.name}`))].filter(Boolean).join('\n'),
          CHECK_LABEL[r.checkStatus],
        ]),
      },
      { kind: 'heading', text: '二、存在的问题及下一步打算' },
      { kind: 'paragraph', text: rows.some((r) => r.checkStatus !== 'accepted') ? '对尚未完成的任务，我单位将明确时限、压实责任，确保按期完成。' : '各项任务均已完成，我单位将持续巩固成果。' },
      { kind: 'signature', lines: [unit.name, cn(todayInShanghai())] },
    ],
  });
  return { filename: `${name}-${plan.title}完成情况报告.docx`, data };
}
