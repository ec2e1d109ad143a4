import type { FeedItem } from '../modules/catalog/public/list-column-feed.ts';

/** Characters XML 1.0 cannot carry (control characters pasted from Word) are dropped, the rest escaped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** RSS 2.0 of a column. */
export function rssXml(opts: { title: string; link: string; self: string; description: string; items: FeedItem[]; base: string }): string {
  const built = opts.items.length ? new Date(Math.max(...opts.items.map((i) => i.changedAt.getTime()))) : new Date(0);
  const items = opts.items
    .map((i) => {
      const url = `${opts.base}/doc/${i.id}`;
      return `<item><title>${xmlText(i.title)}</title><link>${xmlText(url)}</link><guid isPermaLink="true">${xmlText(url)}</guid><pubDate>${i.publishedAt.toUTCString()}</pubDate><category>${xmlText(i.columnName)}</category><description>${xmlText(i.summary)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(opts.title)}</title>
<link>${xmlText(opts.link)}</link>
<atom:link href="${xmlText(opts.self)}" rel="self" type="application/rss+xml"/>
<description>${xmlText(opts.description)}</description>
<language>zh-cn</language>
<lastBuildDate>${built.toUTCString()}</lastBuildDate>
<ttl>60</ttl>
${items}
</channel>
</rss>
`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function urlsetXml(urls: { loc: string; lastmod?: Date | null }[]): string {
  const body = urls.map((u) => `<url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${isoDay(u.lastmod)}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

export function sitemapIndexXml(maps: { loc: string; lastmod?: Date | null }[]): string {
  const body = maps.map((m) => `<sitemap><loc>${xmlText(m.loc)}</loc>${m.lastmod ? `<lastmod>${isoDay(m.lastmod)}</lastmod>` : ''}</sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</sitemapindex>
`;
}
