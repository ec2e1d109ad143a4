import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { opinionDomains, opinionEventSteps, opinionEvents, units } from '../../db/schema/index.ts';
import { eventClocks, type Clock } from './clocks.ts';
import type { OpinionSettings } from './settings.ts';

/** At most this many events are read for one list, export or chart (a district has hundreds a year). */
export const EVENT_READ_LIMIT = 5000;

export interface EventFilter {
  reach: 'all' | string;
  status?: string;
  level?: string;
  category?: string;
  domainId?: string;
  unitId?: string;
  /** First seen on or after / before these days (Asia/Shanghai). */
  from?: string;
  to?: string;
  q?: string;
}

const shanghaiDay = (d: string) => sql`(${d}::date)::timestamp at time zone 'Asia/Shanghai'`;

/** Events matching a filter, newest first, each with its unit, domain and clocks. */
export async function eventRows(db: Db, f: EventFilter, settings: OpinionSettings, now = new Date()) {
  const conds: SQL[] = [];
  if (f.reach !== 'all') conds.push(eq(opinionEvents.responsibleUnitId, f.reach));
  if (f.status) conds.push(eq(opinionEvents.status, f.status));
  if (f.level) conds.push(eq(opinionEvents.level, f.level));
  if (f.category) conds.push(eq(opinionEvents.category, f.category));
  if (f.domainId) conds.push(eq(opinionEvents.domainId, f.domainId));
  if (f.unitId) conds.push(eq(opinionEvents.responsibleUnitId, f.unitId));
  if (f.from) conds.push(gte(opinionEvents.firstSeenAt, shanghaiDay(f.from) as unknown as Date));
  if (f.to) conds.push(lt(opinionEvents.firstSeenAt, sql`${shanghaiDay(f.to)} + interval '1 day'` as unknown as Date));
  if (f.q) conds.push(sql`strpos(lower(${opinionEvents.summary}), lower(${f.q})) > 0`);
  const rows = await db
    .select({ e: opinionEvents, unitName: sql<string>`coalesce(${units.shortName}, ${units.name})`, domainName: opinionDomains.name })
    .from(opinionEvents)
    .innerJoin(units, eq(units.id, opinionEvents.responsibleUnitId))
    .leftJoin(opinionDomains, eq(opinionDomains.id, opinionEvents.domainId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(opinionEvents.firstSeenAt), desc(opinionEvents.id))
    .limit(EVENT_READ_LIMIT);
  const ids = rows.map((r) => r.e.id);
  const responses = ids.length
    ? await db
        .select({ eventId: opinionEventSteps.eventId, at: opinionEventSteps.at, responseKind: opinionEventSteps.responseKind })
        .from(opinionEventSteps)
        .where(and(inArray(opinionEventSteps.eventId, ids), eq(opinionEventSteps.kind, 'respond')))
    : [];
  const byEvent = new Map<string, { at: Date; responseKind: string | null }[]>();
  for (const r of responses) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
  return rows.map(({ e, unitName, domainName }) => {
    const clocks: Clock[] = eventClocks(e, byEvent.get(e.id) ?? [], settings, now);
    return {
      ...e,
      unitName,
      domainName: domainName ?? null,
      clocks,
      overdue: clocks.some((c) => c.state === 'overdue'),
      firstResponseAt: (byEvent.get(e.id) ?? []).map((r) => r.at).sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
    };
  });
}
export type EventRow = Awaited<ReturnType<typeof eventRows>>[number];
