import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { planCirculars, planEvents, units } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { govDocx } from '../../platform/office/gov-docx.ts';
import { assertCan } from '../../platform/policy.ts';
import { supervisionRecords } from '../opinion/supervisions.ts';
import { spotCheckTotals } from '../mailbox/spot-check-totals.ts';
import { getPlanDashboard } from './get-plan-dashboard.ts';
import { loadPlan } from './load-plan.ts';

export const circularInput = z.object({
  title: z.string().trim().min(2, '请填写标题').max(200, '标题不能超过 200 字'),
  sections: z
    .array(z.object({ heading: z.string().trim().min(1, '请填写小标题').max(100), body: z.string().trim().max(20000, '正文过长') }))
    .min(1, '至少一节')
    .max(20),
});

/** Drafts a 通报 from the data: overall progress, units ahead, units behind, next steps. Editable before issue. */
export async function draftCircular(ctx: OpContext, planId: string) {
  assertCan(ctx.actor, 'plans.manage');
  const today = todayInShanghai();
  const dash = await getPlanDashboard(ctx, planId, today);
  const plan = await loadPlan(ctx, planId);
  const marks = await ctx.db
    .select({ kind: planEvents.kind, message: planEvents.message, unit: units.shortName })
    .from(planEvents)
    .innerJoin(units, eq(units.id, planEvents.unitId))
    .where(and(eq(planEvents.planId, planId), eq(planEvents.withdrawn, false)));
  // 通报批评 and 约谈 over opinion response (the opinion module) in the plan's year.
  const opinion = await supervisionRecords(ctx.db, { from: `${plan.year}-01-01`, to: `${plan.year}-12-31` });
  // The office's spot checks of the units' published phones (the mailbox module) in the plan's year.
  const phones = await spotCheckTotals(ctx.db, { from: `${plan.year}-01-01`, to: `${plan.year}-12-31` });
  const phonesMissed = phones.filter((p) => p.unansweredInHours > 0);
  const phonesAnswered = phones.filter((p) => p.answered === p.checks);
  const t = dash.totals;
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '0%');
  const ahead = dash.byUnit.filter((u) => u.total > 0 && u.overdue === 0).slice(0, 8);
  const behind = [...dash.byUnit].filter((u) => u.overdue > 0 || u.returned > 0).sort((a, b) => b.overdue - a.overdue || b.returned - a.returned).slice(0, 10);
  const commend = marks.filter((m) => m.kind === 'commend');
  const criticize = marks.filter((m) => m.kind === 'criticize');
  const sections = [
    {
      heading: '一、总体进展情况',
      body: `截至${cn(today)}，《${plan.title}》共 ${t.measures} 项举措、分解为 ${t.assignments} 项单位任务。已销号举措 ${t.closed} 项（${pct(t.closed, t.measures)}），通过牵头单位核查的单位任务 ${t.accepted} 项（${pct(t.accepted, t.assignments)}），整体推进度 ${t.progress}%。逾期未完成的单位任务 ${t.overdue} 项${t.finishedLate ? `，逾期后才报送完成 ${t.finishedLate} 项` : ''}，被退回整改 ${t.returned} 项。\n${dash.byArea.map((a) => `${a.title}：${a.measures} 项举措，已销号 ${a.closed} 项，推进度 ${a.progress}%。`).join('\n')}`,
    },
    {
      heading: '二、工作推进较好的单位',
      body: [
        ahead.length ? `${ahead.map((u) => u.name).join('、')}等单位按时限推进任务，无逾期事项。` : '暂无全部按时推进的单位。',
        ...commend.map((m) => `对${m.unit}予以通报表扬：${m.message}`),
        ...(phonesAnswered.length ? [`对外联系电话抽查中，${phonesAnswered.map((p) => p.shortName).join('、')}每次均及时接听。`] : []),
      ].join('\n'),
    },
    {
      heading: '三、工作推进滞后的单位',
      body: [
        behind.length ? behind.map((u) => `${u.name}：逾期 ${u.overdue} 项${u.returned ? `，退回整改 ${u.returned} 项` : ''}。`).join('\n') : '暂无逾期或被退回的单位任务。',
        ...criticize.map((m) => `对${m.unit}予以通报批评：${m.message}`),
        ...opinion.map((o) => `政务舆情回应：${o.heldOn}对${o.unitName}${o.kind === 'interview' ? '进行约谈' : '予以通报批评'}，${o.reason}`),
        ...phonesMissed.map((p) => `对外联系电话抽查：${p.shortName}被抽查 ${p.checks} 次，工作时间内未接听 ${p.unansweredInHours} 次。`),
      ].join('\n'),
    },
    {
      heading: '四、下一步工作要求',
      body: '各单位要对照《任务分工》逐条逐项抓好落实，逾期事项要明确整改时限并尽快完成；各牵头单位要加强统筹，及时核查责任单位完成情况，检查结果与本部门完成情况一并报送区政府办公室。区政府办公室将持续跟踪检查，并将检查结果纳入政务公开年度考核。',
    },
  ];
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(planCirculars)
      .values({ planId, title: `关于《${plan.title}》落实情况的通报`, sections, asOf: today, createdBy: ctx.actor!.id })
      .returning();
    await writeAudit(tx, { action: 'plan.circular_draft', entity: 'plan_circular', entityId: row.id, after: { planId, asOf: today } });
    return row;
  });
}

export async function loadCircular(ctx: OpContext, id: string) {
  const [row] = await ctx.db.select().from(planCirculars).where(eq(planCirculars.id, id));
  if (!row) throw notFound('circular_not_found', '通报不存在');
  return row;
}

export async function updateCircular(ctx: OpContext, id: string, raw: z.input<typeof circularInput>) {
  assertCan(ctx.actor, 'plans.manage');
  const input = circularInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadCircular(tx, id);
    if (before.status !== 'draft') throw conflict('circular_issued', '通报已印发，不能再修改');
    const [row] = await tx.db.update(planCirculars).set(input).where(eq(planCirculars.id, id)).returning();
    await writeAudit(tx, { action: 'plan.circular_edit', entity: 'plan_circular', entityId: id, before: { title: before.title, sections: before.sections }, after: input });
    return row;
  });
}

export async function issueCircular(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'plans.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await loadCircular(tx, id);
    if (before.status !== 'draft') throw conflict('circular_issued', '通报已印发');
    const [row] = await tx.db.update(planCirculars).set({ status: 'issued', issuedAt: new Date() }).where(eq(planCirculars.id, id)).returning();
    await writeAudit(tx, { action: 'plan.circular_issue', entity: 'plan_circular', entityId: id, after: { status: 'issued' } });
    return row;
  });
}

export async function circularDocx(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'plans.read');
  const c = await loadCircular(ctx, id);
  const data = await govDocx({
    title: c.title,
    blocks: [
      { kind: 'paragraph', text: '区级国家机关各部门，各管委会、街道办事处，有关单位：' },
      ...c.sections.flatMap((s) => [{ kind: 'heading' as const, text: s.heading }, { kind: 'paragraph' as const, text: s.body }]),
      { kind: 'signature', lines: ['区政府办公室', cn(c.asOf)] },
    ],
  });
  return { filename: `${c.title}.docx`, data };
}

/** 2021-06-04 → 2021年6月4日 */
export function cn(date: string) {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
