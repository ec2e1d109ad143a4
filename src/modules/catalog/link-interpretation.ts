import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentInterpretations } from '../../db/schema/index.ts';
import { invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { assertColumnOwner, loadDocument } from './load-document.ts';

export const interpretationInput = z.object({
  interpretationId: z.uuid('解读文件编号格式不正确'),
  form: z.enum(['text', 'image', 'video'], { message: '解读形式应为文字、图片或视频' }).default('text'),
});

/** Links a 政策解读 to the policy it explains; both pages show the link. */
export async function linkInterpretation(ctx: OpContext, policyId: string, raw: z.input<typeof interpretationInput>) {
  assertCan(ctx.actor, 'documents.edit');
  const input = interpretationInput.parse(raw);
  const actor = ctx.actor;
  if (input.interpretationId === policyId) throw invalid('self_link', '文件不能解读它自己');
  return inTransaction(ctx, async (tx) => {
    const policy = await loadDocument(tx, policyId);
    const interp = await loadDocument(tx, input.interpretationId);
    assertColumnOwner(actor, interp.column);
    await tx.db.insert(documentInterpretations).values({ policyId, interpretationId: input.interpretationId, form: input.form }).onConflictDoUpdate({ target: [documentInterpretations.policyId, documentInterpretations.interpretationId], set: { form: input.form } });
    await writeAudit(tx, { action: 'document.link_interpretation', entity: 'document', entityId: policyId, after: { interpretationId: input.interpretationId, form: input.form, policy: policy.doc.title } });
  });
}

export async function unlinkInterpretation(ctx: OpContext, policyId: string, interpretationId: string) {
  assertCan(ctx.actor, 'documents.edit');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const interp = await loadDocument(tx, interpretationId);
    assertColumnOwner(actor, interp.column);
    await tx.db.delete(documentInterpretations).where(and(eq(documentInterpretations.policyId, policyId), eq(documentInterpretations.interpretationId, interpretationId)));
    await writeAudit(tx, { action: 'document.unlink_interpretation', entity: 'document', entityId: policyId, after: { interpretationId } });
  });
}
