import { z } from 'zod';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { CLOCK_LABEL, type ClockKind } from './clocks.ts';
import { opinionReach } from './event-scope.ts';
import { eventRows, type EventRow } from './event-rows.ts';
import { LEVELS } from './kinds.ts';
import { loadOpinionSettings } from './settings.ts';

export const statsQuery = z.object({ year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确') });

const monthOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit' }).format(d);

/** Counts and response times of a set of events: by domain, level and month, and each clock's record. */
export function summarise(rows: EventRow[]) {
  const count = <K extends string>(key: (r: EventRow) => K) => {
    const m = new Map<K, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  const byDomain = [...count((r) => r.domainName ?? '未分领域')].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count);
  const lv = count((r) => r.level);
  const byLevel = LEVELS.map((name) => ({ name, count: lv.get(name) ?? 0 }));
  const mo = count((r) => monthOf(r.firstSeenAt));
  const byMonth = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => ({ month: Number(m), count: mo.get(m) ?? 0 }));
  const clocks = (['authoritative', 'press_conference', 'response'] as ClockKind[]).map((kind) => {
    const cs = rows.flatMap((r) => r.clocks.filter((c) => c.kind === kind));
    const done = cs.filter((c) => c.doneAt);
    const avg = done.length ? Math.round((done.reduce((s, c) => s + c.elapsedHours, 0) / done.length) * 10) / 10 : null;
    return {
      kind,
      label: CLOCK_LABEL[kind],
      hours: cs[0]?.hours ?? null,
      total: cs.length,
      met: cs.filter((c) => c.state === 'met').length,
      late: cs.filter((c) => c.state === 'late').length,
      open: cs.filter((c) => c.state === 'open').length,
      overdue: cs.filter((c) => c.state === 'overdue').length,
      averageHours: avg,
    };
  });
  const responseTimes = rows
    .flatMap((r) => r.clocks.filter((c) => c.doneAt).map((c) => ({ eventId: r.id, summary: r.summary, level: r.level, kind: c.kind, hours: c.hours, elapsedHours: c.elapsedHours })))
    .slice(0, 200);
  return { total: rows.length, evaluated: rows.filter((r) => r.status === 'evaluated').length, overdue: rows.filter((r) => r.overdue).length, byDomain, byLevel, byMonth, clocks, responseTimes };
}

/** The chart data of a year, within the caller's reach. */
export async function opinionStats(ctx: OpContext, raw: z.input<typeof statsQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const { year } = statsQuery.parse(raw);
  const reach = await opinionReach(ctx.db, ctx.actor);
  const rows = await eventRows(ctx.db, { reach, from: `${year}-01-01`, to: `${year}-12-31` }, await loadOpinionSettings(ctx.db));
  return { year, ...summarise(rows) };
}
