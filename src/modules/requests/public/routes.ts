import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { units } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../http/app-deps.ts';
import { contextOf } from '../../../http/auth-hooks.ts';
import { answers } from '../../../http/responses.ts';
import { intakeSettings } from '../../../platform/public-intake/intake-settings.ts';
import { fieldString, readSubmission } from '../../../platform/public-intake/read-submission.ts';
import { textEnum } from '../../../platform/output-schemas.ts';
import { getPublicRequestStatus } from '../public-status.ts';
import { REQUEST_STATUSES } from '../statuses.ts';
import { MAX_ID_PROOFS, REQUEST_FIELD_LABELS, submitRequest } from '../submit-request.ts';

const codeParam = z.object({ code: z.string().max(64, '查询码格式不正确') });
const day = z.string().describe('日期 YYYY-MM-DD');

export const publicRequestStatus = z
  .object({
    code: z.string(),
    status: textEnum(REQUEST_STATUSES),
    statusText: z.string(),
    next: z.string().describe('接下来会怎样'),
    agencyName: z.string(),
    submittedOn: day,
    receivedOn: day.nullable(),
    dueOn: day.nullable(),
    dueNote: z.string().nullable().describe('答复期限暂不能计算的原因（如次年节假日安排尚未公布）'),
    closedOn: day.nullable(),
    outcome: z.string().nullable().describe('办理结果类别（年度报告第三部分的行）'),
    complaint: z.boolean().describe('按第三十九条作为投诉转交处理'),
  })
  .meta({ id: 'PublicRequestStatus' });

/** The agencies a request may be addressed to (受理机关), in the district's order. */
export const listAgencies = (db: Db) =>
  db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.active, true), eq(units.isAgency, true))).orderBy(asc(units.sort), asc(units.name));

/**
 * The public API of information requests, in the style of /api/public/messages: file (JSON,
 * urlencoded or multipart with the proof of identity in `idProof`; the challenge fields or
 * PUBLIC_FORM_CHALLENGE=off; `Idempotency-Key`), the status by query code, the agencies.
 */
export const requestPublicRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const settings = intakeSettings(deps.config);
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const tags = ['public'];
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));

  app.get('/api/public/requests/agencies', { config: { access: 'public' }, schema: { tags, summary: '依申请公开：可以受理申请的机关', response: answers({ 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) }) } }, async () => ({
    items: await listAgencies(db),
  }));

  app.post(
    '/api/public/requests',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '提交政府信息公开申请（multipart：字段 agencyUnitId, applicantKind, applicantName, applicantIdKind, applicantIdNumber, applicantPhone?, applicantEmail?, applicantAddress?, description, docNumber?, purpose?, preferredForm, deliveryMethod，身份证明文件 idProof 1–3 个）→ {code, agencyName}',
        response: answers({ 200: z.object({ code: z.string(), agencyName: z.string() }) }),
      },
    },
    async (req) => {
      const { fields, uploads } = await readSubmission(req, deps.config.UPLOAD_MAX_MB * 1048576, { maxFiles: MAX_ID_PROOFS, labels: REQUEST_FIELD_LABELS });
      const r = await submitRequest(ctx(req), { config: deps.config, settings, store: deps.store }, fields, {
        proof: { altcha: fieldString(fields, 'altcha'), challengeToken: fieldString(fields, 'challengeToken'), challengeAnswer: fieldString(fields, 'challengeAnswer') },
        token: fieldString(fields, 'submissionToken'),
        idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null,
        uploads,
      });
      return { code: r.code, agencyName: r.agencyName };
    },
  );

  app.get('/api/public/requests/:code', { config: { access: 'public' }, schema: { tags, summary: '凭查询码查看申请的办理状态（不含个人信息）', params: codeParam, response: answers({ 200: publicRequestStatus }) } }, async (req) =>
    getPublicRequestStatus(ctx(req), settings, req.params.code),
  );
};
