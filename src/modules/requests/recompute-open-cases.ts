import { asc, inArray, sql } from 'drizzle-orm';
import { requestCases, requestEvents } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { clockColumns, clockEventsOf, computeOrFlag } from './case-clock.ts';
import type { ClockSettings } from './clock/compute-due.ts';
import { OPEN_STATUSES } from './statuses.ts';

/**
 * The calendar listener: recomputes the due dates of every open case with the new calendar, inside
 * the calendar change's transaction, writes the changed ones in one statement and one audit row
 * listing them. A period running into an unpublished year leaves the due date unknown (clock_note);
 * a timeline the new calendar makes impossible keeps its date and is listed as failed.
 */
export async function recomputeOpenCases(tx: OpContext, calendar: Calendar, settings: ClockSettings): Promise<number> {
  const open = await tx.db
    .select({ id: requestCases.id, code: requestCases.code, dueOn: requestCases.dueOn, countFrom: requestCases.countFrom, pausedDays: requestCases.pausedDays, extendedDays: requestCases.extendedDays, correctionWindowEnds: requestCases.correctionWindowEnds, clockNote: requestCases.clockNote })
    .from(requestCases)
    .where(inArray(requestCases.status, OPEN_STATUSES));
  if (!open.length) return 0;
  const events = await tx.db
    .select({ caseId: requestEvents.caseId, kind: requestEvents.kind, on: requestEvents.on, data: requestEvents.data, voided: requestEvents.voided })
    .from(requestEvents)
    .innerJoin(requestCases, sql`${requestCases.id} = ${requestEvents.caseId}`)
    .where(inArray(requestCases.status, OPEN_STATUSES))
    .orderBy(asc(requestEvents.id));
  const byCase = new Map<string, typeof events>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const changed: { id: string; code: string; from: string | null; cols: ReturnType<typeof clockColumns> }[] = [];
  const failed: { code: string; error: string }[] = [];
  for (const c of open) {
    let cols: ReturnType<typeof clockColumns>;
    try {
      const r = computeOrFlag(clockEventsOf(byCase.get(c.id) ?? []), calendar, settings);
      cols = clockColumns(r.result, r.note);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ code: c.code, error: err.code });
      continue;
    }
    if (cols.dueOn !== c.dueOn || cols.countFrom !== c.countFrom || cols.pausedDays !== c.pausedDays || cols.correctionWindowEnds !== c.correctionWindowEnds || cols.clockNote !== c.clockNote) {
      changed.push({ id: c.id, code: c.code, from: c.dueOn, cols });
    }
  }
  for (let i = 0; i < changed.length; i += 2000) {
    const part = changed.slice(i, i + 2000);
    const values = sql.join(
      part.map((c) => sql`(${c.id}::uuid, ${c.cols.dueOn}::date, ${c.cols.countFrom}::date, ${c.cols.pausedDays}::int, ${c.cols.correctionWindowEnds}::date, ${c.cols.clockNote}::text)`),
      sql`, `,
    );
    await tx.db.execute(sql`update request_cases as c set due_on = v.due_on, count_from = v.count_from, paused_days = v.paused_days, correction_window_ends = v.cwe, clock_note = v.note, updated_at = now()
      from (values ${values}) as v(id, due_on, count_from, paused_days, cwe, note) where c.id = v.id`);
  }
  if (changed.length || failed.length) {
    await writeAudit(tx, {
      action: 'request.recompute_due',
      entity: 'request_case',
      after: { changed: changed.length, cases: changed.slice(0, 500).map((c) => ({ code: c.code, from: c.from, to: c.cols.dueOn })), failed: failed.slice(0, 500) },
    });
  }
  return changed.length;
}
