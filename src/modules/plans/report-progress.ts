import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments, planReports } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { claimFiles } from '../../platform/files/file-access.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertOwnAssignment, leadUnitIds, loadAssignment } from './load-assignment.ts';

export const ASSIGNMENT_STATUSES = { not_started: '未启动', in_progress: '推进中', done: '已完成', cannot_complete: '无法完成' } as const;

const evidence = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    url: z.string().trim().url('链接格式不正确').max(1000).refine((u) => /^https?:\/\//.test(u), '只接受 http(s) 链接'),
    title: z.string().trim().min(1, '请填写链接标题').max(200),
  }),
  z.object({ kind: z.literal('file'), fileId: z.uuid('文件编号格式不正确'), name: z.string().trim().min(1).max(200) }),
]);

export const reportInput = z.object({
  status: z.enum(['not_started', 'in_progress', 'done', 'cannot_complete'], { message: '进展状态不正确' }),
  summary: z.string().trim().min(1, '请填写工作情况').max(5000, '工作情况不能超过 5000 字'),
  completedOn: z.string().refine(isValidDate, '完成日期格式应为 YYYY-MM-DD').optional().nullable(),
  reason: z.string().trim().max(2000, '原因不能超过 2000 字').optional().nullable(),
  evidence: z.array(evidence).max(30, '佐证材料不能超过 30 项').default([]),
});
export type ReportInput = z.input<typeof reportInput>;

/** A responsible unit reports progress with evidence; the report joins the assignment's timeline. */
export async function reportProgress(ctx: OpContext, assignmentId: string, raw: ReportInput) {
  assertCan(ctx.actor, 'plans.report');
  const input = reportInput.parse(raw);
  if (input.status === 'done' && !input.completedOn) throw invalid('completed_on_required', '已完成的任务请填写完成日期');
  if (input.status === 'done' && input.evidence.length === 0) throw invalid('evidence_required', '已完成的任务请至少提供一项佐证材料（公开页面链接或附件）');
  if (input.status === 'cannot_complete' && !input.reason) throw invalid('reason_required', '无法完成的任务请说明原因');
  if (input.completedOn && input.completedOn > todayInShanghai()) throw invalid('completed_in_future', '完成日期不能晚于今天');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { assignment, measure, plan } = await loadAssignment(tx, assignmentId);
    assertOwnAssignment(actor, assignment.unitId);
    if (plan.status !== 'issued') throw conflict('plan_not_issued', '任务分工尚未印发或已结束');
    if (assignment.checkStatus === 'accepted') throw conflict('already_accepted', '该任务已通过牵头单位核查，无需再报送');
    if (measure.status === 'closed') throw conflict('measure_closed', '该举措已销号');
    // Evidence files: the reporting unit's own uploads, kept with this assignment (read by it, the lead units and the office).
    const fileIds = input.evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : []));
    await claimFiles(tx, actor, fileIds, { kind: 'plan_assignment', id: assignmentId });
    const [report] = await tx.db
      .insert(planReports)
      .values({ assignmentId, status: input.status, summary: input.summary, completedOn: input.completedOn ?? null, reason: input.reason ?? null, evidence: input.evidence, createdBy: actor.id })
      .returning();
    await tx.db
      .update(planAssignments)
      .set({
        status: input.status,
        completedOn: input.status === 'done' ? input.completedOn! : null,
        lastReportAt: report.createdAt,
        // A new report after a return puts the assignment back in the lead unit's queue.
        checkStatus: 'pending',
      })
      .where(eq(planAssignments.id, assignmentId));
    if (input.status === 'done' || input.status === 'cannot_complete') {
      const leads = (await leadUnitIds(tx, measure.id)).filter((u) => u !== assignment.unitId);
      await notifyUnits(tx.db, leads, {
        kind: 'plan.reported',
        title: `第 ${measure.seq} 项举措有单位报送“${ASSIGNMENT_STATUSES[input.status]}”，请核查`,
        link: `/admin/plans/${plan.id}/measures/${measure.id}`,
      }, ['liaison']);
    }
    await writeAudit(tx, {
      action: 'plan.report',
      entity: 'plan_assignment',
      entityId: assignmentId,
      before: { status: assignment.status, checkStatus: assignment.checkStatus },
      after: { status: input.status, completedOn: input.completedOn ?? null, evidence: input.evidence.length },
    });
    return report;
  });
}
