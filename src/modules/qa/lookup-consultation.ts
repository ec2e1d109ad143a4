import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { lookupByCode } from '../../platform/public-intake/lookup-by-code.ts';
import { QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { isProvisionalDue } from '../../platform/calendar/load-calendar.ts';

export const codeInput = z.object({ code: z.string({ message: '请填写查询码' }).trim().min(1, '请填写查询码').max(64, '查询码格式不正确') });

/**
 * The codes 一网答 handed out before it used the shared format (`Q` + 9 characters of 23456789 and
 * A–Z without I, L, O): still found, so nobody's code stops working. New codes are `ZX2026-…`.
 */
export const LEGACY_QA_CODE = /^Q[2-9A-HJKMNP-Z]{9}$/;

/**
 * What anyone holding the query code sees: the question, the state, the reply. Never the asker.
 * Through the public-intake look-up (per-address limits, unknown codes counted against the miss limit).
 */
export async function lookupConsultation(ctx: OpContext, settings: IntakeSettings, raw: z.input<typeof codeInput>) {
  const { code } = codeInput.parse(raw);
  const row = await lookupByCode(ctx, settings, { scope: 'qa', prefix: QUERY_CODE_PREFIXES.qa, code, legacy: LEGACY_QA_CODE }, async (canonical) => {
    const [r] = await ctx.db
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
      .where(eq(qaConsultations.queryCode, canonical));
    return r ?? null;
  });
  const dueProvisional = row.dueOn && row.status === 'registered' ? await isProvisionalDue(ctx.db, row.dueOn, row.receivedOn ?? row.dueOn) : false;
  return { ...row, dueProvisional, unitName: row.status === 'replied' ? row.unitName : null };
}
