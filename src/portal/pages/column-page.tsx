import type { ColumnListing } from '../../modules/catalog/public/list-column-documents.ts';
import { Breadcrumb, columnCrumbs, columnUrl, DocumentList, navOf, Pagination, siteUrl } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

/** A column: where it sits, its sub-columns, and its documents newest first. */
export function ColumnPage({ site, data }: { site: SiteInfo; data: ColumnListing }) {
  const { column, children, items, total, page, pages } = data;
  const feed = `${columnUrl(column.slug)}/rss.xml`;
  const title = data.site.isDistrict ? column.name : `${column.name} - ${data.site.name}`;
  return (
    <Layout
      site={site}
      title={page > 1 ? `${title}（第 ${page} 页）` : title}
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
            {total ? (
              <>
                <p className="summary">
                  共 {total} 条{pages > 1 ? `，第 ${page} / ${pages} 页` : ''}
                </p>
                <DocumentList items={items} showColumn={children.length > 0} />
                <Pagination page={page} pages={pages} href={(n) => (n === 1 ? columnUrl(column.slug) : `${columnUrl(column.slug)}?page=${n}`)} />
              </>
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
