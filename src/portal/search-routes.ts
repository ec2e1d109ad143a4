import { createElement } from 'react';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/app-deps.ts';
import { answerOrShed, clientGone, type AdmissionGate } from '../http/admission-gate.ts';
import { AppError } from '../platform/errors.ts';
import { answers } from '../http/responses.ts';
import { readSearchChoices, searchOptionsFrom, type SearchChoicesCache } from '../modules/catalog/public/list-search-options.ts';
import { searchKey, type SearchCache } from '../modules/catalog/public/search-cache.ts';
import { searchDocuments, searchParams, type SearchParams, type SearchResult } from '../modules/catalog/public/search-documents.ts';
import type { CatalogVersion } from './catalog-version.ts';
import { prepare, send } from './http-cache.ts';
import type { SiteInfo } from './layout.tsx';
import { SearchPage, type SearchForm } from './pages/search-page.tsx';
import { renderPage } from './render.ts';

/** What the search routes share with the rest of the portal: the database gate and the catalog's version. */
export interface SearchContext {
  gate: AdmissionGate;
  version: CatalogVersion;
  results: SearchCache;
  choices: SearchChoicesCache;
}

/**
 * The search, answered from the results kept for this version of the catalog when it can be;
 * otherwise searched once the gate admits it (Overloaded when it cannot in time) — unless the
 * caller already holds a place (`admitted`).
 */
async function cachedSearch(deps: AppDeps, ctx: SearchContext, req: FastifyRequest, params: SearchParams, admitted = false): Promise<SearchResult> {
  const { db } = deps.database;
  const search = () => (admitted ? searchDocuments(db, params) : ctx.gate.run(() => searchDocuments(db, params), clientGone(req)));
  const key = searchKey(params);
  if (key === null) return search();
  await ctx.version.check();
  return ctx.results.get(ctx.version.current, key, search);
}

const hit = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  snippet: z.string().describe('正文摘录（HTML：命中处以 <mark> 标出，其余已转义）'),
  column: z.string().describe('所属栏目名称'),
  publishedAt: z.string().describe('发布时间（ISO 8601）'),
  titleHtml: z.string().describe('标题（HTML：命中处以 <mark> 标出）'),
  columnSlug: z.string(),
  docNumber: z.string().nullable(),
  publisher: z.string(),
  validity: z.string(),
});

/** GET /api/public/search: the public search as JSON, for anyone. */
export function publicSearchRoutes(app: FastifyInstance, deps: AppDeps, ctx: SearchContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: '公开信息检索（标题、正文、发文字号；支持单字、两字词、英文与数字）',
        description: '访问量过大时返回 503（错误代码 overloaded）并带 Retry-After 头，请按其秒数稍后重试。',
        querystring: searchParams,
        response: answers({
          200: z.object({ total: z.number().int(), totalExact: z.boolean(), totalKind: z.enum(['exact', 'estimate', 'atLeast']), page: z.number().int(), pageSize: z.number().int(), sort: z.enum(['relevance', 'date']), hits: z.array(hit) }),
        }),
      },
    },
    (req, reply) =>
      // A refusal sends the 503 itself (its body is the common error shape, not the 200 schema).
      answerOrShed(req, reply, async () => {
        const result = await cachedSearch(deps, ctx, req, req.query);
        reply.header('cache-control', 'public, max-age=60');
        return result;
      }) as Promise<SearchResult>,
  );
}

/**
 * GET /search: the results page; bad parameters show on the page, in Chinese. The whole answer
 * passes the gate — search, form choices and rendering (a millisecond or two of CPU even for kept
 * results) — so that a flood of result pages queues, and is refused, there.
 */
export function searchPageRoute(app: FastifyInstance, deps: AppDeps, site: SiteInfo, ctx: SearchContext) {
  const { db } = deps.database;
  app.get('/search', (req, reply) =>
    answerOrShed(req, reply, () => ctx.gate.run(async () => {
      const parsed = searchParams.safeParse(req.query ?? {});
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
      const form: SearchForm = parsed.success
        ? { q: parsed.data.q.trim(), column: parsed.data.column, unit: parsed.data.unit, year: parsed.data.year, validity: parsed.data.validity, type: parsed.data.type, sort: parsed.data.sort }
        : { q: str(raw.q).slice(0, 100).trim(), sort: str(raw.sort) === 'date' ? 'date' : 'relevance' };
      let result: SearchResult | null = null;
      let error: string | undefined;
      if (!parsed.success) error = parsed.error.issues[0]?.message ?? '搜索条件不正确';
      else if (form.q) {
        try {
          result = await cachedSearch(deps, ctx, req, parsed.data, true);
        } catch (e) {
          if (!(e instanceof AppError) || e.kind !== 'invalid') throw e;
          error = e.message;
        }
      }
      // The form's choices change only with the catalog: read once per version.
      await ctx.version.check();
      const choices = await ctx.choices.get(ctx.version.current, () => readSearchChoices(db));
      const body = renderPage(createElement(SearchPage, { site, form, options: searchOptionsFrom(choices), result, error }));
      return send(req, reply, prepare({ status: error ? 400 : 200, type: 'text/html; charset=utf-8', body }));
    }, clientGone(req))),
  );
}
