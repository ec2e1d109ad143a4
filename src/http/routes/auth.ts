import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { units } from '../../db/schema/index.ts';
import { permissionsOf, POLICY, ROLE_CODES, ROLES, roleDuties, type Permission } from '../../platform/policy.ts';
import { changePassword, changePasswordInput } from '../../platform/users/change-password.ts';
import { login, loginInput } from '../../platform/users/login.ts';
import { closeSession } from '../../platform/users/sessions.ts';
import { unreadCount } from '../../platform/notifications/inbox.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf, SESSION_COOKIE } from '../auth-hooks.ts';
import { answers } from '../responses.ts';
import { okBody } from '../../platform/output-schemas.ts';
import { userView } from './users.ts';

const me = z.object({
  user: z.object({ id: z.string(), username: z.string(), name: z.string(), unitId: z.string(), roles: z.array(z.string()), unitName: z.string() }),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.enum(Object.keys(POLICY) as [Permission, ...Permission[]])),
  unread: z.number().int(),
});

export const authRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const cookieOpts = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.COOKIE_SECURE,
  };

  app.post('/api/auth/login', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '登录', response: answers({ 200: z.object({ user: userView, csrfToken: z.string(), mustChangePassword: z.boolean() }) }), body: loginInput } }, async (req, reply) => {
    const result = await login(contextOf(req, db), req.body, { userAgent: req.headers['user-agent'] }, {
      maxFailures: deps.config.LOGIN_MAX_FAILURES,
      lockMinutes: deps.config.LOGIN_LOCK_MINUTES,
      sessionHours: deps.config.SESSION_HOURS,
    });
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts, maxAge: deps.config.SESSION_HOURS * 3600 });
    return { user: result.user, csrfToken: result.csrfToken, mustChangePassword: result.user.mustChangePassword };
  });

  app.post('/api/auth/logout', { config: { access: 'authenticated', duringPasswordChange: true }, schema: { tags: ['auth'], summary: '退出登录', response: answers({ 200: okBody }) } }, async (req, reply) => {
    if (req.sessionToken) await closeSession(db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, cookieOpts);
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { access: 'authenticated', duringPasswordChange: true }, schema: { tags: ['auth'], summary: '当前用户、权限与未读通知数', response: answers({ 200: me }) } }, async (req) => {
    const s = req.session!;
    const ctx = contextOf(req, db);
    const [unit] = await db.select({ name: units.name, shortName: units.shortName }).from(units).where(eq(units.id, s.actor.unitId));
    return {
      user: { ...s.actor, unitName: unit?.shortName ?? unit?.name ?? '' },
      csrfToken: s.csrfToken,
      mustChangePassword: s.mustChangePassword,
      permissions: permissionsOf(s.actor),
      unread: s.mustChangePassword ? 0 : await unreadCount(ctx),
    };
  });

  app.post(
    '/api/auth/change-password',
    { config: { access: 'authenticated', duringPasswordChange: true }, schema: { tags: ['auth'], summary: '修改本人密码', response: answers({ 200: okBody }), body: changePasswordInput } },
    async (req) => {
      await changePassword(contextOf(req, db), req.body, req.session!.sessionId);
      return { ok: true };
    },
  );

  app.get('/api/policy', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '角色与权限表', response: answers({ 200: z.object({ roles: z.record(z.string(), z.string()), duties: z.record(z.string(), z.string()), policy: z.record(z.string(), z.array(z.string()).readonly()) }) }) } }, async () => ({
    roles: ROLES,
    duties: Object.fromEntries(ROLE_CODES.map((r) => [r, roleDuties(r)])),
    policy: POLICY,
  }));

};
