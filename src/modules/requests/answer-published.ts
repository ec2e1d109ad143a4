import { and, eq, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { catalogColumns, documents, requestItems } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { decideRequest } from './decide-request.ts';
import { loadCase } from './load-case.ts';
import { note, text } from './inputs.ts';
import type { RequestSettings } from './settings.ts';

export const answerPublishedInput = z
  .object({
    /** The items answered this way (default: every item not yet decided). */
    seqs: z.array(z.number().int().min(1).max(100)).min(1).max(20).optional(),
    /** The published document on this site, when it is one. */
    documentId: z.uuid('文件编号不正确').optional(),
    /** Where and how to find it otherwise (another site's address, a 公开查阅点 …). */
    where: text(1000, '获取途径').optional(),
    note,
  })
  .refine((v) => v.documentId || v.where, { message: '请选择已公开的文件，或写明获取的方式和途径', path: ['where'] });

/** The document's page on the portal (src/portal/components.tsx docUrl). */
const documentPage = (id: string) => `/doc/${id}`;

/**
 * A request for information already made public (条例第三十六条第（一）项): the applicant is told where
 * and how to get it. Decided 予以公开 (report row 三（一）; a case that also declines something counts
 * as 部分公开 by caseOutcome), the reason naming the document, its 文号, publication date and page, or
 * the place given. Goes through decideRequest: same checks, timeline, clock and audit.
 */
export async function answerPublished(ctx: OpContext, settings: RequestSettings, caseId: string, raw: z.input<typeof answerPublishedInput>) {
  const input = answerPublishedInput.parse(raw);
  assertCan(ctx.actor, 'requests.handle');
  await loadCase(ctx, ctx.actor, caseId);
  let place = input.where?.trim() ?? '';
  if (input.documentId) {
    const [d] = await ctx.db
      .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber, publishedAt: documents.publishedAt, column: catalogColumns.name })
      .from(documents)
      .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
      .where(and(eq(documents.id, input.documentId), inArray(documents.status, ['published', 'scheduled']), lte(documents.publishedAt, new Date())));
    if (!d) throw invalid('document_not_public', '所选文件不存在或尚未公开');
    const published = d.publishedAt ? todayInShanghai(d.publishedAt) : '';
    place = `《${d.title}》${d.docNumber ? `（${d.docNumber}）` : ''}已于 ${published} 在本网站“${d.column}”栏目公开，网址 ${documentPage(d.id)}${place ? `；${place}` : ''}`;
  }
  const reason = `您申请的信息已经主动公开（条例第三十六条第（一）项），获取方式和途径：${place}。`;
  let seqs = input.seqs;
  if (!seqs) {
    const items = await ctx.db.select({ seq: requestItems.seq, outcome: requestItems.outcome }).from(requestItems).where(eq(requestItems.caseId, caseId));
    seqs = items.filter((i) => i.outcome === null).map((i) => i.seq);
    if (!seqs.length) throw invalid('nothing_to_decide', '各项申请内容均已作出决定');
  }
  return decideRequest(ctx, settings, caseId, { decisions: seqs.map((seq) => ({ seq, outcome: '1', reason })), note: input.note ?? '所申请信息已主动公开，告知获取方式和途径' });
}
