import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.ts';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { acceptPublicSubmission } from '../../platform/public-intake/accept-public-submission.ts';
import type { ChallengeProof } from '../../platform/public-intake/form-challenge.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { checkPublicAttachments, removeStored, storePublicAttachments, type PublicUpload } from '../../platform/public-intake/public-attachments.ts';
import { publicEmail, publicPhone, publicText } from '../../platform/public-intake/public-text.ts';
import { recordMessage } from './record-message.ts';
import { MESSAGE_TYPES } from './strings.ts';

export const MAX_BODY = 5000;
export const MAX_ATTACHMENTS = 3;

const consent = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).default(false);
/** The stable public input: `{"type","title","body","name","phone"?,"email"?,"unit"?}` (+ `consent`). */
export const messageInput = z
  .object({
    type: z.enum(MESSAGE_TYPES, { error: '请选择留言类型（咨询、建议、投诉、求助、其他）' }),
    title: publicText('标题', { max: 100 }),
    body: publicText('留言内容', { min: 5, max: MAX_BODY, multiline: true }),
    name: publicText('姓名', { max: 50 }),
    phone: publicPhone,
    email: publicEmail,
    /** The addressed unit: its id, full name or short name. */
    unit: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(100, '单位名称过长').optional()),
    consent,
  })
  .refine((v) => v.phone || v.email, { message: '请至少填写联系电话或电子邮箱中的一项，以便答复', path: ['phone'] });
export type MessageInput = z.input<typeof messageInput>;

/**
 * A citizen writes in: validated, rate-limited, challenge spent, one message per repeated
 * submission, attachments checked by content; the query code and the expected reply date (working
 * days by type from today, the platform calendar) are returned. A 信访-type matter is recorded and
 * flagged so that the writer is told where such matters go (`petition`).
 */
export async function submitMessage(
  ctx: OpContext,
  deps: { config: Config; settings: IntakeSettings; store: FileStore },
  raw: unknown,
  extra: { proof: ChallengeProof; token?: string | null; idempotencyKey?: string | null; uploads?: PublicUpload[] },
): Promise<{ code: string; dueDate: string; dueProvisional: boolean; petition: boolean; duplicate: boolean }> {
  const input = messageInput.parse(raw);
  const checked = await checkPublicAttachments(extra.uploads ?? [], { maxFiles: MAX_ATTACHMENTS, maxBytes: deps.config.UPLOAD_MAX_MB * 1048576 });
  const addressed = input.unit ? await resolveUnit(ctx, input.unit) : null;
  const storedKeys: string[] = [];
  try {
    const { result, duplicate } = await acceptPublicSubmission(
      ctx,
      deps.settings,
      { scope: 'mailbox', body: { ...input, files: checked.map((c) => c.label) }, proof: extra.proof, token: extra.token, idempotencyKey: extra.idempotencyKey },
      async (tx) => {
        const id = randomUUID();
        const { ids, storageKeys } = await storePublicAttachments(tx.db, deps.store, checked, { kind: 'mailbox_message', id });
        storedKeys.push(...storageKeys);
        const m = await recordMessage(tx, deps.config, { id, type: input.type, title: input.title, body: input.body, name: input.name, phone: input.phone, email: input.email, consent: input.consent, addressedUnitId: addressed, attachmentIds: ids });
        return { code: m.code, dueDate: m.dueDate, dueProvisional: m.dueProvisional, petition: m.petition };
      },
    );
    if (duplicate) await removeStored(deps.store, storedKeys);
    return { ...result, duplicate };
  } catch (err) {
    await removeStored(deps.store, storedKeys);
    throw err;
  }
}

async function resolveUnit(ctx: OpContext, written: string): Promise<string> {
  const rows = await ctx.db.select({ id: units.id, name: units.name, shortName: units.shortName }).from(units).where(eq(units.active, true));
  const hit = rows.find((u) => u.id === written || u.name === written || u.shortName === written);
  if (!hit) throw invalid('unit_not_found', `找不到单位“${written.slice(0, 40)}”，可不选单位，由区政府办公室转交`);
  return hit.id;
}
