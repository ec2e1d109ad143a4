import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { QUERY_CODE_RE } from './query-code.ts';

export const codeInput = z.object({ code: z.string().trim().toUpperCase().max(20).regex(QUERY_CODE_RE, '查询码格式不正确（Q 开头，共 10 位）') });

/** What anyone holding the query code sees: the question, the state, the reply. Never the asker. */
export async function lookupConsultation(ctx: OpContext, raw: z.input<typeof codeInput>) {
  const { code } = codeInput.parse(raw);
  const [row] = await ctx.db
    .select({
      id: qaConsultations.id,
      queryCode: qaConsultations.queryCode,
      question: qaConsultations.question,
      status: qaConsultations.status,
      receivedOn: qaConsultations.receivedOn,
      dueOn: qaConsultations.dueOn,
      replyHtml: qaConsultations.replyHtml,
      repliedAt: qaConsultations.repliedAt,
      unitName: units.name,
      feedback: qaConsultations.feedback,
    })
    .from(qaConsultations)
    .leftJoin(units, eq(units.id, qaConsultations.unitId))
    .where(eq(qaConsultations.queryCode, code));
  if (!row) throw notFound('qa_code_not_found', '没有找到这个查询码，请核对后再试');
  return { ...row, unitName: row.status === 'replied' ? row.unitName : null };
}
