import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { invalid } from '../../../platform/errors.ts';
import { queryTerms, tsqueryLiteral } from '../search-terms.ts';
import { allKnown, estimateShare, termStats, type TermStats } from './term-stats.ts';
import { highlightHtml, highlightNeedles, snippetHtml } from './highlight.ts';
import { inColumns } from './list-column-documents.ts';
import { columnSubtreeIds } from './columns.ts';
import { pinnedRows, plainRows } from './pinned-query.ts';
import { newestVisible, uuidArray, VISIBLE } from './sql.ts';

export const SEARCH_PAGE_SIZE = 20;
/** Matches are counted up to this many; beyond it the total is estimated. */
export const COUNT_CAP = 200;
/** A query with more matches than it counts ranks its newest RANK_WINDOW matches. */
export const RANK_WINDOW = 40;
/** The newest rows may be walked and tested one by one when that reaches the page in at most this many rows. */
export const MAX_WALK = 300;
export const MAX_PAGE = 50;
/** Below this many indexed documents a filtered count is planned once too (see planOnce). */
export const PLAN_ONCE_UNDER = 5_000;

/**
 * 信息类型: what kind of information a document is. 政策文件, 通知公告 and 工作动态 follow the category
 * of the document's column; 政策解读 is any document linked as the interpretation of a policy.
 */
export const SEARCH_TYPES = ['policy', 'interpretation', 'notice', 'news'] as const;
export const SEARCH_TYPE_LABEL: Record<(typeof SEARCH_TYPES)[number], string> = { policy: '政策文件', interpretation: '政策解读', notice: '通知公告', news: '工作动态' };

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The public search's parameters, as the JSON API and the results page take them. */
export const searchParams = z.object({
  q: z.string().max(100, '搜索词不能超过 100 个字').default(''),
  page: z.preprocess(blankToUndefined, z.coerce.number().int('页码应为整数').min(1, '页码应从 1 开始').max(MAX_PAGE, `最多查看前 ${MAX_PAGE} 页`).default(1)),
  column: z.preprocess(blankToUndefined, z.string().max(60).regex(/^[a-z0-9_-]+$/i, '栏目不正确').optional()),
  unit: z.preprocess(blankToUndefined, z.uuid('发布单位不正确').optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1990, '年份不正确').max(2100, '年份不正确').optional()),
  validity: z.preprocess(blankToUndefined, z.enum(['valid', 'amended', 'repealed', 'expired'], { message: '有效性不正确' }).optional()),
  type: z.preprocess(blankToUndefined, z.enum(SEARCH_TYPES, { message: '信息类型应为 policy、interpretation、notice 或 news' }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(['relevance', 'date'], { message: '排序方式应为 relevance 或 date' }).default('relevance')),
});
export type SearchParams = z.input<typeof searchParams>;

export interface SearchHit {
  id: string;
  title: string;
  url: string;
  /** A passage of the body as HTML: matches in <mark>, everything else escaped. */
  snippet: string;
  /** Name of the column the document is in. */
  column: string;
  publishedAt: string;
  titleHtml: string;
  columnSlug: string;
  docNumber: string | null;
  publisher: string;
  validity: string;
}

export interface SearchResult {
  total: number;
  /** False when there were more matches than the count reads (COUNT_CAP): `total` is then an estimate or a lower bound. */
  totalExact: boolean;
  /** How `total` was reached: counted, estimated from the term statistics, or a lower bound (counting stopped, no estimate). */
  totalKind: 'exact' | 'estimate' | 'atLeast';
  page: number;
  pageSize: number;
  sort: 'relevance' | 'date';
  hits: SearchHit[];
}

type Candidate = { id: string; title: string; docNumber: string | null; indexNo: string; publishedMs: number };
const CANDIDATE = sql.raw(`d.id, d.title, d.doc_number as "docNumber", d.index_no as "indexNo", (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs"`);
const byDate = (a: Candidate, b: Candidate) => b.publishedMs - a.publishedMs || (a.id < b.id ? 1 : -1);

/**
 * Relevance of documents that all match the query: the share of the query's terms found in the
 * fields indexed with weight A (title, document number, index number) counts 1.0, the whole query
 * written out in them 0.5 more; the body matched anyway (0.1, the D weight). Ties go to the newer.
 * Computed here from the short fields rather than with ts_rank: lexemes stored without positions
 * (array_to_tsvector) carry no weight, so ts_rank would give every match the same score.
 */
function rank(list: Candidate[], query: string, terms: string[]): Candidate[] {
  if (list.length < 2) return list;
  // A CJK term (one character or a pair) is in the indexed terms exactly when the text contains it;
  // a latin/digit term only as a whole run.
  const tests = terms.map((t) => {
    if (!/^[a-z0-9]+$/.test(t)) return (s: string) => s.includes(t);
    const re = new RegExp(`(?<![a-z0-9])${t}(?![a-z0-9])`);
    return (s: string) => re.test(s);
  });
  const phrase = query.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const score = new Map<string, number>();
  for (const c of list) {
    const a = [c.title, c.docNumber ?? '', c.indexNo].join(' ').normalize('NFKC').toLowerCase();
    const share = tests.filter((test) => test(a)).length / tests.length;
    const whole = phrase.length > 1 && a.replace(/\s+/g, '').includes(phrase) ? 0.5 : 0;
    score.set(c.id, share + whole + 0.1);
  }
  return list.sort((x, y) => score.get(y.id)! - score.get(x.id)! || byDate(x, y));
}

/** What a hit shows beyond the candidate's fields: body (its start), publisher, validity, column name and slug. */
type Detail = { id: string; body: string; publisher: string; validity: string; columnName: string; columnSlug: string };

export interface SearchLimits {
  countCap: number;
  rankWindow: number;
  maxWalk: number;
}
/** The limits above; tests pass smaller ones to reach every path with a few documents. */
export const LIMITS: SearchLimits = { countCap: COUNT_CAP, rankWindow: RANK_WINDOW, maxWalk: MAX_WALK };

/**
 * Where to look for the newest `want` of many matches: publication cut-offs (epoch ms, null for no
 * cut-off), newest window first. The first is expected to hold about twice `want` (from the terms'
 * share and the publishing rate), the next four times wider. `floor`, when known, is a cut-off
 * certain to hold `want` matches (from matches already read), and ends the list instead of null.
 */
function cutoffs(want: number, share: number | null, stats: TermStats | null, floor: number | null): (number | null)[] {
  const day = 86_400_000;
  const now = Date.now();
  const days = stats && share ? Math.max(7, Math.ceil((2 * want) / (share * stats.perDay))) : 90;
  const list: (number | null)[] = [now - days * day, now - 4 * days * day].filter((c) => floor === null || c > floor);
  return [...list, floor];
}

/**
 * The publication time of the n-th newest visible document and how many there are (up to n): read
 * from the (status, published_at) index, a few hundred entries.
 */
function walkWindow(n: number): SQL {
  const branch = (status: string) => sql`(select d.published_at as p from documents d where d.status = ${status} and d.published_at <= now() order by d.published_at desc limit ${n})`;
  return sql`select (extract(epoch from min(x.p)) * 1000)::float8 as since, count(*)::int as n
             from (select p from (${branch('published')} union all ${branch('scheduled')}) y order by p desc limit ${n}) x`;
}

/**
 * The public full-text search. The query becomes literal lexemes (see search-terms.ts) ANDed in one
 * tsquery; filters narrow by column (and the columns below it), site unit, year of publication
 * (Asia/Shanghai), validity and type (SEARCH_TYPES). Whatever a query matches, the work it does is bounded:
 *
 * - The GIN index answers the match (a bitmap scan, see pinned-query.ts) and at most COUNT_CAP + 1 matching
 *   rows are read, with only the short fields ranking needs — never a body or a vector. Up to
 *   COUNT_CAP matches are counted exactly and all ranked (see rank) or dated here.
 * - More than that (by the count, or already by the planner's statistics of the terms, see
 *   term-stats.ts): the total is estimated from those statistics, and only the newest matches are
 *   read: the GIN bitmap ANDed with the date index over a recent window sized to hold about twice
 *   what is needed (RANK_WINDOW to rank, or the page's worth by date), widened if it falls short —
 *   at most back to a date the matches already counted prove sufficient (see cutoffs).
 * - A term so common that the newest documents reach the page within MAX_WALK rows (one common
 *   character) skips the GIN index: the date index is walked newest first and each row tested —
 *   within the newest 2 × MAX_WALK rows; a term common only in older years falls back to the GIN.
 *
 * The tsquery is given to the bitmap queries as a sub-select: the planner then uses its default
 * selectivity for it instead of multiplying the pairs of one word as if independent (which makes
 * 政务公开 look like one row and the date index not worth ANDing).
 */
export async function searchDocuments(db: Db, raw: SearchParams, limits: SearchLimits = LIMITS): Promise<SearchResult> {
  const { countCap, rankWindow, maxWalk } = limits;
  const p = searchParams.parse(raw);
  const q = p.q.trim();
  if (!q) throw invalid('query_required', '请输入搜索词');
  const offset = (p.page - 1) * SEARCH_PAGE_SIZE;
  const result = (total: number, totalKind: SearchResult['totalKind'], hits: SearchHit[] = []): SearchResult => ({ total, totalExact: totalKind === 'exact', totalKind, page: p.page, pageSize: SEARCH_PAGE_SIZE, sort: p.sort, hits });
  const terms = queryTerms(q);
  if (!terms.length) return result(0, 'exact');
  const literal = tsqueryLiteral(terms);

  // Cheap conditions first: the planner keeps the written order among equal costs.
  const filters: SQL[] = [];
  if (p.column) {
    const tree = await columnSubtreeIds(db, p.column);
    if (!tree.length) return result(0, 'exact');
    filters.push(inColumns(tree));
  }
  if (p.unit) filters.push(sql`d.site_unit_id = ${p.unit}`);
  if (p.year) filters.push(sql`d.published_at >= ${`${p.year}-01-01T00:00:00+08:00`}::timestamptz and d.published_at < ${`${p.year + 1}-01-01T00:00:00+08:00`}::timestamptz`);
  if (p.validity) filters.push(sql`d.validity = ${p.validity}`);
  if (p.type === 'interpretation') filters.push(sql`exists (select 1 from document_interpretations di where di.interpretation_id = d.id)`);
  else if (p.type) filters.push(sql`d.column_id in (select c.id from catalog_columns c where c.category = ${p.type})`);
  const narrow = filters.length ? sql`${sql.join(filters, sql` and `)} and ` : sql``;
  const walkWhere = sql`${narrow}d.search_vector @@ ${literal}::tsquery`;
  const where = sql`${narrow}d.search_vector @@ (select ${literal}::tsquery)`;

  const stats = await termStats(db);
  const share = stats ? estimateShare(terms, stats) : null;
  // What the filters leave of the catalog: a year is a year's publications; a column or a site, unknown.
  const scope = stats ? (p.year ? Math.min(stats.indexed, 365 * stats.perDay) : stats.indexed) : 0;
  const expected = stats && !p.column && !p.unit && !p.type ? share! * scope : null;
  const estimate = (atLeast: number): [number, SearchResult['totalKind']] => (expected !== null && expected > atLeast ? [Math.round(expected), 'estimate'] : [atLeast, 'atLeast']);
  // The count may run as a statement planned once (pinned-query.ts) when its plan cannot depend on
  // the values: without filters (the tsquery is a sub-select, unknown to the planner either way), or
  // in a catalog the planner knows nothing of or that is small (any plan reads little there, and
  // planning costs more than running).
  const planOnce = !filters.length || !stats || stats.indexed < PLAN_ONCE_UNDER;
  const want = p.sort === 'date' ? offset + SEARCH_PAGE_SIZE : Math.max(rankWindow, offset + SEARCH_PAGE_SIZE);
  const order = (list: Candidate[]) => (p.sort === 'date' ? list.sort(byDate) : rank(list, q, terms));

  let total: number;
  let totalKind: SearchResult['totalKind'];
  let ordered: Candidate[];
  let walked: Candidate[] | null = null;
  if (expected !== null && expected > countCap && want / share! <= maxWalk) {
    // The statistics say the term is everywhere, but not when: a term common only in old documents
    // (2021) would make the walk test row after row. The walk stays within the newest 2 × MAX_WALK
    // visible rows; short of the page there, the GIN index answers after all.
    const [w] = await pinnedRows<{ since: number | null; n: number }>(db, 'ordered', walkWindow(2 * maxWalk));
    const bound = w.n < 2 * maxWalk || w.since === null ? sql`` : sql` and d.published_at >= ${new Date(w.since).toISOString()}::timestamptz`;
    const newest = await pinnedRows<Candidate>(db, 'ordered', newestVisible(CANDIDATE, sql`${walkWhere}${bound}`, want));
    walked = newest.length >= want || w.n < 2 * maxWalk ? newest : null;
  }
  if (walked) {
    [[total, totalKind], ordered] = [estimate(walked.length), order(walked)];
  } else {
    let floor: number | null = null;
    let counted: Candidate[] | null = null;
    // Count, unless the statistics already know every term and say there are well over the cap.
    if (expected === null || expected < 3 * countCap || !allKnown(terms, stats!)) {
      const candidates = await pinnedRows<Candidate>(db, 'bitmap', sql`select ${CANDIDATE} from documents d where ${where} and ${VISIBLE} limit ${countCap + 1}`, { prepared: planOnce });
      if (candidates.length <= countCap) {
        [total, totalKind] = [candidates.length, 'exact'];
        counted = order(candidates);
      }
      // These are matches too: the newest `want` of all are at least as new as the want-th newest of these.
      else if (candidates.length >= want) floor = candidates.map((c) => c.publishedMs).sort((x, y) => y - x)[want - 1];
    }
    if (counted) ordered = counted;
    else {
      [total, totalKind] = estimate(countCap);
      let newest: Candidate[] = [];
      // A year is a closed range: no window counted back from today, only what the count proved.
      for (const cut of p.year ? [floor] : cutoffs(want, share, stats, floor)) {
        const recent = cut === null ? sql`` : sql` and d.published_at >= ${new Date(cut).toISOString()}::timestamptz`;
        newest = await pinnedRows<Candidate>(db, 'bitmap', sql`select ${CANDIDATE} from documents d where ${where} and ${VISIBLE}${recent} order by d.published_at desc, d.id desc limit ${want}`);
        if (newest.length >= want) break;
        // Everything read and still short of the page: that is all there is.
        if (cut === null) [total, totalKind] = [newest.length, 'exact'];
      }
      ordered = order(newest);
    }
  }
  const page = ordered.slice(offset, offset + SEARCH_PAGE_SIZE);
  if (!page.length) return result(total!, totalKind!);

  const details = await plainRows<Detail>(
    db,
    sql`select d.id, left(d.body_text, 1500) as body, d.publisher, d.validity, c.name as "columnName", c.slug as "columnSlug"
        from documents d join catalog_columns c on c.id = d.column_id where d.id = any(${uuidArray(page.map((c) => c.id))})`,
    { prepared: true },
  );
  const byId = new Map(details.map((r) => [r.id, r]));
  const needles = highlightNeedles(q);
  const hits: SearchHit[] = [];
  for (const c of page) {
    const detail = byId.get(c.id);
    if (!detail) continue;
    const { body, publisher, validity, columnName, columnSlug } = detail;
    hits.push({
      id: c.id,
      title: c.title,
      url: `/doc/${c.id}`,
      snippet: snippetHtml(body, needles),
      column: columnName,
      publishedAt: new Date(c.publishedMs).toISOString(),
      titleHtml: highlightHtml(c.title, needles),
      columnSlug,
      docNumber: c.docNumber,
      publisher,
      validity,
    });
  }
  return result(total!, totalKind!, hits);
}

