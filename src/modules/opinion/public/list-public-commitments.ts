import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { documents, opinionCommitments, units } from '../../../db/schema/index.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { commitmentState } from '../commitment-state.ts';
import { COMMITMENT_STATES, type CommitmentState } from '../kinds.ts';

export const PUBLIC_PAGE_SIZE = 20;

export const isCommitmentState = (v: unknown): v is CommitmentState => typeof v === 'string' && (COMMITMENT_STATES as readonly string[]).includes(v);

const STATE_SQL: Record<CommitmentState, (today: string) => SQL> = {
  未到期: (t) => sql`${opinionCommitments.fulfilledOn} is null and ${opinionCommitments.promisedOn} >= ${t}`,
  逾期未完成: (t) => sql`${opinionCommitments.fulfilledOn} is null and ${opinionCommitments.promisedOn} < ${t}`,
  按期完成: () => sql`${opinionCommitments.fulfilledOn} <= ${opinionCommitments.promisedOn}`,
  逾期完成: () => sql`${opinionCommitments.fulfilledOn} > ${opinionCommitments.promisedOn}`,
};

/**
 * The portal's list of commitments made in responses: text, unit, dates, state, and where the
 * fulfilment is published (a catalog document only once it is public). Evidence stays internal.
 */
export async function listPublicCommitments(db: Db, opts: { state: CommitmentState | null; page: number }, today = todayInShanghai()) {
  const where: SQL | undefined = opts.state ? STATE_SQL[opts.state](today) : undefined;
  const counts = await db
    .select({
      未到期: sql<number>`count(*) filter (where ${STATE_SQL.未到期(today)})::int`,
      按期完成: sql<number>`count(*) filter (where ${STATE_SQL.按期完成(today)})::int`,
      逾期完成: sql<number>`count(*) filter (where ${STATE_SQL.逾期完成(today)})::int`,
      逾期未完成: sql<number>`count(*) filter (where ${STATE_SQL.逾期未完成(today)})::int`,
    })
    .from(opinionCommitments);
  const c = counts[0];
  const total = opts.state ? c[opts.state] : COMMITMENT_STATES.reduce((s, k) => s + c[k], 0);
  const pages = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
  const rows = await db
    .select({
      id: opinionCommitments.id,
      text: opinionCommitments.text,
      promisedOn: opinionCommitments.promisedOn,
      fulfilledOn: opinionCommitments.fulfilledOn,
      publicUrl: opinionCommitments.publicUrl,
      isSample: opinionCommitments.isSample,
      unitName: units.name,
      docId: documents.id,
      docTitle: documents.title,
      docStatus: documents.status,
    })
    .from(opinionCommitments)
    .innerJoin(units, eq(units.id, opinionCommitments.ownerUnitId))
    .leftJoin(documents, and(eq(documents.id, opinionCommitments.documentId), eq(documents.status, 'published')))
    .where(where)
    .orderBy(sql`${opinionCommitments.fulfilledOn} is not null`, asc(opinionCommitments.promisedOn), asc(opinionCommitments.id))
    .limit(PUBLIC_PAGE_SIZE)
    .offset((Math.min(opts.page, pages) - 1) * PUBLIC_PAGE_SIZE);
  return {
    counts: c,
    total,
    page: opts.page,
    pages,
    items: rows.map((r) => ({
      id: r.id,
      text: r.text,
      unitName: r.unitName,
      promisedOn: r.promisedOn,
      fulfilledOn: r.fulfilledOn,
      isSample: r.isSample,
      state: commitmentState(r, today),
      published: r.docId ? { title: r.docTitle!, href: `/doc/${r.docId}` } : r.publicUrl ? { title: '履行情况公开页面', href: r.publicUrl } : null,
    })),
  };
}
export type PublicCommitments = Awaited<ReturnType<typeof listPublicCommitments>>;
