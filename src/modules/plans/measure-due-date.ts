import type { Deadline } from './import/index.ts';

/** Deadline kinds that name a date the work is due by (a reply clock or an undated event does not). */
const DATED = new Set(['absolute', 'year_relative', 'recurring']);

/**
 * The date a measure's assignments are due by: its latest dated deadline (a measure whose items
 * fall due in June and October is done in October), else the plan's year end — the notice asks for
 * completion reports by 12月31日.
 */
export function measureDueDate(deadlines: Deadline[], year: number): string {
  const dates = deadlines
    .filter((d) => DATED.has(d.kind) && d.date)
    .map((d) => d.date as string)
    .sort();
  return dates.at(-1) ?? `${year}-12-31`;
}
