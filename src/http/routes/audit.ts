import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../platform/audit/list-audit.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../platform/audit/audit-labels.ts';
import { anchorFile, readAuditAnchors } from '../../platform/audit/audit-anchor.ts';
import { verifyAudit } from '../../platform/audit/verify-audit.ts';
import { isValidDate } from '../../platform/calendar/dates.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { pageQuery } from './params.ts';
import { answers } from '../responses.ts';
import { timestamp } from '../../platform/output-schemas.ts';

const auditRow = z.object({
  id: z.number().int(),
  at: timestamp,
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
const auditVerdict = z.union([
  z.object({ ok: z.literal(true), rows: z.number().int(), anchors: z.number().int() }),
  z.object({ ok: z.literal(false), rows: z.number().int(), brokenId: z.number().int(), reason: z.string() }),
]);

const date = z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD');

export const auditRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志', response: answers({ 200: z.object({ total: z.number().int(), items: z.array(auditRow) }) }),
        querystring: z.object({
          q: z.string().max(100).optional(),
          entity: z.string().max(50).optional(),
          action: z.string().max(80).optional(),
          actorId: z.uuid().optional(),
          from: date.optional(),
          to: date.optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => listAudit(contextOf(req, db), req.query),
  );
  app.get(
    '/api/audit/labels',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: '审计日志的动作与对象类型名称', response: answers({ 200: z.object({ actions: z.record(z.string(), z.string()), entities: z.record(z.string(), z.string()) }) }) } },
    async () => ({ actions: AUDIT_ACTIONS, entities: AUDIT_ENTITIES }),
  );
  app.get('/api/audit/verify', { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: '校验审计日志哈希链及库外锚点', response: answers({ 200: auditVerdict }) } }, async () =>
    verifyAudit(db, readAuditAnchors(anchorFile(deps.config.dataDir))),
  );
};
