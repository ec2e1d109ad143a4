import type { ReactNode } from 'react';
import { districtGovernment, type SiteNames } from '../platform/site-names.ts';

export interface SiteInfo {
  district: string;
  office: string;
}

/** The site's names from the settings: the district, and its government office (重庆市渝中区人民政府办公室). */
export function siteInfo(names: SiteNames): SiteInfo {
  return { district: names.DISTRICT_NAME, office: `${districtGovernment(names)}办公室` };
}

// Only pages that exist.
export const NAV = [
  { href: '/', label: '首页' },
  { href: '/xxgk/zn', label: '政府信息公开指南' },
  { href: '/xxgk/zd', label: '政府信息公开制度' },
  { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' },
  { href: '/xxgk/ml', label: '政府信息公开目录' },
  { href: '/xxgk/nb', label: '政府信息公开年报' },
  { href: '/ysqgk', label: '依申请公开' },
  { href: '/chengnuo', label: '回应承诺' },
  { href: '/hdjl/xx', label: '公开信箱' },
  { href: '/yiwangda', label: '一网答' },
];

function NavItems({ current }: { current: string }) {
  return (
    <>
      {NAV.map((n) => (
        <li key={n.href}>
          <a href={n.href} aria-current={n.href === current ? 'page' : undefined}>
            {n.label}
          </a>
        </li>
      ))}
    </>
  );
}

/** The frame of every public page: landmarks, skip link, search, and a footer naming the site's owner. */
export function Layout(props: {
  site: SiteInfo;
  title: string;
  current: string;
  children: ReactNode;
  /** The search page has its own search form: the header's box would be a second one. */
  noHeaderSearch?: boolean;
  /** Extra elements of <head>: a feed link, robots. */
  head?: ReactNode;
  description?: string;
}) {
  const { site } = props;
  const current = NAV.find((n) => n.href === props.current);
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${site.district}人民政府`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/portal.css" />
        {props.head}
      </head>
      <body>
        <a className="skip" href="#main">跳到正文</a>
        <header className="site-header">
          <div className="wrap">
            <p className="site-title">
              <a href="/">
                {site.district}人民政府
                <small>政务公开</small>
              </a>
            </p>
            {props.noHeaderSearch ? null : (
              <form className="search" role="search" aria-label="站内搜索" action="/search" method="get">
                <label htmlFor="q">站内搜索</label>
                <input id="q" name="q" type="search" placeholder="搜索政府信息、政策文件" maxLength={100} />
                <button type="submit">搜索</button>
              </form>
            )}
          </div>
        </header>
        <nav className="main-nav" aria-label="主导航">
          <ul className="wrap nav-wide">
            <NavItems current={props.current} />
          </ul>
          {/* On a phone the menu folds into one line, opened without script (details/summary). */}
          <details className="nav-menu">
            <summary>
              <span>栏目导航</span>
              {current ? <span className="nav-here">{current.label}</span> : null}
            </summary>
            <ul>
              <NavItems current={props.current} />
            </ul>
          </details>
        </nav>
        <main id="main" className="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>主办：{site.office}　　政务公开工作平台</p>
            <p>
              <a href="/admin/">工作人员登录</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
