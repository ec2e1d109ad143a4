import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../http/app-deps.ts';
import { contextOf } from '../../../http/auth-hooks.ts';
import { answers } from '../../../http/responses.ts';
import { idParam } from '../../../http/routes/params.ts';
import { textEnum } from '../../../platform/output-schemas.ts';
import { REVIEW_KINDS, REVIEW_RESULTS } from '../outcomes.ts';
import { districtReviews, listReviews, listReviewsInput } from './list-reviews.ts';
import { recordReview, recordReviewInput, updateReviewInput } from './record-review.ts';
import { updateReview } from './update-review.ts';

const day = z.string().describe('日期 YYYY-MM-DD');
const five = z.array(z.number().int()).describe('维持、纠正、其他、尚未审结、总计');
const section4 = z.object({ columns: z.array(z.string()), review: five, litigationDirect: five, litigationAfterReview: five });

export const reviewRecord = z
  .object({
    id: z.string(),
    agencyUnitId: z.string(),
    caseId: z.string().nullable(),
    code: z.string(),
    kind: textEnum(REVIEW_KINDS),
    filedOn: day,
    organ: z.string().nullable(),
    result: textEnum(REVIEW_RESULTS).nullable().describe('null：尚未审结'),
    resultOn: day.nullable(),
    lessons: z.string().nullable(),
    imported: z.boolean(),
  })
  .meta({ id: 'RequestReview' });
const reviewListItem = reviewRecord.extend({ agencyName: z.string(), caseCode: z.string().nullable() });

/** 行政复议 / 行政诉讼 records: an agency's own, and the 区司法局's view across agencies. */
export const reviewRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const tags = ['requests'];

  app.get('/api/requests/reviews', { config: { access: 'requests.read' }, schema: { tags, summary: '本机关的行政复议、行政诉讼记录（按立案年度或申请）', querystring: listReviewsInput, response: answers({ 200: z.object({ items: z.array(reviewListItem) }) }) } }, async (req) =>
    listReviews(ctx(req), req.query),
  );
  app.post('/api/requests/reviews', { config: { access: 'requests.reviews' }, schema: { tags, summary: '登记行政复议或行政诉讼（关联申请）', body: recordReviewInput, response: answers({ 201: reviewRecord }) } }, async (req, reply) =>
    reply.status(201).send(await recordReview(ctx(req), req.body)),
  );
  app.patch('/api/requests/reviews/:id', { config: { access: 'requests.reviews' }, schema: { tags, summary: '登记复议、诉讼结果（维持、纠正、其他）和经验教训', params: idParam, body: updateReviewInput, response: answers({ 200: reviewRecord }) } }, async (req) =>
    updateReview(ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/requests/reviews/district',
    {
      config: { access: 'requests.reviews_district' },
      schema: {
        tags,
        summary: '全区各机关某年度的政府信息公开行政复议、行政诉讼（区司法局统计；与年度报告第四部分同一计算）',
        querystring: z.object({ year: z.coerce.number().int().min(2008).max(2100) }),
        response: answers({ 200: z.object({ year: z.number().int(), total: section4, agencies: z.array(z.object({ agencyUnitId: z.string(), agencyName: z.string(), figures: section4 })), items: z.array(reviewListItem) }) }),
      },
    },
    async (req) => districtReviews(ctx(req), req.query.year),
  );
};
