import { sql } from 'drizzle-orm';
import { planAssignments } from '../../db/schema/index.ts';

/**
 * How far an assignment is, in percent, from its status (Decidim-style status catalogue with a
 * default progress each): only the lead unit's acceptance makes it 100.
 */
export const STATUS_PROGRESS = { not_started: 0, in_progress: 40, done: 80, cannot_complete: 0 } as const;

export const assignmentProgressSql = sql<number>`case
  when ${planAssignments.checkStatus} = 'accepted' then 100
  when ${planAssignments.status} = 'done' then ${sql.raw(String(STATUS_PROGRESS.done))}
  when ${planAssignments.status} = 'in_progress' then ${sql.raw(String(STATUS_PROGRESS.in_progress))}
  else 0 end`;

/** Progress rolls up by plain average: assignments → measure → sub-task → area → plan; a closed measure is 100. */
export function average(values: number[]): number {
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : 0;
}
