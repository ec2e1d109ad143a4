import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rows } from './sql.ts';

export interface TermStats {
  /** Share of indexed documents holding each of the most common terms. */
  freq: Map<string, number>;
  /** The least share among them: any other term is rarer. */
  floor: number;
  /** Documents with a search vector (estimate). */
  indexed: number;
  /** Documents published per day on average, since the first one. */
  perDay: number;
}

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; value: Promise<TermStats | null> }>();

/**
 * The planner's own statistics of the search vector (pg_stats: most common elements and their
 * frequencies, kept by ANALYZE — autovacuum on PostgreSQL, the nightly job on PGlite), read at most
 * every ten minutes. Null until the table has been analysed.
 */
export function termStats(db: Db): Promise<TermStats | null> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load(db).catch(() => null);
  cache.set(db, { at: Date.now(), value });
  return value;
}

async function load(db: Db): Promise<TermStats | null> {
  const [row] = await rows<{ elems: string[] | null; freqs: number[] | null; nullFrac: number; reltuples: number }>(
    db,
    sql`select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs, s.null_frac::float8 as "nullFrac", c.reltuples::float8 as reltuples
        from pg_stats s join pg_class c on c.relname = s.tablename join pg_namespace n on n.oid = c.relnamespace and n.nspname = s.schemaname
        where s.schemaname = current_schema() and s.tablename = 'documents' and s.attname = 'search_vector'`,
  );
  if (!row?.elems?.length || !row.freqs || row.reltuples <= 0) return null;
  // The first publication, from the (status, published_at) index.
  const [span] = await rows<{ days: number | null }>(db, sql`select extract(epoch from now() - (select min(published_at) from documents where status = 'published'))::float8 / 86400 as days`);
  const freq = new Map<string, number>();
  row.elems.forEach((e, i) => freq.set(e, Number(row.freqs![i])));
  const indexed = Math.round(row.reltuples * (1 - row.nullFrac));
  return { freq, floor: Number(row.freqs[row.elems.length]), indexed, perDay: indexed / Math.max(30, span?.days ?? 30) };
}

/** Reads the statistics afresh at the next search (tests that have just run ANALYZE). */
export function forgetTermStats(db: Db) {
  cache.delete(db);
}

/** Whether every term is among the tracked common ones, so that the estimate is more than a guess. */
export const allKnown = (terms: string[], stats: TermStats) => terms.every((t) => stats.freq.has(t));

/**
 * Estimated share of indexed documents holding every term. The pairs of one CJK run (政务 务公 公开)
 * nearly always come together, so a run counts as its rarest pair; separate runs and latin/digit
 * terms are taken as independent.
 */
export function estimateShare(terms: string[], stats: TermStats): number {
  const f = (t: string) => stats.freq.get(t) ?? stats.floor / 2;
  let share = 1;
  let run: number | null = null;
  let last: string | null = null;
  for (const t of terms) {
    // queryTerms lists a run's pairs in order, each starting with the previous one's last character.
    const continues = last !== null && /^[^a-z0-9]{2}$/.test(t) && /^[^a-z0-9]{2}$/.test(last) && last[1] === t[0];
    if (continues) run = Math.min(run!, f(t));
    else {
      if (run !== null) share *= run;
      run = f(t);
    }
    last = t;
  }
  return share * (run ?? 1);
}
