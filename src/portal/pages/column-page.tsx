import type { ColumnListing, ValidityGroup } from '../../modules/catalog/public/list-column-documents.ts';
import { Breadcrumb, columnCrumbs, columnUrl, DocumentList, navOf, Pagination, siteUrl } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

/** A column: where it sits, its sub-columns, and its documents newest first. */
export function ColumnPage({ site, data }: { site: SiteInfo; data: ColumnListing }) {
  const { column, children, items, total, page, pages, library } = data;
  const group = library?.group ?? null;
  /** The column's address for a page and validity group (page 1 and all documents need no parameter). */
  const href = (n: number, g: ValidityGroup | null = group) => {
    const q = [g ? `validity=${g}` : '', n > 1 ? `page=${n}` : ''].filter(Boolean).join('&');
    return q ? `${columnUrl(column.slug)}?${q}` : columnUrl(column.slug);
  };
  const groupName = group ? GROUP_LABEL[group] : null;
  const feed = `${columnUrl(column.slug)}/rss.xml`;
  const title = data.site.isDistrict ? column.name : `${column.name} - ${data.site.name}`;
  return (
    <Layout
      site={site}
      title={`${title}${groupName ? ` · ${groupName}` : ''}${page > 1 ? `（第 ${page} 页）` : ''}`}
      current={data.site.isDistrict ? navOf(data.path) : ''}
      head={<link rel="alternate" type="application/rss+xml" title={`${column.name} RSS`} href={feed} />}
    >
      <Breadcrumb items={columnCrumbs(data.site, data.path)} />
      <div className="page-head">
        <h1>{column.name}</h1>
        <a className="feed" href={feed}>
          RSS 订阅
        </a>
      </div>
      {data.site.isDistrict && column.slug === 'zn' ? (
        <p className="notice apply-online">
          <strong>依申请公开</strong> 需要获取未主动公开的政府信息，可以<a href="/ysqgk">在线提交政府信息公开申请</a>，提交后凭查询码<a href="/ysqgk/cx">查询办理情况</a>。
        </p>
      ) : null}
      <div className={children.length ? 'col-layout' : undefined}>
        {children.length ? (
          <nav className="panel subcols" aria-labelledby="subcols-h">
            <h2 id="subcols-h">下级栏目</h2>
            <ul>
              {children.map((c) => (
                <li key={c.id}>
                  <a href={columnUrl(c.slug)}>
                    {c.name}
                    <span className="count" aria-label={`${c.count} 条`}>
                      {c.count}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <section className="panel" aria-labelledby="col-h">
          <h2 id="col-h">信息列表</h2>
          <div className="body">
            {!data.site.isDistrict ? (
              <p className="site-note">
                本栏目属于 <a href={siteUrl(data.site)}>{data.site.name}</a> 部门网页。
              </p>
            ) : null}
            {library ? (
              <nav className="validity-tabs" aria-label="按有效性查看">
                <ul>
                  {([null, 'current', 'void'] as const).map((g) => {
                    const n = g ? library.counts[g] : library.counts.current + library.counts.void;
                    const label = g ? GROUP_LABEL[g] : '全部';
                    return (
                      <li key={g ?? 'all'}>
                        <a href={href(1, g)} aria-current={g === group ? 'page' : undefined}>
                          {label}
                          <span className="count">{n}</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            ) : null}
            {total ? (
              <>
                <p className="summary">
                  共 {total} 条{pages > 1 ? `，第 ${page} / ${pages} 页` : ''}
                </p>
                <DocumentList items={items} showColumn={children.length > 0} />
                <Pagination page={page} pages={pages} href={(n) => href(n)} />
              </>
            ) : groupName ? (
              <p className="empty">本栏目暂无{groupName}的文件。</p>
            ) : column.note ? (
              <div className="empty note" role="note">
                <strong>备注说明</strong>
                <p>{column.note}</p>
              </div>
            ) : (
              <p className="empty">本栏目暂无公开信息{children.length ? '，请查看下级栏目' : ''}。</p>
            )}
          </div>
        </section>
      </div>
    </Layout>
  );
}

const GROUP_LABEL: Record<ValidityGroup, string> = { current: '现行有效', void: '失效/废止' };
