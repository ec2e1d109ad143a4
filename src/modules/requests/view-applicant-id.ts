import { and, eq } from 'drizzle-orm';
import { files, requestEvents, requestFiles } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { assertCan } from '../../platform/policy.ts';
import { loadCase } from './load-case.ts';

/**
 * The applicant's full ID number: only the handling unit and the office (requests.identity and the
 * case in scope); every view is written to the audit log and the case timeline.
 */
export async function viewApplicantId(ctx: OpContext, caseId: string) {
  assertCan(ctx.actor, 'requests.identity');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    await tx.db.insert(requestEvents).values({ caseId, kind: 'identity_viewed', on: todayInShanghai(), data: { what: '证件号码' }, createdBy: actor.id });
    await writeAudit(tx, { action: 'request.identity_view', entity: 'request_case', entityId: caseId, after: { what: 'id_number' } });
    return { applicantIdKind: c.applicantIdKind, applicantIdNumber: c.applicantIdNumber };
  });
}

/**
 * A file of the case (ID document, envelope scan, delivery proof, letter): the handling unit and the
 * office; ID documents need requests.identity. Every download audited.
 */
export async function readCaseFile(ctx: OpContext, store: FileStore, caseId: string, fileId: string) {
  assertCan(ctx.actor, 'requests.read');
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    await loadCase(tx, actor, caseId);
    const [f] = await tx.db
      .select({ kind: requestFiles.kind, name: files.originalName, mime: files.mime, storageKey: files.storageKey })
      .from(requestFiles)
      .innerJoin(files, eq(files.id, requestFiles.fileId))
      .where(and(eq(requestFiles.caseId, caseId), eq(requestFiles.fileId, fileId)));
    if (!f) throw notFound('file_not_found', '文件不存在');
    if (f.kind === '身份证明') assertCan(actor, 'requests.identity');
    await tx.db.insert(requestEvents).values({ caseId, kind: 'file_viewed', on: todayInShanghai(), data: { fileId, kind: f.kind, name: f.name }, createdBy: actor.id });
    await writeAudit(tx, { action: 'request.file_view', entity: 'request_case', entityId: caseId, after: { fileId, kind: f.kind } });
    return { name: f.name, mime: f.mime, stream: await store.open(f.storageKey) };
  });
}
