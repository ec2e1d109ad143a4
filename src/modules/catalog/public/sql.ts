import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';

/**
 * Shared pieces of the public catalog's SQL. Queries here are raw SQL over the alias `d` for
 * documents, so timestamps are selected as epoch milliseconds (float8) and counts as int: the two
 * drivers return raw timestamps and bigints differently, numbers the same way.
 */

/** A document anyone may read: published, or scheduled and its time has come. */
export const VISIBLE = sql.raw(`d.status in ('published','scheduled') and d.published_at <= now()`);
/** Statuses whose rows are listed; a scheduled document stays `scheduled` once its time has passed. */
export const LISTED_STATUSES = ['published', 'scheduled'] as const;

/** Epoch milliseconds of a timestamp expression, as a number on both drivers. */
export const ms = (expr: string) => sql.raw(`(extract(epoch from ${expr}) * 1000)::float8`);

export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** A uuid[] parameter (drizzle spreads a JS array into a list of parameters). Ids come from the database. */
export function uuidArray(ids: string[]): SQL {
  for (const id of ids) if (!UUID_RE.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);

/**
 * The newest visible documents matching `where`, `limit` from `offset`. Written as one ordered scan
 * per listed status (merged), because an index on (status, published_at) gives date order only for
 * one status at a time: a frequent match then stops after `offset + limit` rows instead of sorting
 * every match.
 */
export function newestVisible(select: SQL, where: SQL, limit: number, offset = 0): SQL {
  const n = limit + offset;
  const branch = (status: string) =>
    sql`(select ${select} from documents d where d.status = ${status} and d.published_at <= now() and ${where} order by d.published_at desc, d.id desc limit ${n})`;
  return sql`select * from (${branch('published')} union all ${branch('scheduled')}) x order by x."publishedMs" desc, x.id desc limit ${limit} offset ${offset}`;
}

/**
 * The newest visible documents of a set of columns: one ordered scan of the (column_id, status,
 * published_at) index per column and status, merged, so a large column tree reads about
 * `offset + limit` rows per column instead of sorting every document. Deep pages (where that would
 * read more than `budget` rows) sort instead.
 */
export function newestInColumns(select: SQL, columnIds: string[], limit: number, offset = 0, budget = 20_000): SQL {
  const n = limit + offset;
  if (columnIds.length * LISTED_STATUSES.length * n > budget)
    return newestVisible(select, sql`d.column_id = any(${uuidArray(columnIds)})`, limit, offset);
  const branches = columnIds.flatMap((id) =>
    LISTED_STATUSES.map((status) => sql`(select ${select} from documents d where d.column_id = ${id} and d.status = ${status} and d.published_at <= now() order by d.published_at desc, d.id desc limit ${n})`),
  );
  return sql`select * from (${sql.join(branches, sql` union all `)}) x order by x."publishedMs" desc, x.id desc limit ${limit} offset ${offset}`;
}

/** Dates as the portal prints them, in Asia/Shanghai. */
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const shanghaiDay = (d: Date) => dayFmt.format(d);
export const shanghaiDateTime = (d: Date) => `${dayFmt.format(d)} ${timeFmt.format(d)}`;
