import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentPiiDecisions, documentRevisions, documents } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { bodyText } from './document-content.ts';
import { assertColumnOwner, contentOf, loadDocument } from './load-document.ts';
import { openFindings } from './pii-gate.ts';

export const KEEP_REASONS = ['惩戒公示', '强制性信息披露'] as const;

export const piiInput = z.discriminatedUnion('action', [
  /** Mask the given values (or every open finding) in the title and body. */
  z.object({ action: z.literal('mask'), values: z.array(z.string().min(1).max(200)).max(500).optional() }),
  /** Keep a value unmasked, with the reason recorded. */
  z.object({
    action: z.literal('keep'),
    type: z.string().min(1).max(20),
    value: z.string().min(1).max(200),
    reason: z.string().trim().min(2, '请填写保留理由（如惩戒公示、强制性信息披露）').max(500),
  }),
]);

/** Lists what the PII gate would stop on now. */
export async function listFindings(ctx: OpContext, id: string) {
  // Editors and reviewers both need the list: the approver decides on it before the last step.
  assertCan(ctx.actor, 'documents.findings');
  const { doc, column } = await loadDocument(ctx, id);
  assertColumnOwner(ctx.actor!, column);
  return openFindings(ctx, doc);
}

/**
 * A reviewer settles personal-information findings: masking rewrites the content under review
 * (a new revision), keeping records the reason. Either is audited.
 */
export async function resolvePii(ctx: OpContext, id: string, raw: z.input<typeof piiInput>) {
  assertCan(ctx.actor, 'documents.review');
  const input = piiInput.parse(raw);
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const { doc, column } = await loadDocument(tx, id, { forUpdate: true });
    assertColumnOwner(actor, column);
    if (!['in_review', 'draft', 'returned'].includes(doc.status) && !doc.workingCopy) throw conflict('not_editable', '该文件当前不能处理个人信息');
    const findings = await openFindings(tx, doc);
    if (input.action === 'keep') {
      if (!findings.some((f) => f.type === input.type && f.value === input.value)) throw invalid('finding_not_found', '没有这处待处理的个人信息');
      await tx.db.insert(documentPiiDecisions).values({ documentId: id, type: input.type, value: input.value, decision: 'keep', reason: input.reason, createdBy: actor.id });
      await writeAudit(tx, { action: 'document.pii_keep', entity: 'document', entityId: id, after: { type: input.type, reason: input.reason } });
      return { masked: 0, kept: 1 };
    }
    const chosen = findings.filter((f) => f.field !== 'attachment' && (!input.values || input.values.includes(f.value)));
    if (!chosen.length) throw invalid('nothing_to_mask', '没有可去标识化的个人信息');
    const content = contentOf(doc);
    let title = content.title;
    let html = content.bodyHtml;
    // Longest values first, so a value inside a longer one is not masked half-way.
    for (const f of [...chosen].sort((a, b) => b.value.length - a.value.length)) {
      title = title.split(f.value).join(f.masked);
      html = html.split(f.value).join(f.masked);
    }
    const text = bodyText(html);
    const version = doc.version + 1;
    if (doc.workingCopy) await tx.db.update(documents).set({ workingCopy: { ...(doc.workingCopy as object), title, bodyHtml: html, bodyText: text }, version }).where(eq(documents.id, id));
    else await tx.db.update(documents).set({ title, bodyHtml: html, bodyText: text, version, updatedAt: new Date() }).where(eq(documents.id, id));
    await tx.db.insert(documentRevisions).values({ documentId: id, version, title, bodyHtml: html, meta: { masked: chosen.map((f) => f.type) }, createdBy: actor.id });
    for (const f of chosen) await tx.db.insert(documentPiiDecisions).values({ documentId: id, type: f.type, value: f.masked, decision: 'mask', createdBy: actor.id });
    // The audit keeps which kinds were masked, never the personal values themselves.
    await writeAudit(tx, { action: 'document.pii_mask', entity: 'document', entityId: id, after: { masked: chosen.length, types: [...new Set(chosen.map((f) => f.type))], version } });
    return { masked: chosen.length, kept: 0 };
  });
}
