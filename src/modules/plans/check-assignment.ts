import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { planAssignments, planChecks } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertLeadOf, loadAssignment } from './load-assignment.ts';

export const checkInput = z.object({
  decision: z.enum(['accept', 'return'], { message: '核查结论应为通过（accept）或退回（return）' }),
  comment: z.string().trim().max(2000, '意见不能超过 2000 字').optional().nullable(),
  newDueDate: z.string().refine(isValidDate, '新的完成时限格式应为 YYYY-MM-DD').optional().nullable(),
});
export type CheckInput = z.input<typeof checkInput>;

/** The lead unit checks (核查) a reported assignment: accept it, or return it with a comment and a new date. */
export async function checkAssignment(ctx: OpContext, assignmentId: string, raw: CheckInput) {
  assertCan(ctx.actor, 'plans.check');
  const input = checkInput.parse(raw);
  const actor = ctx.actor;
  if (input.decision === 'return' && !input.comment) throw invalid('comment_required', '退回时请填写意见');
  if (input.newDueDate && input.newDueDate < todayInShanghai()) throw invalid('due_in_past', '新的完成时限不能早于今天');
  return inTransaction(ctx, async (tx) => {
    const { assignment, measure, plan } = await loadAssignment(tx, assignmentId);
    await assertLeadOf(tx, actor, measure.id);
    if (plan.status !== 'issued') throw conflict('plan_not_issued', '任务分工尚未印发或已结束');
    if (!assignment.lastReportAt) throw conflict('nothing_reported', '该单位尚未报送进展，无法核查');
    if (assignment.checkStatus !== 'pending') throw conflict('already_checked', '最新报送已核查过，请等待该单位重新报送');
    if (input.decision === 'accept' && !['done', 'cannot_complete'].includes(assignment.status))
      throw conflict('not_finished', '只有报送“已完成”或“无法完成”的任务可以通过核查');
    const [check] = await tx.db
      .insert(planChecks)
      .values({ assignmentId, decision: input.decision, comment: input.comment ?? null, newDueDate: input.newDueDate ?? null, createdBy: actor.id })
      .returning();
    const accepted = input.decision === 'accept';
    await tx.db
      .update(planAssignments)
      .set({
        checkStatus: accepted ? 'accepted' : 'returned',
        acceptedAt: accepted ? new Date() : null,
        ...(accepted ? {} : { returnedCount: assignment.returnedCount + 1, status: 'in_progress', completedOn: null }),
        ...(input.newDueDate && { dueDate: input.newDueDate }),
      })
      .where(eq(planAssignments.id, assignmentId));
    await notifyUnits(tx.db, [assignment.unitId], {
      kind: accepted ? 'plan.accepted' : 'plan.returned',
      title: accepted ? `第 ${measure.seq} 项举措已通过牵头单位核查` : `第 ${measure.seq} 项举措被牵头单位退回：${input.comment}`,
      body: input.newDueDate ? `新的完成时限：${input.newDueDate}` : undefined,
      link: `/admin/plans/${plan.id}/mine`,
    });
    await writeAudit(tx, {
      action: accepted ? 'plan.check_accept' : 'plan.check_return',
      entity: 'plan_assignment',
      entityId: assignmentId,
      before: { checkStatus: assignment.checkStatus, dueDate: assignment.dueDate },
      after: { checkStatus: accepted ? 'accepted' : 'returned', comment: input.comment ?? null, dueDate: input.newDueDate ?? assignment.dueDate },
    });
    return check;
  });
}
