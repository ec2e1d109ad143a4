import { Layout, type SiteInfo } from '../layout.tsx';

export interface HomeData {
  site: SiteInfo;
  latest: { title: string; url: string; date: string }[];
  reports: { title: string; url: string; date: string }[];
}

const TILES = [
  { href: '/xxgk/zn', title: '政府信息公开指南', hint: '公开方式、申请渠道' },
  { href: '/xxgk/fdzdgknr', title: '法定主动公开内容', hint: '机构职能、规划、财政' },
  { href: '/xxgk/tzgg', title: '通知公告', hint: '最新通知、公示' },
  { href: '/xxgk/nb', title: '政府信息公开年报', hint: '历年工作年度报告' },
];

function DocList(props: { items: HomeData['latest']; empty: string }) {
  if (!props.items.length) return <p className="empty">{props.empty}</p>;
  return (
    <ul className="list">
      {props.items.map((d) => (
        <li key={d.url}>
          <a href={d.url}>{d.title}</a>
          <time dateTime={d.date}>{d.date}</time>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({ site, latest, reports }: HomeData) {
  return (
    <Layout site={site} title="政务公开" current="/">
      <h1 className="sr-only">{site.district}政务公开</h1>
      <section aria-label="常用入口" className="tiles">
        {TILES.map((t) => (
          <a className="tile" href={t.href} key={t.href}>
            <strong>{t.title}</strong>
            <span>{t.hint}</span>
          </a>
        ))}
      </section>
      <div className="grid">
        <section className="panel" aria-labelledby="latest-h">
          <h2 id="latest-h">
            最新公开 <a href="/xxgk">更多</a>
          </h2>
          <div className="body">
            <DocList items={latest} empty="暂无已发布的政府信息" />
          </div>
        </section>
        <section className="panel" aria-labelledby="nb-h">
          <h2 id="nb-h">
            政府信息公开年报 <a href="/xxgk/nb">更多</a>
          </h2>
          <div className="body">
            <DocList items={reports} empty="年度报告发布后在此显示" />
          </div>
        </section>
      </div>
    </Layout>
  );
}
