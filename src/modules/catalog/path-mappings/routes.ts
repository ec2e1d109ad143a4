import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../http/app-deps.ts';
import { contextOf } from '../../../http/auth-hooks.ts';
import { idParam } from '../../../http/routes/params.ts';
import { answers } from '../../../http/responses.ts';
import { okBody } from '../../../platform/output-schemas.ts';
import { pathMapping, pathPreview } from '../schemas.ts';
import { deletePathMapping } from './delete-path-mapping.ts';
import { listPathMappings } from './list-path-mappings.ts';
import { previewPathMappings } from './preview-path-mappings.ts';
import { pathMappingInput, savePathMapping } from './save-path-mapping.ts';

/** 公开路径映射: how the notice's differently written path prefixes land on one column tree. */
export const pathMappingRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['catalog'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);

  app.get('/api/catalog/path-mappings', { config: { access: 'catalog.read' }, schema: { tags, summary: '公开路径映射', response: answers({ 200: z.object({ items: z.array(pathMapping) }) }) } }, async (req) => ({ items: await listPathMappings(ctx(req)) }));
  app.get(
    '/api/catalog/path-mappings/preview',
    { config: { access: 'catalog.read' }, schema: { tags, summary: '某计划的每条公开路径按映射对应到的栏目路径', response: answers({ 200: pathPreview }), querystring: z.object({ planId: z.uuid('计划编号格式不正确') }) } },
    async (req) => previewPathMappings(ctx(req), req.query.planId),
  );
  app.post('/api/catalog/path-mappings', { config: { access: 'catalog.manage' }, schema: { tags, summary: '新增公开路径映射', response: answers({ 201: pathMapping }), body: pathMappingInput } }, async (req, reply) =>
    reply.status(201).send(await savePathMapping(ctx(req), req.body)),
  );
  app.put('/api/catalog/path-mappings/:id', { config: { access: 'catalog.manage' }, schema: { tags, summary: '修改公开路径映射', response: answers({ 200: pathMapping }), params: idParam, body: pathMappingInput } }, async (req) =>
    savePathMapping(ctx(req), req.body, req.params.id),
  );
  app.delete('/api/catalog/path-mappings/:id', { config: { access: 'catalog.manage' }, schema: { tags, summary: '删除公开路径映射', response: answers({ 200: okBody }), params: idParam } }, async (req) => deletePathMapping(ctx(req), req.params.id));
};
