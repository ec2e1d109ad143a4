import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { invalid } from '../../../http/errors.ts';
import { queryTerms, tsqueryLiteral } from '../search-terms.ts';
import { columnSubtree } from './columns.ts';
import { highlightHtml, highlightNeedles, snippetHtml } from './highlight.ts';
import { inColumns } from './list-column-documents.ts';
import { newestVisible, rows, VISIBLE } from './sql.ts';

export const SEARCH_PAGE_SIZE = 20;
/** Matches are counted up to this many; beyond it the total reads “more than”. */
export const COUNT_CAP = 1000;
/** A query with more than COUNT_CAP matches (one common character, say) ranks its newest RANK_WINDOW matches. */
export const RANK_WINDOW = 200;
export const MAX_PAGE = 50;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The public search's parameters, as the JSON API and the results page take them. */
export const searchParams = z.object({
  q: z.string().max(100, '搜索词不能超过 100 个字').default(''),
  page: z.preprocess(blankToUndefined, z.coerce.number().int('页码应为整数').min(1, '页码应从 1 开始').max(MAX_PAGE, `最多查看前 ${MAX_PAGE} 页`).default(1)),
  column: z.preprocess(blankToUndefined, z.string().max(60).regex(/^[a-z0-9_-]+$/i, '栏目不正确').optional()),
  unit: z.preprocess(blankToUndefined, z.uuid('发布单位不正确').optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1990, '年份不正确').max(2100, '年份不正确').optional()),
  validity: z.preprocess(blankToUndefined, z.enum(['valid', 'amended', 'repealed', 'expired'], { message: '有效性不正确' }).optional()),
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
  /** False when there were more matches than COUNT_CAP: `total` is then a lower bound. */
  totalExact: boolean;
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
function rank(list: Candidate[], query: string): Candidate[] {
  // A CJK term (one character or a pair) is in the indexed terms exactly when the text contains it;
  // a latin/digit term only as a whole run.
  const tests = queryTerms(query).map((t) => {
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

type HitRow = { id: string; title: string; body: string; publishedMs: number; docNumber: string | null; publisher: string; validity: string; columnName: string; columnSlug: string };

/**
 * The public full-text search. The query becomes literal lexemes (see search-terms.ts) ANDed in one
 * tsquery, so the GIN index answers it in one scan; filters narrow by column (and the columns below
 * it), site unit, year of publication (Asia/Shanghai) and validity. One scan fetches up to
 * COUNT_CAP + 1 matches with the short fields ranking needs (never the bodies or the vectors); they
 * are ranked (see rank) or dated here. A query matching more than COUNT_CAP documents (one common
 * character, say) reads “more than COUNT_CAP”, ranks its newest RANK_WINDOW matches, and pages by
 * date through one ordered index scan per status, so no query reads the whole table.
 */
export async function searchDocuments(db: Db, raw: SearchParams): Promise<SearchResult> {
  const p = searchParams.parse(raw);
  const q = p.q.trim();
  if (!q) throw invalid('query_required', '请输入搜索词');
  const empty: SearchResult = { total: 0, totalExact: true, page: p.page, pageSize: SEARCH_PAGE_SIZE, sort: p.sort, hits: [] };
  const terms = queryTerms(q);
  if (!terms.length) return empty;
  const tsq = sql`${tsqueryLiteral(terms)}::tsquery`;

  const filters: SQL[] = [sql`d.search_vector @@ ${tsq}`];
  if (p.column) {
    const [col] = await rows<{ id: string }>(db, sql`select id from catalog_columns where slug = ${p.column}`);
    if (!col) return empty;
    filters.push(inColumns((await columnSubtree(db, col.id)).map((c) => c.id)));
  }
  if (p.unit) filters.push(sql`d.site_unit_id = ${p.unit}`);
  if (p.year) filters.push(sql`d.published_at >= ${`${p.year}-01-01T00:00:00+08:00`}::timestamptz and d.published_at < ${`${p.year + 1}-01-01T00:00:00+08:00`}::timestamptz`);
  if (p.validity) filters.push(sql`d.validity = ${p.validity}`);
  const where = sql.join(filters, sql` and `);

  // One scan for the count and the candidates: up to COUNT_CAP + 1 matches, with what ranking needs.
  const candidates = await rows<Candidate>(db, sql`select ${CANDIDATE} from documents d where ${where} and ${VISIBLE} limit ${COUNT_CAP + 1}`);
  const n = candidates.length;
  const total = Math.min(n, COUNT_CAP);
  const totalExact = n <= COUNT_CAP;
  const offset = (p.page - 1) * SEARCH_PAGE_SIZE;
  if (!n || offset >= total) return { ...empty, total, totalExact };

  let ordered: Candidate[];
  if (totalExact) ordered = p.sort === 'date' ? candidates.sort(byDate) : rank(candidates, q);
  else if (p.sort === 'date') ordered = await rows<Candidate>(db, newestVisible(CANDIDATE, where, offset + SEARCH_PAGE_SIZE));
  else ordered = rank(await rows<Candidate>(db, newestVisible(CANDIDATE, where, Math.max(RANK_WINDOW, offset + SEARCH_PAGE_SIZE))), q);
  const ids = ordered.slice(offset, offset + SEARCH_PAGE_SIZE).map((c) => c.id);
  if (!ids.length) return { ...empty, total, totalExact };

  const details = await rows<HitRow>(
    db,
    sql`select d.id, d.title, left(d.body_text, 5000) as body, (extract(epoch from d.published_at) * 1000)::float8 as "publishedMs",
               d.doc_number as "docNumber", d.publisher, d.validity, c.name as "columnName", c.slug as "columnSlug"
        from documents d join catalog_columns c on c.id = d.column_id where d.id in ${sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`}`,
  );
  const byId = new Map(details.map((r) => [r.id, r]));
  const needles = highlightNeedles(q);
  const hits = ids
    .map((id) => byId.get(id))
    .filter((r): r is HitRow => !!r)
    .map((r) => ({
      id: r.id,
      title: r.title,
      url: `/doc/${r.id}`,
      snippet: snippetHtml(r.body, needles),
      column: r.columnName,
      publishedAt: new Date(r.publishedMs).toISOString(),
      titleHtml: highlightHtml(r.title, needles),
      columnSlug: r.columnSlug,
      docNumber: r.docNumber,
      publisher: r.publisher,
      validity: r.validity,
    }));
  return { total, totalExact, page: p.page, pageSize: SEARCH_PAGE_SIZE, sort: p.sort, hits };
}

