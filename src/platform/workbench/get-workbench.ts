import type { Calendar } from '../calendar/calendar.ts';
import { addDays, todayInShanghai } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { OpContext } from '../context.ts';
import { assertCan, unitScope } from '../policy.ts';
import { workbenchSourcesFor, type WorkbenchDeadline, type WorkbenchItem, type WorkbenchSource } from './workbench-source.ts';

/** A source that has not answered by then is shown as unavailable; the others still are. */
export const SOURCE_TIMEOUT_MS = 5_000;
/** Bounds on what one source may put on the page. */
const MAX_ITEMS = 20;
const MAX_DEADLINES_PER_SOURCE = 30;
const MAX_DEADLINES = 60;

export interface WorkbenchFailure {
  sourceId: string;
  error: unknown;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`workbench source timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The caller's workbench (工作台): each registered source for one of their roles, loaded side by side
 * within the caller's unit scope; the week's deadlines of all of them in date order. A source that
 * throws or is slow is reported as unavailable (and passed to `onFailure` for the log), never failing
 * the whole answer.
 */
export async function getWorkbench(ctx: OpContext, opts: { now?: Date; onFailure?: (f: WorkbenchFailure) => void; timeoutMs?: number } = {}) {
  assertCan(ctx.actor, 'workbench.read');
  const actor = ctx.actor;
  const today = todayInShanghai(opts.now);
  const weekEnd = addDays(today, 6);
  let calendar: Promise<Calendar> | undefined;
  const wctx = { db: ctx.db, actor, today, weekEnd, unitIds: unitScope(actor), calendar: () => (calendar ??= loadCalendar(ctx.db)) };
  const chosen = workbenchSourcesFor(actor.roles);
  const settled = await Promise.allSettled(chosen.map((s) => withTimeout(s.load(wctx), opts.timeoutMs ?? SOURCE_TIMEOUT_MS)));
  const deadlines: (WorkbenchDeadline & { module: string; sourceId: string })[] = [];
  const out = settled.map((r, i) => {
    const s: WorkbenchSource = chosen[i];
    const head = { id: s.id, module: s.module, title: s.title };
    if (r.status === 'rejected') {
      opts.onFailure?.({ sourceId: s.id, error: r.reason });
      return { ...head, status: 'unavailable' as const, items: [] as WorkbenchItem[] };
    }
    deadlines.push(
      ...r.value.deadlines
        .filter((d) => d.date >= today && d.date <= weekEnd)
        .slice(0, MAX_DEADLINES_PER_SOURCE)
        .map((d) => ({ ...d, module: s.module, sourceId: s.id })),
    );
    return { ...head, status: 'ok' as const, items: r.value.items.slice(0, MAX_ITEMS) };
  });
  deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label, 'zh-CN'));
  return { asOf: today, weekEnd, sources: out, deadlines: deadlines.slice(0, MAX_DEADLINES), deadlinesTotal: deadlines.length };
}
