import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthenticated } from '../platform/errors.ts';
import type { Db } from '../db/client.ts';
import type { OpContext } from '../platform/context.ts';
import { can } from '../platform/policy.ts';
import { findSession, type SessionInfo } from '../platform/users/sessions.ts';
import './route-config.ts';

export const SESSION_COOKIE = 'gk_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionToken: string | null;
  }
}

/**
 * Every /api route declares who may call it; the hooks here enforce it before the handler runs:
 * session from the cookie, CSRF token on state changes, forced password change, then the policy.
 */
export function installAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access && !route.url.startsWith('/api/docs'))
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  // onRequest, before the body is parsed or validated: a caller without the right learns nothing about the input rules.
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      req.session = await findSession(db, token);
      if (req.session) req.sessionToken = token;
    }
    if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
    if (access === 'public') return;
    if (!req.session) throw unauthenticated('请先登录或登录已过期');
    if (req.session.mustChangePassword && !req.routeOptions.config.duringPasswordChange)
      throw new AppError('forbidden', 'password_change_required', '首次登录或密码被重置后，请先修改密码');
    if (access !== 'authenticated' && !can(req.session.actor, access)) throw forbidden();
  });
}

/**
 * Double-submit check: a state change made with a session must carry that session's token in a
 * header, which another site cannot read. Without a session the request must come from our own origin.
 */
function checkCsrf(req: FastifyRequest) {
  if (req.session) {
    if (req.headers['x-csrf-token'] !== req.session.csrfToken)
      throw new AppError('forbidden', 'csrf_failed', '请求校验失败，请刷新页面后重试');
    return;
  }
  const origin = req.headers.origin;
  // "null" (a sandboxed frame, a file: page) and anything that is no URL come from no origin we serve.
  if (origin && originHost(origin) !== req.headers.host)
    throw new AppError('forbidden', 'csrf_failed', '跨站请求被拒绝');
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function contextOf(req: FastifyRequest, db: Db): OpContext {
  return { db, actor: req.session?.actor ?? null, ip: req.ip };
}
