import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { documentAttachments, documentRevisions, documents } from '../../db/schema/index.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { ceasedValidity, NORMATIVE_KINDS, normativeKindOfColumn } from './normative-kind.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { isValidDate, todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { cleanBodyOffThread } from './document-content.ts';
import { savedBodyFileIds } from './body-files.ts';
import { draftIndexNo, indexYear } from './index-number.ts';
import { attachmentTexts } from './attachment-text.ts';
import { claimFiles } from '../../platform/files/file-access.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { assertColumnOwner, loadColumn, loadDocument } from './load-document.ts';
import type { WorkingCopy } from './review-document.ts';

export const VALIDITY = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' } as const;

export const documentInput = z.object({
  columnId: z.uuid('栏目编号格式不正确'),
  title: z.string().trim().min(2, '标题至少 2 个字').max(200, '标题不能超过 200 字'),
  // Size and nesting are checked before sanitising (check-body-bounds.ts), with their own codes.
  bodyHtml: z.string().default(''),
  publisher: z.string().trim().min(2, '请填写发布机构').max(100),
  writtenOn: z.string().refine(isValidDate, '成文日期格式应为 YYYY-MM-DD').optional().nullable(),
  docNumber: z.string().trim().max(60, '发文字号不能超过 60 字').optional().nullable(),
  topic: z.string().trim().max(60).optional().nullable(),
  validity: z.enum(['valid', 'amended', 'repealed', 'expired'], { message: '有效性不正确' }).default('valid'),
  replacedById: z.uuid().optional().nullable(),
  /** 规章 / 行政规范性文件 (the annual report counts them); absent: taken from the column's name. */
  normativeKind: z.enum(NORMATIVE_KINDS, { message: '文件类别应为“规章”或“行政规范性文件”' }).optional().nullable(),
  /** 废止 / 失效日期: needed when the validity is 已废止 or 已失效. */
  validityOn: z.string().refine(isValidDate, '废止（失效）日期格式应为 YYYY-MM-DD').optional().nullable(),
  /**
   * The document's attachments after the save. Absent: an edit keeps the attachments it has (a save
   * that does not mention them never drops them); a list replaces them, so removing one is explicit.
   */
  attachmentIds: z.array(z.uuid()).max(30, '附件不能超过 30 个').optional(),
  publishAt: z.iso.datetime({ offset: true, message: '定时发布时间格式不正确' }).optional().nullable(),
});
export type DocumentInput = z.input<typeof documentInput>;

/**
 * A repealed or expired document says from when (the annual report's section 二 counts it by that day):
 * the day is required, not before the document was written, and not in the future (a document that
 * ends later is still 现行有效 today).
 */
function assertValidityOn(meta: { validity: string; validityOn: string | null; writtenOn: string | null }) {
  if (!ceasedValidity(meta.validity)) return;
  // The details name the field, so the editor marks it (validationIssues in the admin app).
  const refuse = (code: string, message: string) => invalid(code, message, [{ path: 'validityOn', message }]);
  const label = VALIDITY[meta.validity as keyof typeof VALIDITY];
  if (!meta.validityOn) throw refuse('validity_on_required', `有效性为“${label}”时，请填写废止（失效）日期`);
  if (meta.writtenOn && meta.validityOn < meta.writtenOn) throw refuse('validity_before_written', '废止（失效）日期不能早于成文日期');
  if (meta.validityOn > todayInShanghai()) throw refuse('validity_on_future', '废止（失效）日期不能晚于今天；尚未废止或失效的文件请选择“现行有效”');
}

/**
 * Creates a draft, or edits one. Editing a published document makes a working copy that goes
 * through the review chain while the published version stays up. Every save is a revision.
 */
export async function saveDocument(ctx: OpContext, raw: DocumentInput, id?: string, opts: { store?: FileStore } = {}) {
  assertCan(ctx.actor, 'documents.edit');
  const input = documentInput.parse(raw);
  const actor = ctx.actor;
  const { html, text } = await cleanBodyOffThread(input.bodyHtml);
  // Images and attachment links in the body are the document's files too (body-files.ts).
  const bodyFiles = savedBodyFileIds(html);
  // Text attachments newly attached are read now, before the transaction (reading a Word file can take
  // seconds, in the office worker), so the PII gate and search see what they say.
  const texts = await attachmentTexts(ctx, opts.store, input.attachmentIds ?? [], id ?? null);
  // An index number belongs to its site's agency and the year the document was written; an agency
  // without its 机构代码 gets none yet (index-number.ts: 送审 waits for the code).
  const issueIndexNo = (tx: OpContext, siteUnitId: string) => draftIndexNo(tx, siteUnitId, indexYear(input.writtenOn, todayInShanghai()));
  return inTransaction(ctx, async (tx) => {
    const column = await loadColumn(tx, input.columnId);
    assertColumnOwner(actor, column);
    const meta = {
      publisher: input.publisher,
      writtenOn: input.writtenOn ?? null,
      docNumber: input.docNumber ?? null,
      topic: input.topic ?? null,
      validity: input.validity,
      replacedById: input.replacedById ?? null,
      normativeKind: input.normativeKind === undefined ? normativeKindOfColumn(column.name) : input.normativeKind,
      validityOn: ceasedValidity(input.validity) ? (input.validityOn ?? null) : null,
    };
    assertValidityOn(meta);
    let docId: string;
    let version: number;
    let before: unknown = null;
    if (!id) {
      const indexNo = await issueIndexNo(tx, column.siteUnitId);
      const [doc] = await tx.db
        .insert(documents)
        .values({ columnId: column.id, siteUnitId: column.siteUnitId, title: input.title, bodyHtml: html, bodyText: text, indexNo, ...meta, publishAt: input.publishAt ? new Date(input.publishAt) : null, createdBy: actor.id })
        .returning();
      docId = doc.id;
      version = 1;
    } else {
      const { doc, column: oldColumn } = await loadDocument(tx, id, { forUpdate: true });
      assertColumnOwner(actor, oldColumn);
      before = { title: doc.title, status: doc.status, version: doc.version };
      if (doc.status === 'in_review' || (doc.workingCopy && doc.reviewStep > 0)) throw conflict('in_review', '文件正在审核中，不能修改；如需修改请由审核人退回');
      if (doc.status === 'rejected' || doc.status === 'withdrawn') throw conflict('not_editable', '已驳回或已撤稿的文件不能再修改，请新建');
      version = doc.version + 1;
      docId = id;
      const movesSite = column.siteUnitId !== doc.siteUnitId;
      if (doc.status === 'published' || doc.status === 'scheduled') {
        // Its 索引号 names the site's agency and is already public: it stays where it was issued.
        if (movesSite) throw conflict('site_change', '已发布的文件不能移到其他单位网站的栏目；如需在该单位发布，请撤稿后在该单位网站新建');
        // The copy carries its own 定时发布, as a draft does; approving it then waits for that time (review-document.ts).
        const workingCopy: WorkingCopy = { title: input.title, bodyHtml: html, bodyText: text, meta, columnId: column.id, publishAt: input.publishAt ? new Date(input.publishAt).toISOString() : null };
        await tx.db.update(documents).set({ workingCopy, reviewStep: 0, version, updatedAt: new Date() }).where(eq(documents.id, id));
      } else {
        await tx.db
          .update(documents)
          .set({
            columnId: column.id,
            // A draft moved to another unit's site belongs to that site, with an index number of its agency.
            ...(movesSite && { siteUnitId: column.siteUnitId, indexNo: await issueIndexNo(tx, column.siteUnitId) }),
            title: input.title,
            bodyHtml: html,
            bodyText: text,
            ...meta,
            publishAt: input.publishAt ? new Date(input.publishAt) : null,
            version,
            status: 'draft',
            updatedAt: new Date(),
          })
          .where(eq(documents.id, id));
      }
    }
    if (input.attachmentIds || bodyFiles.length) {
      // Only files of the caller's unit, not attached to anything else (file-access.ts). A list replaces
      // the attachments; without one the document keeps its own and gains those its body shows.
      const kept = new Set((await tx.db.select({ fileId: documentAttachments.fileId }).from(documentAttachments).where(eq(documentAttachments.documentId, docId))).map((r) => r.fileId));
      const listed = input.attachmentIds ?? [...kept];
      const attached = await claimFiles(tx, actor, [...new Set([...listed, ...bodyFiles])], { kind: 'document', id: docId });
      const wanted = new Set(attached.map((f) => f.id));
      const removed = [...kept].filter((f) => !wanted.has(f));
      if (removed.length) await tx.db.delete(documentAttachments).where(and(eq(documentAttachments.documentId, docId), inArray(documentAttachments.fileId, removed)));
      for (const f of attached)
        if (!kept.has(f.id)) await tx.db.insert(documentAttachments).values({ documentId: docId, fileId: f.id, text: texts.get(f.id) ?? null });
    }
    await tx.db.insert(documentRevisions).values({ documentId: docId, version, title: input.title, bodyHtml: html, meta, createdBy: actor.id });
    await writeAudit(tx, { action: id ? 'document.edit' : 'document.create', entity: 'document', entityId: docId, before, after: { title: input.title, columnId: column.id, version } });
    const { doc } = await loadDocument(tx, docId);
    return doc;
  });
}
