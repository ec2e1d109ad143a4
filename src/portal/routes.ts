import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.ts';
import { PORTAL_ASSETS } from '../paths.ts';
import { HomePage } from './pages/home-page.tsx';
import { renderPage } from './render.ts';

const css = readFileSync(path.join(PORTAL_ASSETS, 'portal.css'));
const cssEtag = `"${createHash('sha1').update(css).digest('base64url')}"`;

export function portalRoutes(app: FastifyInstance, deps: AppDeps) {
  const site = { district: deps.config.DISTRICT_NAME, office: `重庆市${deps.config.DISTRICT_NAME}人民政府办公室` };

  app.get('/assets/portal.css', async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', cssEtag).type('text/css; charset=utf-8');
    if (req.headers['if-none-match'] === cssEtag) return reply.status(304).send();
    return css;
  });

  app.get('/', async (_req, reply) => {
    const html = renderPage(createElement(HomePage, { site, latest: [], reports: [] }));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(html);
  });
}
