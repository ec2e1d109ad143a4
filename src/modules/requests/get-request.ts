import { asc, eq } from 'drizzle-orm';
import { requestEvents, requestFiles, requestItems, files, units, users } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan, can } from '../../platform/policy.ts';
import { applicantVolume } from './applicant-volume.ts';
import { findDuplicates } from './find-duplicates.ts';
import { loadCase } from './load-case.ts';

/** Masks an ID number but its first 3 and last 4 characters. */
export const maskId = (s: string | null) => (s ? (s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`) : null);

/**
 * A case page: the case (ID number masked — the whole number and the ID documents only through
 * view-applicant-id.ts, audited), items with decisions, the timeline, files (names only), possible
 * duplicates and the applicant's volume in the receipt month.
 */
export async function getRequest(ctx: OpContext, caseId: string) {
  assertCan(ctx.actor, 'requests.read');
  const actor = ctx.actor;
  const c = await loadCase(ctx, actor, caseId);
  const [items, events, caseFiles, [agency], duplicates, volume] = await Promise.all([
    ctx.db.select().from(requestItems).where(eq(requestItems.caseId, caseId)).orderBy(asc(requestItems.seq)),
    ctx.db
      .select({ id: requestEvents.id, kind: requestEvents.kind, on: requestEvents.on, data: requestEvents.data, note: requestEvents.note, voided: requestEvents.voided, createdAt: requestEvents.createdAt, by: users.displayName })
      .from(requestEvents)
      .leftJoin(users, eq(users.id, requestEvents.createdBy))
      .where(eq(requestEvents.caseId, caseId))
      .orderBy(asc(requestEvents.id)),
    ctx.db
      .select({ fileId: requestFiles.fileId, kind: requestFiles.kind, name: files.originalName, mime: files.mime, size: files.size })
      .from(requestFiles)
      .innerJoin(files, eq(files.id, requestFiles.fileId))
      .where(eq(requestFiles.caseId, caseId)),
    ctx.db.select({ name: units.name }).from(units).where(eq(units.id, c.agencyUnitId)),
    findDuplicates(ctx, c),
    c.receivedOn ? applicantVolume(ctx, c.applicantKey, c.receivedOn, c.id) : Promise.resolve(null),
  ]);
  const { applicantIdNumber, applicantKey: _key, ...rest } = c;
  return {
    ...rest,
    agencyName: agency?.name ?? '',
    applicantIdMasked: maskId(applicantIdNumber),
    mayViewIdentity: can(actor, 'requests.identity'),
    items,
    events,
    files: caseFiles.map((f) => ({ ...f, restricted: f.kind === '身份证明' })),
    duplicates,
    volume,
  };
}
