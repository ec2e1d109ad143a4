import { asc, eq, sql } from 'drizzle-orm';
import { opinionCommitments, opinionDomains, opinionEventSteps, opinionSupervisions, units, users } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { assertCan } from '../../platform/policy.ts';
import { docLinks } from './catalog-links.ts';
import { eventClocks } from './clocks.ts';
import { commitmentState } from './commitment-state.ts';
import { loadEventInReach } from './event-scope.ts';
import { loadOpinionSettings } from './settings.ts';

/** One event with its chain of steps (who recorded each, when), clocks, commitments and supervision records. */
export async function getEvent(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'opinion.read');
  const { event } = await loadEventInReach({ ...ctx, actor: ctx.actor }, id);
  const unitName = sql<string>`coalesce(${units.shortName}, ${units.name})`;
  const [unit, domain, steps, commitments, supervisions, settings] = await Promise.all([
    ctx.db.select({ name: unitName }).from(units).where(eq(units.id, event.responsibleUnitId)),
    event.domainId ? ctx.db.select({ name: opinionDomains.name }).from(opinionDomains).where(eq(opinionDomains.id, event.domainId)) : [],
    ctx.db.select({ s: opinionEventSteps, by: users.displayName }).from(opinionEventSteps).leftJoin(users, eq(users.id, opinionEventSteps.createdBy)).where(eq(opinionEventSteps.eventId, id)).orderBy(asc(opinionEventSteps.at), asc(opinionEventSteps.createdAt)),
    ctx.db.select({ c: opinionCommitments, ownerName: unitName }).from(opinionCommitments).innerJoin(units, eq(units.id, opinionCommitments.ownerUnitId)).where(eq(opinionCommitments.eventId, id)).orderBy(asc(opinionCommitments.promisedOn)),
    ctx.db.select({ s: opinionSupervisions, unitName }).from(opinionSupervisions).innerJoin(units, eq(units.id, opinionSupervisions.unitId)).where(eq(opinionSupervisions.eventId, id)).orderBy(asc(opinionSupervisions.heldOn)),
    loadOpinionSettings(ctx.db),
  ]);
  const links = await docLinks(ctx.db, [...steps.map((s) => s.s.documentId), ...commitments.map((c) => c.c.documentId)]);
  const today = todayInShanghai();
  return {
    event: { ...event, unitName: unit[0]?.name ?? '', domainName: domain[0]?.name ?? null },
    clocks: eventClocks(event, steps.filter((s) => s.s.kind === 'respond').map((s) => s.s), settings, new Date()),
    steps: steps.map(({ s, by }) => ({ ...s, by: by ?? null, document: s.documentId ? (links.get(s.documentId) ?? null) : null })),
    commitments: commitments.map(({ c, ownerName }) => ({ ...c, ownerName, state: commitmentState(c, today), document: c.documentId ? (links.get(c.documentId) ?? null) : null })),
    supervisions: supervisions.map(({ s, unitName }) => ({ ...s, unitName })),
  };
}
