import { and, asc, eq } from 'drizzle-orm';
import { requestCases, requestEvents } from '../../db/schema/index.ts';
import type { Calendar } from '../../platform/calendar/calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { CLOCK_EVENT_TYPES, computeDue, type ClockEvent, type ClockSettings, type DueResult } from './clock/compute-due.ts';

type EventRow = Pick<typeof requestEvents.$inferSelect, 'kind' | 'on' | 'data' | 'voided'>;

/** The clock events of a case's timeline (voided steps left out), as compute-due reads them. */
export function clockEventsOf(rows: readonly EventRow[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const r of rows) {
    if (r.voided || !(CLOCK_EVENT_TYPES as readonly string[]).includes(r.kind)) continue;
    if (r.kind === 'extended') out.push({ type: 'extended', days: Number((r.data as { days?: number }).days), date: r.on });
    else out.push({ type: r.kind, date: r.on } as ClockEvent);
  }
  return out;
}

/** The clock columns of a case from a due result. */
export const clockColumns = (r: DueResult | null, clockNote: string | null = null) => ({
  clockNote,
  dueOn: r?.due ?? null,
  countFrom: r?.countFrom ?? null,
  pausedDays: r?.pausedDays ?? 0,
  extendedDays: r?.extendedDays ?? 0,
  correctionWindowEnds: r?.correctionWindowEnds ?? null,
});

/**
 * Recomputes one case's due date from its timeline, inside the caller's transaction, and stores it.
 * Throws the clock's error (an impossible timeline), which rolls the caller's step back.
 */
export async function recomputeCaseClock(tx: OpContext, caseId: string, calendar: Calendar, settings: ClockSettings): Promise<DueResult | null> {
  const rows = await tx.db
    .select({ kind: requestEvents.kind, on: requestEvents.on, data: requestEvents.data, voided: requestEvents.voided })
    .from(requestEvents)
    .where(and(eq(requestEvents.caseId, caseId)))
    .orderBy(asc(requestEvents.id));
  const events = clockEventsOf(rows);
  const { result, note } = computeOrFlag(events, calendar, settings);
  await tx.db.update(requestCases).set({ ...clockColumns(result, note), updatedAt: new Date() }).where(eq(requestCases.id, caseId));
  return result;
}

/**
 * computeDue, except that a period running into a year whose holidays are not yet entered is not an
 * error of the case: the due date stays unknown (flagged in clock_note) until an administrator enters
 * that year, when the calendar listener computes it. Impossible timelines still throw.
 */
export function computeOrFlag(events: ClockEvent[], calendar: Calendar, settings: ClockSettings): { result: DueResult | null; note: string | null } {
  if (!events.some((e) => e.type === 'received')) return { result: null, note: null };
  try {
    return { result: computeDue(events, calendar, settings), note: null };
  } catch (err) {
    if (err instanceof AppError && err.code === 'calendar_not_published') return { result: null, note: `calendar_not_published:${/\d{4}/.exec(err.message)?.[0] ?? ''}` };
    throw err;
  }
}
