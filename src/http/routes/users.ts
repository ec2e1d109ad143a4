import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, createUserInput } from '../../platform/users/create-user.ts';
import { listUsers } from '../../platform/users/list-users.ts';
import { resetPassword } from '../../platform/users/reset-password.ts';
import { updateUser, updateUserInput } from '../../platform/users/update-user.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { idParam, pageQuery } from './params.ts';
import { answers } from '../responses.ts';
import { timestamp } from '../../platform/output-schemas.ts';

/** An account as the API shows it: never the password hash, failed-login count or lock time. */
export const userView = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.string(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    lastLoginAt: timestamp.nullable(),
    phone: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'User' });

export const userRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: '用户列表', response: answers({ 200: z.object({ total: z.number().int(), items: z.array(userView) }) }), querystring: z.object({ q: z.string().max(50).optional(), unitId: z.uuid().optional(), ...pageQuery }) },
    },
    async (req) => listUsers(contextOf(req, db), req.query),
  );
  app.post('/api/users', { config: { access: 'users.manage' }, schema: { tags, summary: '新增用户（返回一次性密码）', response: answers({ 201: z.object({ user: userView, oneTimePassword: z.string() }) }), body: createUserInput } }, async (req, reply) =>
    reply.status(201).send(await createUser(contextOf(req, db), req.body)),
  );
  app.patch('/api/users/:id', { config: { access: 'users.manage' }, schema: { tags, summary: '修改用户、停用、解锁', response: answers({ 200: userView }), params: idParam, body: updateUserInput } }, async (req) =>
    updateUser(contextOf(req, db), req.params.id, req.body),
  );
  app.post('/api/users/:id/reset-password', { config: { access: 'users.manage' }, schema: { tags, summary: '重置密码（返回一次性密码）', response: answers({ 200: z.object({ username: z.string(), oneTimePassword: z.string() }) }), params: idParam } }, async (req) =>
    resetPassword(contextOf(req, db), req.params.id),
  );
};
