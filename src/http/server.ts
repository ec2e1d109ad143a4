import { reportRoutes } from '../modules/reports/routes.ts';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portalNotFoundHtml, portalRoutes } from '../portal/routes.ts';
import { siteInfo } from '../portal/layout.tsx';
import { mailboxPortalRoutes } from '../portal/mailbox-routes.ts';
import { requestPortalRoutes } from '../portal/request-routes.ts';
import { qaPortalRoutes } from '../portal/qa-routes.ts';
import { PortalFrontDoor } from '../portal/front-door.ts';
import { PG_POOL_SIZE } from '../db/client.ts';
import { AdmissionGate, gateLimitsFor, refuseEarly, writeOverloaded } from './admission-gate.ts';
import { RequestScheduler, SCHEDULER_LIMITS } from './request-scheduler.ts';
import { MemoryReturn } from './memory-return.ts';
import type { AppDeps } from './app-deps.ts';
import { trustProxyOption } from '../config.ts';
import { installAuth } from './auth-hooks.ts';
import { installErrorHandler } from './error-handler.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { fileRoutes } from './routes/files.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { unitRoutes } from './routes/units.ts';
import { userRoutes } from './routes/users.ts';
import { workbenchRoutes } from './routes/workbench.ts';
import { planRoutes } from '../modules/plans/routes.ts';
import { qaRoutes } from '../modules/qa/routes.ts';
import { catalogRoutes } from '../modules/catalog/routes.ts';
import { mailboxRoutes } from '../modules/mailbox/routes.ts';
import { pathMappingRoutes } from '../modules/catalog/path-mappings/routes.ts';
import { opinionRoutes } from '../modules/opinion/routes.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { publicIntakeRoutes } from './routes/public-intake.ts';
import { requestRoutes } from '../modules/requests/routes.ts';
import type { RouteAccess } from './route-config.ts';
import { WEB_DIST as webDist } from '../paths.ts';
export { webDist };

z.config(z.locales.zhCN());


export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's declared answers by status (zod schemas), and the media types of a file download. */
  response?: Record<string, unknown>;
  produces?: readonly string[];
}

/** Builds the whole HTTP application; start-up (or a test) decides where it listens. */
export async function buildServer(deps: AppDeps, opts: { logger?: boolean; /** Where the log goes instead of stdout (tests read it). */ logStream?: { write(line: string): void } } = {}) {
  // Fresh public pages are answered before the framework (see front-door.ts); the rest goes to Fastify.
  const front = new PortalFrontDoor();
  // The public routes that read the database are admitted through one gate per process: a burst
  // of searches is shed (503) instead of queueing without bound in the database driver, so that
  // health checks, cached pages and the staff's work keep being answered. When the gate refuses
  // everything anyway, searches are refused here, before the framework (admission-gate.ts).
  const gate = new AdmissionGate(gateLimitsFor(deps.database.kind, PG_POOL_SIZE));
  // What is left of a flood takes turns, so that the loop keeps reading new connections (request-scheduler.ts).
  const turns = new RequestScheduler(SCHEDULER_LIMITS, writeOverloaded);
  // What a burst took is given back once it is over (memory-return.ts).
  const memory = new MemoryReturn();
  const app = Fastify({
    serverFactory: (handler) => http.createServer((req, res) => void (memory.noteRequest(), front.tryServe(req, res) || refuseEarly(gate, req, res) || turns.admit(req, res, handler))),
    logger: opts.logger ? { level: deps.config.LOG_LEVEL, ...(opts.logStream && { stream: opts.logStream }) } : false,
    // One line per request only when the operator asks for it (LOG_LEVEL=debug): by default the log
    // holds start, stop, warnings and errors. Fastify's own per-request lines (at info) are off; the
    // request hook below writes one at debug. (Fastify 5.8+ takes this through its LogController.)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    // The client's address (rate limits, audit) comes from X-Forwarded-For only behind a configured proxy.
    trustProxy: trustProxyOption(deps.config.TRUST_PROXY),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (r.url.startsWith('/api/') && r.config?.access)
      for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: r.url, access: r.config.access, response: r.schema?.response as Record<string, unknown> | undefined, produces: r.schema?.produces });
  });
  app.decorate('routeTable', routes);
  // Requests at debug; a server error at error is logged by Fastify's error handler anyway.
  app.addHook('onResponse', (req, reply, done) => {
    req.log.debug({ method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });
  // /api/docs documents the API: the portal's pages, feeds and files and the admin app's HTML stay out.
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) r.schema = { ...r.schema, hide: true };
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongkai 政务公开工作平台 API', version: deps.version, description: '接口返回 JSON（文件下载除外）；错误体为 {"error":{"code","message","details"}}，见 ErrorBody。' },
    },
    transform: jsonSchemaTransform,
    // Schemas named with .meta({ id }) (the error body, a plan, a document …) become components.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  installAuth(app, deps.database.db);

  for (const plugin of [healthRoutes, authRoutes, unitRoutes, userRoutes, auditRoutes, calendarRoutes, notificationRoutes, fileRoutes, jobRoutes, ledgerRoutes, publicIntakeRoutes, workbenchRoutes, planRoutes, catalogRoutes, pathMappingRoutes, requestRoutes, reportRoutes, opinionRoutes, mailboxRoutes, qaRoutes])
    await app.register(plugin(deps));

  app.decorate('admissionGate', gate);
  app.decorate('requestTurns', turns);
  app.addHook('onClose', async () => (gate.close(), memory.close()));
  portalRoutes(app, deps, front, gate);
  // The mailbox's public pages, with the urlencoded parser their no-JS forms need (this scope only).
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    mailboxPortalRoutes(scope, deps);
    requestPortalRoutes(scope, deps);
  });
  qaPortalRoutes(app, deps, siteInfo(deps.config));
  await registerAdminApp(app);

  // Every missing page of the site looks like the site.
  const notFoundPage = portalNotFoundHtml(siteInfo(deps.config));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply.status(404).send({ error: { code: 'route_not_found', message: '接口不存在' } });
    return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage);
  });
  return app;
}

/** The built admin app (Vite) under /admin/, with client-side routes falling back to index.html. */
async function registerAdminApp(app: FastifyInstance) {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/admin/*', async (_req, reply) =>
      reply.status(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>管理端未构建</title><p>管理端尚未构建，请运行 <code>npm run build</code> 后重启。</p></html>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDist, prefix: '/admin/', wildcard: false, index: false, maxAge: '1y', immutable: true });
  const html = fs.readFileSync(index);
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  app.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  app.get('/admin/', sendIndex);
  app.get('/admin/*', sendIndex);
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
    admissionGate: AdmissionGate;
    requestTurns: RequestScheduler;
  }
}
