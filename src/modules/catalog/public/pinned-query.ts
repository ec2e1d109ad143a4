import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { rows } from './sql.ts';

export type Plan = 'bitmap' | 'ordered';

/**
 * The planner settings of each plan: `bitmap` answers the match from the GIN index and reads only
 * matching rows; `ordered` walks the (status, published_at) index newest first and tests each row,
 * which is cheaper only when most rows match. Left alone, the planner may test every row of a
 * sequential scan, and each test unpacks a search vector kept out of line (TOAST) — a hundred times
 * the cost of an index entry.
 */
const OFF: Record<Plan, [string, string]> = { bitmap: ['enable_seqscan', 'enable_indexscan'], ordered: ['enable_seqscan', 'enable_bitmapscan'] };

/** The driver under drizzle: PGlite (exec) or a node-postgres pool (query); either runs a string of statements. */
type Client = { exec(text: string): Promise<{ rows: unknown[] }[]> } | { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | { rows: unknown[] }[]> };
const clientOf = (db: Db): Client | null => {
  const c = (db as unknown as { $client?: Record<string, unknown> }).$client;
  return c && (typeof c.exec === 'function' || typeof c.query === 'function') ? (c as unknown as Client) : null;
};

/**
 * A value written into the statement. Strings go as escape strings (E'…', backslash and quote
 * escaped), which read the same whatever standard_conforming_strings says.
 */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') {
    if (v.includes('\0')) throw new Error('NUL in a query value');
    return `E'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  throw new Error(`cannot write ${typeof v} into a statement`);
}

const dialect = new PgDialect();

/**
 * The query as one statement with its values written in (a string of statements takes no
 * parameters). Every `$n` of drizzle's text is a placeholder (the queries here write no `$` of their
 * own), replaced in one pass, so a value's text is never read as one.
 */
export function inlined(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/**
 * PGlite's statements prepared by text, per database (PGlite is one session, so a statement
 * prepared once stays). Planning a search costs more than running it on a small catalog; a
 * prepared statement is planned once (PostgreSQL keeps its generic plan when that is no dearer than
 * planning each time, and plans again after ANALYZE or a change of the table).
 */
const preparedBy = new WeakMap<object, Map<string, Promise<string>>>();
let prepares = 0;

function prepare(client: { exec(text: string): Promise<unknown> }, text: string): Promise<string> {
  let byText = preparedBy.get(client);
  if (!byText) preparedBy.set(client, (byText = new Map()));
  let name = byText.get(text);
  if (!name) {
    const n = `gk_search_${++prepares}`;
    name = client.exec(`prepare ${n} as ${text}`).then(() => n);
    // A failed prepare is tried again next time.
    name.catch(() => byText.delete(text));
    byText.set(text, name);
  }
  return name;
}

/**
 * Rows of one SELECT planned with the planner held to `plan`, in one round trip and without a
 * transaction of its own: `SET LOCAL …; SELECT …` sent as one string runs as one implicit
 * transaction, so the settings hold for the select and end with it. Handles that are not a
 * database (an open drizzle transaction) run it the long way: BEGIN, set_config, the select, COMMIT.
 *
 * `prepared`: on PGlite, a statement prepared once and executed with its values (only for a query
 * whose plan does not depend on them: it is planned once for all). `explain`: the plan instead
 * (EXPLAIN's options, e.g. 'analyze'), as the statement runs it. Numbers come back as numbers,
 * strings as strings, json parsed; timestamps as the driver gives them (select them as epoch
 * milliseconds, see sql.ts).
 */
export async function pinnedRows<T>(db: Db, plan: Plan, query: SQL, opts: { prepared?: boolean; explain?: string } = {}): Promise<T[]> {
  const client = clientOf(db);
  const explain = opts.explain ? `explain (${opts.explain}) ` : '';
  if (!client) return withPlan(db, plan, (tx) => rows<T>(tx, sql`${sql.raw(explain)}${query}`));
  const settings = `set local ${OFF[plan][0]} = off; set local ${OFF[plan][1]} = off; ${explain}`;
  let results: { rows: unknown[] } | { rows: unknown[] }[];
  if ('exec' in client) {
    if (opts.prepared) results = await execPrepared(client, settings, query);
    else results = await client.exec(settings + inlined(query));
  } else results = await client.query(settings + inlined(query));
  const list = Array.isArray(results) ? results : [results];
  return list[list.length - 1].rows as T[];
}

/** Runs `fn` in a transaction with the planner held to `plan` (SET LOCAL, so only this transaction). */
function withPlan<T>(db: Db, plan: Plan, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config(${OFF[plan][0]}, 'off', true), set_config(${OFF[plan][1]}, 'off', true)`);
    return fn(tx as unknown as Db);
  });
}

/**
 * Rows of a query with parameters, straight from the driver: the same as `rows` (sql.ts) for queries
 * selecting no timestamps, without drizzle's per-query copy of PGlite's type parsers (one for each
 * array type, several hundred). `prepared` as for pinnedRows.
 */
export async function plainRows<T>(db: Db, query: SQL, opts: { prepared?: boolean } = {}): Promise<T[]> {
  const client = clientOf(db);
  if (!client) return rows<T>(db, query);
  if (opts.prepared && 'exec' in client) return (await execPrepared(client, '', query))[0].rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  const res = await (client as { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> }).query(text, params);
  return res.rows as T[];
}

/**
 * `before` (settings) and EXECUTE of the query's prepared statement with its values. A statement
 * gone from the session (DEALLOCATE, DISCARD) is prepared again.
 */
async function execPrepared<R>(client: { exec(text: string): Promise<R> }, before: string, query: SQL): Promise<R> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const values = params.length ? `(${params.map(literal).join(', ')})` : '';
  try {
    return await client.exec(`${before}execute ${await prepare(client, text)}${values}`);
  } catch (e) {
    if ((e as { code?: string }).code !== '26000') throw e;
    preparedBy.get(client)?.delete(text);
    return client.exec(`${before}execute ${await prepare(client, text)}${values}`);
  }
}
