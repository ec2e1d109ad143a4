import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement, type ReactElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.ts';
import { PG_POOL_SIZE } from '../db/client.ts';
import { AdmissionGate, clientGone, gateLimitsFor, Overloaded, sendOverloaded } from '../http/admission-gate.ts';
import { PORTAL_ASSETS } from '../paths.ts';
import { getPublicAttachment, getPublicDocument } from '../modules/catalog/public/get-public-document.ts';
import { getSiteTree, listUnitSites } from '../modules/catalog/public/get-site-tree.ts';
import { isValidityGroup, listColumnDocuments } from '../modules/catalog/public/list-column-documents.ts';
import { listColumnFeed } from '../modules/catalog/public/list-column-feed.ts';
import { listColumnLatest, listLatestDocuments } from '../modules/catalog/public/list-latest-documents.ts';
import { SearchChoicesCache } from '../modules/catalog/public/list-search-options.ts';
import { SearchCache } from '../modules/catalog/public/search-cache.ts';
import { getSitemapSummary, listSitemapDocuments, SITEMAP_DOCS_PER_FILE } from '../modules/catalog/public/list-sitemap-entries.ts';
import { shanghaiDay } from '../modules/catalog/public/sql.ts';
import { columnUrl, docUrl } from './components.tsx';
import { siteInfo, type SiteInfo } from './layout.tsx';
import { MicroCache, prepare, send, type Prepared, type Rendered } from './http-cache.ts';
import type { PortalFrontDoor } from './front-door.ts';
import { CatalogPage } from './pages/catalog-page.tsx';
import { COMMITMENTS_URL, CommitmentsPage } from './pages/commitments-page.tsx';
import { isCommitmentState, listPublicCommitments } from '../modules/opinion/public/list-public-commitments.ts';
import { ColumnPage } from './pages/column-page.tsx';
import { DocumentPage } from './pages/document-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { publicSearchRoutes, searchPageRoute } from './search-routes.ts';
import { renderPage } from './render.ts';
import { rssXml, sitemapIndexXml, urlsetXml } from './xml.ts';
import { CatalogVersion } from './catalog-version.ts';

const css = readFileSync(path.join(PORTAL_ASSETS, 'portal.css'));
const cssEtag = `"${createHash('sha1').update(css).digest('base64url')}"`;

const HTML = 'text/html; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/** How long a rendered page is reused at most; a recorded change (audit log) drops it sooner, see CatalogVersion. */
export const PAGE_CACHE_MS = 5_000;

const caches = new Set<{ clear(): void }>();
/** Drops every rendered page and search result kept in memory (tests that change data and read the page at once). */
export function clearPortalCaches() {
  for (const c of caches) c.clear();
}

/** The page number of `?page=`; anything that is not a positive integer reads as page 1. */
function pageOf(req: FastifyRequest): number {
  const raw = (req.query as Record<string, unknown>)?.page;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/** The address of this site as the request named it, for the absolute URLs of feeds and sitemaps. */
function baseUrl(req: FastifyRequest): string {
  const host = req.headers.host ?? '';
  return `${req.protocol}://${/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || /^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : 'localhost'}`;
}

/**
 * The portal's 404 page, for the server's not-found handler (unknown paths outside /api), so that
 * every missing page of the site looks like the site.
 */
export function portalNotFoundHtml(site: SiteInfo): string {
  return renderPage(createElement(NotFoundPage, { site }));
}

/**
 * The public site. `gate` admits the requests that must read the database (a page not in memory, a
 * search not kept) — see admission-gate.ts; fresh pages and kept results never wait for it.
 */
export function portalRoutes(app: FastifyInstance, deps: AppDeps, front?: PortalFrontDoor, gate = new AdmissionGate(gateLimitsFor(deps.database.kind, PG_POOL_SIZE))) {
  const { db } = deps.database;
  const site = siteInfo(deps.config);
  const cache = new MicroCache(PAGE_CACHE_MS);
  const results = new SearchCache();
  const choices = new SearchChoicesCache();
  const kept = [cache, results, choices];
  for (const c of kept) caches.add(c);
  app.addHook('onClose', async () => kept.forEach((c) => caches.delete(c)));
  const version = new CatalogVersion(db, () => kept.forEach((c) => c.clear()));
  // A fresh page is answered before the framework while no change check is due (see front-door.ts).
  // When a check is due, the full path (below) makes it and waits for it.
  front?.attach((key) => (version.isCurrent() ? cache.peek(key) : null));
  app.addHook('onClose', async () => front?.close());

  const page = (status: number, el: ReactElement, lastModified?: Date | null): Rendered => ({ status, type: HTML, body: renderPage(el), lastModified });
  const notFound = (message?: string) => page(404, createElement(NotFoundPage, { site, message }));
  /**
   * A public response, reused from memory for a few seconds per key (answered at once when fresh
   * and no version check is due). `byUrl`: the key follows from the URL alone, so the front door
   * may answer this URL from the cache next time (not so for feeds and sitemaps, keyed by host too).
   */
  const serve = (req: FastifyRequest, reply: FastifyReply, key: string, produce: () => Promise<Rendered>, byUrl = true) => {
    const answer = (p: Prepared) => {
      if (byUrl && front && p.status === 200) front.remember(req.url, key, reply.getHeaders());
      return send(req, reply, p);
    };
    const checking = version.check();
    const fresh = checking ? null : cache.peek(key);
    if (fresh) return answer(fresh);
    return (async () => {
      await checking;
      try {
        // Rendering needs the database: through the gate (readers of the same page share one rendering).
        return answer(await cache.get(key, () => gate.run(produce, clientGone(req))));
      } catch (err) {
        if (err instanceof Overloaded) return sendOverloaded(req, reply, err);
        throw err;
      }
    })();
  };

  app.get('/assets/portal.css', async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', cssEtag).type('text/css; charset=utf-8');
    if (req.headers['if-none-match'] === cssEtag) return reply.status(304).send();
    return css;
  });

  app.get('/', (req, reply) =>
    serve(req, reply, 'home', async () => {
      const [latest, reports] = await Promise.all([listLatestDocuments(db, 10), listColumnLatest(db, 'nb', 6)]);
      const item = (d: (typeof latest)[number]) => ({ title: d.title, url: docUrl(d.id), date: shanghaiDay(d.publishedAt) });
      const lastModified = [...latest, ...reports].reduce<Date | null>((m, d) => (!m || d.publishedAt > m ? d.publishedAt : m), null);
      return page(200, createElement(HomePage, { site, latest: latest.map(item), reports: reports.map(item) }), lastModified);
    }),
  );

  app.get('/xxgk', (req, reply) =>
    serve(req, reply, 'tree', async () => {
      const [tree, unitSites] = await Promise.all([getSiteTree(db), listUnitSites(db)]);
      if (!tree) return notFound('尚未建立信息公开栏目。');
      return page(200, createElement(CatalogPage, { site, tree, unitSites }), tree.lastModified);
    }),
  );

  app.get<{ Params: { unitId: string } }>('/bm/:unitId', (req, reply) =>
    serve(req, reply, `bm:${req.params.unitId}`, async () => {
      const tree = await getSiteTree(db, req.params.unitId);
      if (!tree || tree.site.isDistrict) return notFound('该单位没有部门网页。');
      return page(200, createElement(CatalogPage, { site, tree }), tree.lastModified);
    }),
  );

  app.get<{ Params: { slug: string } }>('/xxgk/:slug', (req, reply) => {
    const n = pageOf(req);
    // 规范性文件库: ?validity=current|void shows one group; anything else, all.
    const raw = (req.query as Record<string, unknown>)?.validity;
    const group = isValidityGroup(raw) ? raw : null;
    return serve(req, reply, `col:${req.params.slug}:${n}:${group ?? ''}`, async () => {
      const data = await listColumnDocuments(db, req.params.slug, n, undefined, group);
      if (!data) return notFound('栏目不存在。');
      if (n > data.pages) return notFound(`“${data.column.name}”栏目只有 ${data.pages} 页。`);
      return page(200, createElement(ColumnPage, { site, data }), data.lastModified);
    });
  });

  app.get<{ Params: { slug: string } }>('/xxgk/:slug/rss.xml', (req, reply) => {
    const base = baseUrl(req);
    return serve(req, reply, `rss:${base}:${req.params.slug}`, async () => {
      const feed = await listColumnFeed(db, req.params.slug);
      if (!feed) return notFound('栏目不存在。');
      const link = `${base}${columnUrl(feed.column.slug)}`;
      const body = rssXml({
        title: `${feed.column.name} - ${feed.site.isDistrict ? `${site.district}人民政府` : feed.site.name}`,
        link,
        self: `${link}/rss.xml`,
        description: `${feed.site.name}“${feed.column.name}”栏目最新公开的政府信息`,
        items: feed.items,
        base,
      });
      const lastModified = feed.items.reduce<Date | null>((m, i) => (!m || i.changedAt > m ? i.changedAt : m), null);
      return { status: 200, type: 'application/rss+xml; charset=utf-8', body, lastModified };
    }, false);
  });

  app.get(COMMITMENTS_URL, (req, reply) => {
    const n = pageOf(req);
    const raw = (req.query as Record<string, unknown>)?.state;
    const state = isCommitmentState(raw) ? raw : null;
    return serve(req, reply, `commitments:${state ?? ''}:${n}`, async () => {
      const data = await listPublicCommitments(db, { state, page: n });
      if (n > data.pages) return notFound(`回应承诺清单只有 ${data.pages} 页。`);
      return page(200, createElement(CommitmentsPage, { site, data, state }));
    });
  });

  app.get<{ Params: { id: string } }>('/doc/:id', (req, reply) =>
    serve(req, reply, `doc:${req.params.id}`, async () => {
      const data = await getPublicDocument(db, req.params.id);
      if (!data) return notFound('该信息不存在或尚未公开。');
      return page(200, createElement(DocumentPage, { site, data }), data.lastModified);
    }),
  );

  /** Attachments of public documents, for anyone; the staff download stays behind its permission. */
  app.get<{ Params: { id: string; fileId: string } }>('/doc/:id/files/:fileId', async (req, reply) => {
    const file = await getPublicAttachment(db, req.params.id, req.params.fileId);
    if (!file) return send(req, reply, prepare(notFound('附件不存在或所属信息未公开。')));
    const stream = await deps.store.open(file.storageKey);
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(stream);
  });

  app.get('/sitemap.xml', (req, reply) => {
    const base = baseUrl(req);
    return serve(req, reply, `sitemap:${base}`, async () => {
      const s = await getSitemapSummary(db);
      const pages = [{ loc: `${base}/` }, { loc: `${base}/xxgk` }, ...s.columns.map((c) => ({ loc: `${base}${columnUrl(c.slug)}` })), ...s.unitSites.map((u) => ({ loc: `${base}/bm/${u.unitId}` }))];
      if (s.documentCount <= SITEMAP_DOCS_PER_FILE) {
        const docs = await listSitemapDocuments(db, 0);
        return { status: 200, type: XML, body: urlsetXml([...pages, ...docs.map((d) => ({ loc: `${base}${docUrl(d.id)}`, lastmod: d.lastModified }))]), lastModified: s.lastModified };
      }
      const parts = Math.ceil(s.documentCount / SITEMAP_DOCS_PER_FILE);
      const maps = [{ loc: `${base}/sitemaps/pages.xml` }, ...Array.from({ length: parts }, (_, i) => ({ loc: `${base}/sitemaps/docs-${i + 1}.xml`, lastmod: s.lastModified }))];
      return { status: 200, type: XML, body: sitemapIndexXml(maps), lastModified: s.lastModified };
    }, false);
  });

  /** The parts of a large site's sitemap index. */
  app.get<{ Params: { name: string } }>('/sitemaps/:name', (req, reply) => {
    const base = baseUrl(req);
    const m = /^(pages|docs-(\d{1,4}))\.xml$/.exec(req.params.name);
    return serve(req, reply, `sitemaps:${base}:${m ? m[0] : '-'}`, async () => {
      if (!m) return notFound();
      const s = await getSitemapSummary(db);
      if (m[1] === 'pages') {
        const pages = [{ loc: `${base}/` }, { loc: `${base}/xxgk` }, ...s.columns.map((c) => ({ loc: `${base}${columnUrl(c.slug)}` })), ...s.unitSites.map((u) => ({ loc: `${base}/bm/${u.unitId}` }))];
        return { status: 200, type: XML, body: urlsetXml(pages), lastModified: s.lastModified };
      }
      const part = Number(m[2]) - 1;
      const docs = part >= 0 ? await listSitemapDocuments(db, part) : [];
      if (!docs.length) return notFound();
      return { status: 200, type: XML, body: urlsetXml(docs.map((d) => ({ loc: `${base}${docUrl(d.id)}`, lastmod: d.lastModified }))), lastModified: s.lastModified };
    }, false);
  });

  const search = { gate, version, results, choices };
  searchPageRoute(app, deps, site, search);
  publicSearchRoutes(app, deps, search);
}
