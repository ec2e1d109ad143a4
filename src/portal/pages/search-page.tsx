import { MAX_PAGE, SEARCH_TYPE_LABEL, type SearchResult } from '../../modules/catalog/public/search-documents.ts';
import { highlightHtml, highlightNeedles } from '../../modules/catalog/public/highlight.ts';
import { shanghaiDay } from '../../modules/catalog/public/sql.ts';
import { Pagination, VALIDITY_LABEL } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

export interface SearchForm {
  q: string;
  column?: string;
  unit?: string;
  year?: number;
  validity?: string;
  type?: string;
  sort: 'relevance' | 'date';
}

export interface SearchOptions {
  columns: { slug: string; name: string; depth: number }[];
  units: { unitId: string; name: string }[];
  years: number[];
}

/** The query string of a results page, keeping the filters. */
export function searchHref(f: SearchForm, page = 1): string {
  const p = new URLSearchParams({ q: f.q });
  if (f.column) p.set('column', f.column);
  if (f.unit) p.set('unit', f.unit);
  if (f.year) p.set('year', String(f.year));
  if (f.validity) p.set('validity', f.validity);
  if (f.type) p.set('type', f.type);
  if (f.sort !== 'relevance') p.set('sort', f.sort);
  if (page > 1) p.set('page', String(page));
  return `/search?${p}`;
}

/** The day of a hit, in Asia/Shanghai (one formatter for all: making one per call costs more than the page). */
const day = (iso: string) => shanghaiDay(new Date(iso));

/** One filter of the search form: a labelled select whose first choice means “any”. */
function Filter(props: { name: string; label: string; all: string; value?: string; choices: [string, string][] }) {
  const id = `s-${props.name}`;
  return (
    <div className="sf-row">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.all}</option>
        {props.choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The results page: the query form with its filters, the hits with marks, page links. Works without script. */
export function SearchPage(props: { site: SiteInfo; form: SearchForm; options: SearchOptions; result: SearchResult | null; error?: string }) {
  const { form, options, result } = props;
  const needles = highlightNeedles(form.q);
  const pages = result ? Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / result.pageSize))) : 1;
  const title = form.q ? `“${form.q}”的搜索结果` : '站内搜索';
  const filtered = [form.column, form.unit, form.year, form.type, form.validity, form.sort === 'date' ? 'date' : undefined].filter(Boolean).length;
  return (
    <Layout site={props.site} title={title} current="" noHeaderSearch head={<meta name="robots" content="noindex" />}>
      <div className="page-head">
        <h1>站内搜索</h1>
      </div>
      <form className="panel search-form" role="search" aria-label="搜索政府信息" action="/search" method="get">
        <div className="body">
          <div className="sf-row sf-q">
            <label htmlFor="sq">搜索词</label>
            <input id="sq" name="q" type="search" defaultValue={form.q} maxLength={100} placeholder="标题、正文、发文字号" />
            <button type="submit">搜索</button>
          </div>
          {/* Folded on a phone unless a filter is in use, so the results start on the first screen. */}
          <details className="sf-more" open={filtered > 0 || undefined}>
            <summary>{filtered ? `筛选与排序（已筛选 ${filtered} 项）` : '筛选与排序'}</summary>
          <div className="sf-filters">
            <div className="sf-row">
              <label htmlFor="s-column">栏目</label>
              <select id="s-column" name="column" defaultValue={form.column ?? ''}>
                <option value="">全部栏目</option>
                {options.columns.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {`${'　'.repeat(c.depth)}${c.name}`}
                  </option>
                ))}
              </select>
            </div>
            <Filter name="unit" label="发布站点" all="全部" value={form.unit} choices={options.units.map((u) => [u.unitId, u.name])} />
            <Filter name="year" label="发布年份" all="不限" value={form.year ? String(form.year) : undefined} choices={options.years.map((y) => [String(y), `${y} 年`])} />
            <Filter name="type" label="信息类型" all="全部类型" value={form.type} choices={Object.entries(SEARCH_TYPE_LABEL)} />
            <Filter name="validity" label="有效性" all="不限" value={form.validity} choices={Object.entries(VALIDITY_LABEL)} />
            <div className="sf-row">
              <label htmlFor="s-sort">排序</label>
              <select id="s-sort" name="sort" defaultValue={form.sort}>
                <option value="relevance">按相关度</option>
                <option value="date">按发布时间</option>
              </select>
            </div>
          </div>
          </details>
        </div>
      </form>
      <section className="panel results" aria-labelledby="res-h">
        <h2 id="res-h">搜索结果</h2>
        <div className="body">
          {props.error ? (
            <p className="error" role="alert">
              {props.error}
            </p>
          ) : !result ? (
            <p className="empty">请输入要查找的内容，例如文件标题中的词语或发文字号（如“渝中府办发〔2021〕12号”）。</p>
          ) : !result.total ? (
            <p className="empty" role="status">
              没有找到与“{form.q}”相关的信息。请减少关键词、检查错别字，或取消筛选条件后再试。
            </p>
          ) : (
            <>
              <p className="summary" role="status">
                {result.totalKind === 'exact' ? `共找到 ${result.total} 条结果` : result.totalKind === 'estimate' ? `找到约 ${result.total} 条结果` : `找到 ${result.total} 条以上结果`}
                {pages > 1 ? `，第 ${result.page} / ${pages} 页` : ''}
              </p>
              <ol className="hits" start={(result.page - 1) * result.pageSize + 1}>
                {result.hits.map((h) => (
                  <li key={h.id}>
                    <h3 className="hit-title">
                      <a href={h.url} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
                      {h.validity !== 'valid' ? <span className={`tag tag-${h.validity}`}>{VALIDITY_LABEL[h.validity] ?? h.validity}</span> : null}
                    </h3>
                    {h.snippet ? <p className="snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} /> : null}
                    <p className="hit-meta">
                      <span>{h.column}</span>
                      {h.docNumber ? <span dangerouslySetInnerHTML={{ __html: highlightHtml(h.docNumber, needles) }} /> : null}
                      <span>{h.publisher}</span>
                      <time dateTime={h.publishedAt}>{day(h.publishedAt)}</time>
                    </p>
                  </li>
                ))}
              </ol>
              <Pagination page={result.page} pages={pages} href={(n) => searchHref(form, n)} />
            </>
          )}
        </div>
      </section>
    </Layout>
  );
}
