import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/app-deps.ts';
import { AppError } from '../platform/errors.ts';
import { answers } from '../http/responses.ts';
import { listSearchOptions } from '../modules/catalog/public/list-search-options.ts';
import { searchDocuments, searchParams, type SearchResult } from '../modules/catalog/public/search-documents.ts';
import { prepare, send } from './http-cache.ts';
import type { SiteInfo } from './layout.tsx';
import { SearchPage, type SearchForm } from './pages/search-page.tsx';
import { renderPage } from './render.ts';

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
export function publicSearchRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps.database;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: '公开信息检索（标题、正文、发文字号；支持单字、两字词、英文与数字）',
        querystring: searchParams,
        response: answers({
          200: z.object({ total: z.number().int(), totalExact: z.boolean(), totalKind: z.enum(['exact', 'estimate', 'atLeast']), page: z.number().int(), pageSize: z.number().int(), sort: z.enum(['relevance', 'date']), hits: z.array(hit) }),
        }),
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return searchDocuments(db, req.query);
    },
  );
}

/** GET /search: the results page; bad parameters show on the page, in Chinese. */
export function searchPageRoute(app: FastifyInstance, deps: AppDeps, site: SiteInfo) {
  const { db } = deps.database;
  app.get('/search', async (req, reply) => {
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
        result = await searchDocuments(db, parsed.data);
      } catch (e) {
        if (!(e instanceof AppError) || e.kind !== 'invalid') throw e;
        error = e.message;
      }
    }
    const options = await listSearchOptions(db);
    const body = renderPage(createElement(SearchPage, { site, form, options, result, error }));
    return send(req, reply, prepare({ status: error ? 400 : 200, type: 'text/html; charset=utf-8', body }));
  });
}
