import { eq } from 'drizzle-orm';
import { requestCases, requestEvents } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { inTransaction, type Actor, type OpContext } from '../../platform/context.ts';
import { assertCan, type Permission } from '../../platform/policy.ts';
import { recomputeCaseClock } from './case-clock.ts';
import { loadCase, type CaseRow } from './load-case.ts';
import type { RequestSettings } from './settings.ts';
import type { RequestStatus } from './statuses.ts';

export interface Step {
  /** Event kind on the timeline (a clock type, or decided, delivered, reopened, …). */
  kind: string;
  on: string;
  data?: Record<string, unknown>;
  note?: string | null;
  /** Case columns to change with the step (status, outcome, closedOn, …). */
  set?: Partial<typeof requestCases.$inferInsert>;
}

/**
 * The frame of every handling step: permission, the case locked and in the actor's scope, the
 * step's own checks (`plan`, which may throw), the event on the timeline, the case's columns, the
 * clock recomputed from the whole timeline (an impossible timeline rolls everything back), and the
 * audit row — all in one transaction.
 */
export async function recordStep<T = undefined>(
  ctx: OpContext,
  settings: RequestSettings,
  caseId: string,
  permission: Permission,
  plan: (c: CaseRow, tx: OpContext, actor: Actor) => Promise<Step & { result?: T }> | (Step & { result?: T }),
): Promise<{ case: CaseRow; result: T | undefined }> {
  assertCan(ctx.actor, permission);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const before = await loadCase(tx, actor, caseId, { forUpdate: true });
    const step = await plan(before, tx, actor);
    await tx.db.insert(requestEvents).values({ caseId, kind: step.kind, on: step.on, data: step.data ?? {}, note: step.note ?? null, createdBy: actor.id });
    if (step.set) await tx.db.update(requestCases).set({ ...step.set, updatedAt: new Date() }).where(eq(requestCases.id, caseId));
    const clock = await recomputeCaseClock(tx, caseId, await loadCalendar(tx.db), settings);
    const [after] = await tx.db.select().from(requestCases).where(eq(requestCases.id, caseId));
    await writeAudit(tx, {
      action: `request.${step.kind}`,
      entity: 'request_case',
      entityId: caseId,
      before: { status: before.status, dueOn: before.dueOn, outcome: before.outcome, closedOn: before.closedOn },
      after: { status: after.status, dueOn: clock?.due ?? null, outcome: after.outcome, closedOn: after.closedOn, on: step.on, ...step.data, ...(step.note ? { note: step.note } : {}) },
    });
    return { case: after, result: step.result };
  });
}

export const statusIs = (c: CaseRow, ...allowed: RequestStatus[]) => allowed.includes(c.status as RequestStatus);
