import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/app-deps.ts';
import { contextOf } from '../../http/auth-hooks.ts';
import { idParam } from '../../http/routes/params.ts';
import { answers } from '../../http/responses.ts';
import { okBody } from '../../platform/output-schemas.ts';
import { catalogDocument, catalogHealth, column, columnRow, comparison, disclosureProof, documentDetail, documentList, piiFinding } from './schemas.ts';
import { buildColumnsFromPlan } from './build-columns-from-plan.ts';
import { listColumns } from './list-columns.ts';
import { listFindings, piiInput, resolvePii } from './resolve-pii.ts';
import { reviewDocument, reviewInput, submitDocument, withdrawDocument, withdrawInput } from './review-document.ts';
import { documentInput, saveDocument } from './save-document.ts';
import { columnSettingsInput, updateColumn } from './update-column.ts';
import { getDocumentForEditor } from './get-document.ts';
import { getCatalogHealth } from './catalog-health.ts';
import { measureDisclosureProof } from './measure-disclosure-proof.ts';
import { compareRevisions } from './compare-revisions.ts';
import { interpretationInput, linkInterpretation, unlinkInterpretation } from './link-interpretation.ts';
import { z } from 'zod';
import { listDocuments, listDocumentsQuery } from './list-documents.ts';
import { catalogWorkbenchSources } from './workbench-sources.ts';
import { registerWorkbenchSource } from '../../platform/workbench/workbench-source.ts';

export const catalogRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  for (const source of catalogWorkbenchSources) registerWorkbenchSource(source);
  const { db } = deps.database;
  const tags = ['catalog'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);

  app.get('/api/catalog/sites/:id/columns', { config: { access: 'catalog.read' }, schema: { tags, summary: '某站点（区门户或部门网页）的栏目树', response: answers({ 200: z.object({ items: z.array(column) }) }), params: idParam } }, async (req) => ({ items: await listColumns(ctx(req), req.params.id) }));
  app.patch('/api/catalog/columns/:id', { config: { access: 'catalog.manage' }, schema: { tags, summary: '栏目设置', response: answers({ 200: columnRow }), params: idParam, body: columnSettingsInput } }, async (req) => updateColumn(ctx(req), req.params.id, req.body));
  app.post('/api/plans/:id/columns', { config: { access: 'catalog.manage' }, schema: { tags, summary: '按任务分工的公开路径建立栏目', response: answers({ 200: z.object({ created: z.number().int(), links: z.number().int() }) }), params: idParam } }, async (req) => buildColumnsFromPlan(ctx(req), req.params.id));

  app.get('/api/catalog/health', { config: { access: 'catalog.manage' }, schema: { tags, summary: '栏目检查：超期未更新、空白栏目、有效性待更新', response: answers({ 200: catalogHealth }) } }, async (req) => getCatalogHealth(ctx(req)));
  app.get('/api/measures/:id/disclosure-proof', { config: { access: 'plans.read' }, schema: { tags, summary: '举措公开路径对应栏目在计划年度内的发布情况', response: answers({ 200: disclosureProof }), params: idParam } }, async (req) => measureDisclosureProof(ctx(req), req.params.id));
  app.get('/api/documents', { config: { access: 'catalog.read' }, schema: { tags, summary: '文件列表：按站点、栏目（含子栏目）、状态、标题或文号筛选；awaiting=mine 为待我审核', response: answers({ 200: documentList }), querystring: listDocumentsQuery } }, async (req) => listDocuments(ctx(req), req.query));
  app.post('/api/documents', { config: { access: 'documents.edit' }, schema: { tags, summary: '新建文件（草稿）', response: answers({ 201: catalogDocument }), body: documentInput } }, async (req, reply) => reply.status(201).send(await saveDocument(ctx(req), req.body, undefined, { store: deps.store })));
  app.get('/api/documents/:id', { config: { access: 'catalog.read' }, schema: { tags, summary: '文件详情（含修订、审核记录）', response: answers({ 200: documentDetail }), params: idParam } }, async (req) => getDocumentForEditor(ctx(req), req.params.id));
  app.put('/api/documents/:id', { config: { access: 'documents.edit' }, schema: { tags, summary: '修改文件（已发布的形成待审副本）', response: answers({ 200: catalogDocument }), params: idParam, body: documentInput } }, async (req) => saveDocument(ctx(req), req.body, req.params.id, { store: deps.store }));
  app.post('/api/documents/:id/submit', { config: { access: 'documents.edit' }, schema: { tags, summary: '送审', response: answers({ 200: okBody }), params: idParam } }, async (req) => {
    await submitDocument(ctx(req), req.params.id);
    return { ok: true };
  });
  app.post('/api/documents/:id/reviews', { config: { access: 'documents.review' }, schema: { tags, summary: '审核：通过、退回或驳回（终审通过即发布）', response: answers({ 200: okBody }), params: idParam, body: reviewInput } }, async (req) => {
    await reviewDocument(ctx(req), req.params.id, req.body);
    return { ok: true };
  });
  app.get(
    '/api/documents/:id/compare',
    { config: { access: 'catalog.read' }, schema: { tags, summary: '比较两个版本', response: answers({ 200: comparison }), params: idParam, querystring: z.object({ a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) }) } },
    async (req) => compareRevisions(ctx(req), req.params.id, req.query.a, req.query.b),
  );
  app.post('/api/documents/:id/interpretations', { config: { access: 'documents.edit' }, schema: { tags, summary: '关联政策解读', response: answers({ 200: okBody }), params: idParam, body: interpretationInput } }, async (req) => {
    await linkInterpretation(ctx(req), req.params.id, req.body);
    return { ok: true };
  });
  app.delete('/api/documents/:id/interpretations/:interpretationId', { config: { access: 'documents.edit' }, schema: { tags, summary: '取消关联政策解读', response: answers({ 200: okBody }), params: z.object({ id: z.uuid(), interpretationId: z.uuid() }) } }, async (req) => {
    await unlinkInterpretation(ctx(req), req.params.id, req.params.interpretationId);
    return { ok: true };
  });
  app.get('/api/documents/:id/pii', { config: { access: 'documents.findings' }, schema: { tags, summary: '待处理的个人信息', response: answers({ 200: z.object({ items: z.array(piiFinding) }) }), params: idParam } }, async (req) => ({ items: await listFindings(ctx(req), req.params.id) }));
  app.post('/api/documents/:id/pii', { config: { access: 'documents.review' }, schema: { tags, summary: '去标识化或记录保留理由', response: answers({ 200: z.object({ masked: z.number().int(), kept: z.number().int() }) }), params: idParam, body: piiInput } }, async (req) => resolvePii(ctx(req), req.params.id, req.body));
  app.post('/api/documents/:id/withdraw', { config: { access: 'documents.review' }, schema: { tags, summary: '撤稿', response: answers({ 200: okBody }), params: idParam, body: withdrawInput } }, async (req) => {
    await withdrawDocument(ctx(req), req.params.id, req.body);
    return { ok: true };
  });
};
