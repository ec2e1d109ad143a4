import { eq, sql } from 'drizzle-orm';
import { catalogCounters, documents, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { invalid } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';

/**
 * 索引号: the publishing agency's 机构代码 (统一社会信用代码 or 组织机构代码, entered in 单位管理), the
 * year and a serial, e.g. 115001039900000258/2021-00012. A published number never changes, so it is
 * never made up: a document of an agency without a code gets none, and cannot be sent for review or
 * published until the office enters the code (then it gets its number).
 */

/** The site's agency and its code (null when the office has not entered one). */
async function agencyOf(tx: OpContext, siteUnitId: string) {
  const [unit] = await tx.db.select({ name: units.name, code: units.code }).from(units).where(eq(units.id, siteUnitId));
  return { name: unit?.name ?? '该单位', code: unit?.code?.trim() || null };
}

/** The refusal when an agency without a code would publish. */
export const agencyCodeMissing = (agencyName: string) =>
  invalid(
    'agency_code_missing',
    `${agencyName}尚未登记机构代码（统一社会信用代码或组织机构代码），无法编制索引号，文件不能送审发布。请区政府办公室在“单位管理”中填写该单位的机构代码后再试。`,
  );

/**
 * The next 索引号 of the agency for `year`; refuses (agency_code_missing) when the agency has no code.
 * The serial is taken under a row lock so concurrent publishers never share one. Call inside a transaction.
 */
export async function nextIndexNo(tx: OpContext, siteUnitId: string, year: number): Promise<string> {
  const agency = await agencyOf(tx, siteUnitId);
  if (!agency.code) throw agencyCodeMissing(agency.name);
  const [counter] = await tx.db
    .insert(catalogCounters)
    .values({ siteUnitId, year, last: 1 })
    .onConflictDoUpdate({ target: [catalogCounters.siteUnitId, catalogCounters.year], set: { last: sql`${catalogCounters.last} + 1` } })
    .returning({ last: catalogCounters.last });
  return `${agency.code}/${year}-${String(counter.last).padStart(5, '0')}`;
}

/** A draft's 索引号: issued now when the agency has its code, else null (given at 送审, see above). */
export async function draftIndexNo(tx: OpContext, siteUnitId: string, year: number): Promise<string | null> {
  return (await agencyOf(tx, siteUnitId)).code ? nextIndexNo(tx, siteUnitId, year) : null;
}

/** The year a document's 索引号 carries: the year it was written, else this year. */
export const indexYear = (writtenOn: string | null | undefined, today: string) => Number((writtenOn ?? today).slice(0, 4));

/**
 * Gives a document its 索引号 if it has none yet (its agency had no code when it was drafted), before
 * it goes for review or is published; refuses (agency_code_missing) while the agency still has none.
 */
export async function ensureIndexNo(tx: OpContext, doc: { id: string; siteUnitId: string; indexNo: string | null; writtenOn: string | null }): Promise<string> {
  if (doc.indexNo) return doc.indexNo;
  const indexNo = await nextIndexNo(tx, doc.siteUnitId, indexYear(doc.writtenOn, todayInShanghai()));
  await tx.db.update(documents).set({ indexNo }).where(eq(documents.id, doc.id));
  return indexNo;
}
