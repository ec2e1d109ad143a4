import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInbox, markRead } from '../../platform/notifications/inbox.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { pageQuery } from './params.ts';
import { answers } from '../responses.ts';
import { timestamp } from '../../platform/output-schemas.ts';

const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const notificationRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: '我的通知', response: answers({ 200: z.object({ total: z.number().int(), unread: z.number().int(), items: z.array(notification) }) }), querystring: z.object({ unreadOnly: z.enum(['true', 'false']).optional(), ...pageQuery }) },
    },
    async (req) => listInbox(contextOf(req, db), { ...req.query, unreadOnly: req.query.unreadOnly === 'true' }),
  );
  app.post(
    '/api/notifications/read',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: '标为已读（不传 ids 则全部）', response: answers({ 200: z.object({ marked: z.number().int() }) }), body: z.object({ ids: z.array(z.uuid()).max(500).optional() }) },
    },
    async (req) => ({ marked: await markRead(contextOf(req, db), req.body.ids) }),
  );
};
