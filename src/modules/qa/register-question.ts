import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { qaConsultations } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { OpContext } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { acceptPublicSubmission } from '../../platform/public-intake/accept-public-submission.ts';
import type { ChallengeProof } from '../../platform/public-intake/form-challenge.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { contactFields } from './consultation-input.ts';
import { replyDue } from './ledger-clock.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { notifyRouted } from './notify-ledger.ts';
import { suggestUnit } from './suggest-unit.ts';

export const registerInput = z.object({ consultationId: z.uuid('咨询记录不正确'), ...contactFields });

/**
 * The asker registers a question the library did not answer: a query code (prefix ZX), the reply-by
 * date (5 working days after receipt) and the suggested policy-making unit, which is notified. The
 * contact is kept for the reply and never shown publicly. It stores personal data, so it goes through
 * the public-intake kernel: the address's submission limit (`qa.submit`), the form challenge (spent
 * once), and one registration per repeated form / Idempotency-Key / body (a repeat gets the first
 * code, `duplicate: true`).
 */
export async function registerQuestion(
  ctx: OpContext,
  settings: IntakeSettings,
  raw: z.input<typeof registerInput>,
  extra: { proof: ChallengeProof; token?: string | null; idempotencyKey?: string | null },
): Promise<{ queryCode: string; dueOn: string; dueProvisional: boolean; receivedOn: string; duplicate: boolean }> {
  const input = registerInput.parse(raw);
  if (!input.askerContact && !input.askerEmail) throw invalid('qa_contact_required', '请留下手机号码或电子邮箱，答复将通过它告知您');
  const { result, duplicate } = await acceptPublicSubmission(ctx, settings, { scope: 'qa', body: input, proof: extra.proof, token: extra.token, idempotencyKey: extra.idempotencyKey }, async (tx) => {
    const [c] = await tx.db.select().from(qaConsultations).where(eq(qaConsultations.id, input.consultationId)).for('update');
    if (!c || c.channel !== 'web') throw conflict('qa_consultation_closed', '该咨询不存在');
    if (c.status !== 'open') throw conflict('qa_consultation_closed', c.queryCode ? `该问题已登记，查询码 ${c.queryCode}` : '该咨询已解答');
    const suggested = await suggestUnit(tx, c.candidates as { entryId: string; score: number }[]);
    const calendar = await loadCalendar(tx.db);
    const dueOn = replyDue(calendar, c.receivedOn!);
    const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.qa);
    const now = new Date();
    const [row] = await tx.db
      .update(qaConsultations)
      .set({
        status: 'registered',
        queryCode: code,
        askerName: input.askerName || null,
        askerContact: input.askerContact || null,
        askerEmail: input.askerEmail || null,
        suggestedUnitId: suggested,
        unitId: suggested,
        dueOn,
        history: suggested ? [{ at: now.toISOString(), action: 'suggest', unitId: suggested, by: '系统' }] : [],
        updatedAt: now,
      })
      .where(and(eq(qaConsultations.id, c.id), eq(qaConsultations.status, 'open')))
      .returning();
    await writeAudit(tx, { action: 'qa.consultation_register', entity: 'qa_consultation', entityId: c.id, after: { queryCode: code, dueOn, unitId: suggested } });
    await notifyRouted(tx, suggested, row);
    return { queryCode: code, dueOn, dueProvisional: calendar.isProvisional(dueOn, row.receivedOn!), receivedOn: row.receivedOn! };
  });
  return { ...result, duplicate };
}
