import { Layout, type SiteInfo } from '../layout.tsx';

/** 404 in the portal's frame, with a way on: search, the catalog, home. */
export function NotFoundPage({ site, message }: { site: SiteInfo; message?: string }) {
  return (
    <Layout site={site} title="页面不存在" current="" head={<meta name="robots" content="noindex" />}>
      <section className="panel notfound" aria-labelledby="nf-h">
        <div className="body">
          <h1 id="nf-h">页面不存在</h1>
          <p>{message ?? '您访问的页面不存在，可能已被删除、更名或暂未公开。'}</p>
          <form className="search inline-search" role="search" aria-label="搜索本站" action="/search" method="get">
            <label htmlFor="nf-q">搜索本站</label>
            <input id="nf-q" name="q" type="search" maxLength={100} />
            <button type="submit">搜索</button>
          </form>
          <p>
            <a href="/">返回首页</a>　<a href="/xxgk">浏览信息公开栏目</a>
          </p>
        </div>
      </section>
    </Layout>
  );
}
