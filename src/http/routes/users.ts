import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, createUserInput } from '../../platform/users/create-user.ts';
import { listUsers } from '../../platform/users/list-users.ts';
import { resetPassword } from '../../platform/users/reset-password.ts';
import { updateUser, updateUserInput } from '../../platform/users/update-user.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { idParam, pageQuery } from './params.ts';

export const userRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: '用户列表', querystring: z.object({ q: z.string().max(50).optional(), unitId: z.uuid().optional(), ...pageQuery }) },
    },
    async (req) => listUsers(contextOf(req, db), req.query),
  );
  app.post('/api/users', { config: { access: 'users.manage' }, schema: { tags, summary: '新增用户（返回一次性密码）', body: createUserInput } }, async (req, reply) =>
    reply.status(201).send(await createUser(contextOf(req, db), req.body)),
  );
  app.patch('/api/users/:id', { config: { access: 'users.manage' }, schema: { tags, summary: '修改用户、停用、解锁', params: idParam, body: updateUserInput } }, async (req) =>
    updateUser(contextOf(req, db), req.params.id, req.body),
  );
  app.post('/api/users/:id/reset-password', { config: { access: 'users.manage' }, schema: { tags, summary: '重置密码（返回一次性密码）', params: idParam } }, async (req) =>
    resetPassword(contextOf(req, db), req.params.id),
  );
};
