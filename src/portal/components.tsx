import type { ListedDocument } from '../modules/catalog/public/list-column-documents.ts';
import type { PublicColumn, PublicSite } from '../modules/catalog/public/columns.ts';
import { shanghaiDay } from '../modules/catalog/public/sql.ts';
import { NAV } from './layout.tsx';

export const VALIDITY_LABEL: Record<string, string> = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' };

export const columnUrl = (slug: string) => `/xxgk/${encodeURIComponent(slug)}`;
export const docUrl = (id: string) => `/doc/${id}`;
export const siteUrl = (site: PublicSite) => (site.isDistrict ? '/xxgk' : `/bm/${site.unitId}`);

/** The main-navigation entry a column belongs to: the nearest of its path that the navigation names. */
export function navOf(path: { slug: string }[]): string {
  for (const c of [...path].reverse()) {
    const hit = NAV.find((n) => n.href === columnUrl(c.slug));
    if (hit) return hit.href;
  }
  return '';
}

export interface Crumb {
  label: string;
  href?: string;
}

/** The crumbs of a column path: home, the unit's sub-site when it is one, then each column. */
export function columnCrumbs(site: PublicSite, path: PublicColumn[], opts: { linkLast?: boolean } = {}): Crumb[] {
  const crumbs: Crumb[] = [{ label: '首页', href: '/' }];
  if (!site.isDistrict) crumbs.push({ label: '部门网页', href: '/xxgk#bm' }, { label: site.name, href: siteUrl(site) });
  path.forEach((c, i) => crumbs.push({ label: c.name, href: i < path.length - 1 || opts.linkLast ? columnUrl(c.slug) : undefined }));
  return crumbs;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav className="crumbs" aria-label="当前位置">
      <ol>
        {items.map((c, i) => (
          <li key={`${i}-${c.label}`}>
            {c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Page links that work without script: previous, a window of numbers around the current page, next. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const from = Math.max(1, Math.min(page - 2, pages - 4));
  const to = Math.min(pages, from + 4);
  const nums = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <nav className="pager" aria-label="分页">
      <ul>
        <li>{page > 1 ? <a href={href(page - 1)} rel="prev">上一页</a> : <span className="off">上一页</span>}</li>
        {from > 1 ? (
          <li>
            <a href={href(1)} aria-label="第 1 页">1</a>
            {from > 2 ? <span className="gap">…</span> : null}
          </li>
        ) : null}
        {nums.map((n) => (
          <li key={n}>
            {n === page ? (
              <span className="cur" aria-current="page" aria-label={`第 ${n} 页，当前页`}>
                {n}
              </span>
            ) : (
              <a href={href(n)} aria-label={`第 ${n} 页`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {to < pages ? (
          <li>
            {to < pages - 1 ? <span className="gap">…</span> : null}
            <a href={href(pages)} aria-label={`第 ${pages} 页`}>{pages}</a>
          </li>
        ) : null}
        <li>{page < pages ? <a href={href(page + 1)} rel="next">下一页</a> : <span className="off">下一页</span>}</li>
      </ul>
    </nav>
  );
}

/** A list of documents with their dates; the column is named when the list spans several. */
export function DocumentList({ items, showColumn }: { items: ListedDocument[]; showColumn?: boolean }) {
  return (
    <ul className="list doc-list">
      {items.map((d) => (
        <li key={d.id}>
          <span className="doc-title">
            <a href={docUrl(d.id)}>{d.title}</a>
            {d.validity !== 'valid' ? <span className={`tag tag-${d.validity}`}>{VALIDITY_LABEL[d.validity] ?? d.validity}</span> : null}
            {showColumn ? <span className="doc-col">{d.columnName}</span> : null}
          </span>
          <time dateTime={d.publishedAt.toISOString()}>{shanghaiDay(d.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}

/** A section's tabs (提交 / 查询 / …) under its heading; the current page marked for screen readers. */
export function SubTabs({ label, tabs, current }: { label: string; tabs: { href: string; label: string }[]; current: string }) {
  return (
    <nav className="subcols" aria-label={label}>
      <ul>
        {tabs.map((t) => (
          <li key={t.href}>
            <a href={t.href} aria-current={t.href === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** After a reply-by date whose year's holidays are not yet published (`Calendar.isProvisional`): say how it was counted. */
export function ProvisionalNote({ date, provisional }: { date: string | null; provisional?: boolean }) {
  if (!date || !provisional) return null;
  return <span className="provisional">（{date.slice(0, 4)} 年节假日安排尚未公布，暂按周一至周五推算，公布后自动重新计算）</span>;
}
