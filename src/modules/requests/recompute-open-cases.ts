import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { clockColumns, clockEventsOf, computeOrFlag } from './case-clock.ts';
import { CLOCK_EVENT_TYPES, type ClockSettings } from './clock/compute-due.ts';
import { OPEN_STATUSES } from './statuses.ts';

/** Milliseconds spent in each phase (bench/requests-recompute.ts prints them). */
export const recomputeTimings = () => ({ load: 0, compute: 0, write: 0, audit: 0 });
export type RecomputeTimings = ReturnType<typeof recomputeTimings>;

interface OpenRow {
  id: string;
  code: string;
  due_on: string | null;
  count_from: string | null;
  paused_days: number;
  correction_window_ends: string | null;
  clock_note: string | null;
  /** The case's clock events in timeline order: [kind, on, extension days | null][] (voided ones left out). */
  events: [string, string, number | null][] | string | null;
}

/**
 * The calendar listener: recomputes the due dates of every open case with the new calendar, inside
 * the calendar change's transaction, writes the changed ones and one audit row listing them. A
 * period running into an unpublished year leaves the due date unknown (clock_note); a timeline the
 * new calendar makes impossible keeps its date and is listed as failed.
 *
 * Cost at 10k open cases is in the round trips, not the clock: the cases come with their clock
 * events in one query (json_agg, only the clock kinds), and the changed rows go back in one UPDATE
 * per 5,000 rows joined to a single JSON parameter (jsonb_to_recordset) — thousands of bound
 * parameters cost PGlite more than the whole computation.
 */
export async function recomputeOpenCases(tx: OpContext, calendar: Calendar, settings: ClockSettings, timings: RecomputeTimings = recomputeTimings()): Promise<number> {
  let t = performance.now();
  const lap = (phase: keyof RecomputeTimings) => {
    const now = performance.now();
    timings[phase] += now - t;
    t = now;
  };
  const statuses = sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `);
  const kinds = sql.join(CLOCK_EVENT_TYPES.map((k) => sql`${k}`), sql`, `);
  const open = (
    (await tx.db.execute(sql`
      select c.id, c.code, c.due_on::text as due_on, c.count_from::text as count_from, c.paused_days, c.correction_window_ends::text as correction_window_ends, c.clock_note,
        (select json_agg(json_build_array(e.kind, e."on"::text, (e.data->>'days')::int) order by e.id)
           from request_events e where e.case_id = c.id and not e.voided and e.kind in (${kinds})) as events
      from request_cases c
      where c.status in (${statuses})`)) as unknown as { rows: OpenRow[] }
  ).rows;
  lap('load');
  if (!open.length) return 0;
  const changed: { id: string; code: string; from: string | null; cols: ReturnType<typeof clockColumns> }[] = [];
  const failed: { code: string; error: string }[] = [];
  for (const c of open) {
    const raw = typeof c.events === 'string' ? (JSON.parse(c.events) as OpenRow['events']) : c.events;
    const rows = ((raw ?? []) as [string, string, number | null][]).map(([kind, on, days]) => ({ kind, on, data: { days }, voided: false }));
    let cols: ReturnType<typeof clockColumns>;
    try {
      const r = computeOrFlag(clockEventsOf(rows), calendar, settings);
      cols = clockColumns(r.result, r.note);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ code: c.code, error: err.code });
      continue;
    }
    if (cols.dueOn !== c.due_on || cols.countFrom !== c.count_from || cols.pausedDays !== c.paused_days || cols.correctionWindowEnds !== c.correction_window_ends || cols.clockNote !== c.clock_note) {
      changed.push({ id: c.id, code: c.code, from: c.due_on, cols });
    }
  }
  lap('compute');
  for (let i = 0; i < changed.length; i += 5000) {
    const part = changed.slice(i, i + 5000).map((c) => ({ id: c.id, due_on: c.cols.dueOn, count_from: c.cols.countFrom, paused_days: c.cols.pausedDays, cwe: c.cols.correctionWindowEnds, note: c.cols.clockNote }));
    await tx.db.execute(sql`update request_cases as c set due_on = v.due_on, count_from = v.count_from, paused_days = v.paused_days, correction_window_ends = v.cwe, clock_note = v.note, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(id uuid, due_on date, count_from date, paused_days int, cwe date, note text) where c.id = v.id`);
  }
  lap('write');
  if (changed.length || failed.length) {
    await writeAudit(tx, {
      action: 'request.recompute_due',
      entity: 'request_case',
      after: { changed: changed.length, cases: changed.slice(0, 500).map((c) => ({ code: c.code, from: c.from, to: c.cols.dueOn })), failed: failed.slice(0, 500) },
    });
  }
  lap('audit');
  return changed.length;
}
