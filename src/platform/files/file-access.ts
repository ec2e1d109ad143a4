import { and, eq, inArray, sql } from 'drizzle-orm';
import { catalogColumns, documentAttachments, documents, files, planAssignments, planMeasureLeads } from '../../db/schema/index.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor, OpContext } from '../context.ts';
import { isDistrictWide } from '../policy.ts';

type FileRow = typeof files.$inferSelect;

/** The objects a file can be attached to: a document, or the progress reports of a plan assignment (evidence). */
export type FileTarget = { kind: 'document'; id: string } | { kind: 'plan_assignment'; id: string } | { kind: 'request_case'; id: string };

/**
 * A file as `actor` may download it, or `file_not_found` — the same answer whether the file does not
 * exist or belongs to someone else, so its existence is not told. Who reads a file:
 * - the district office (sys_admin, office_admin) and the unit that uploaded it, always;
 * - a document's attachment: the units owning the document's column, and everyone once the
 *   document is public (published, or scheduled and its time has come);
 * - progress-report evidence: the assignment's responsible unit and the measure's lead units.
 */
export async function readableFile(ctx: OpContext, actor: Actor, fileId: string): Promise<FileRow> {
  const [file] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!file || !(await mayRead(ctx, actor, file))) throw notFound('file_not_found', '文件不存在');
  return file;
}

async function mayRead(ctx: OpContext, actor: Actor, file: FileRow): Promise<boolean> {
  // An information request's files (applicants' ID documents among them) are served only by the
  // requests module, which checks the handling unit and audits every view.
  if (file.attachedKind === 'request_case') return false;
  if (isDistrictWide(actor) || (file.ownerUnitId !== null && file.ownerUnitId === actor.unitId)) return true;
  // Published anywhere: a file linked to a public document is public (also one linked before files had owners).
  const [pub] = await ctx.db
    .select({ one: sql`1` })
    .from(documentAttachments)
    .innerJoin(documents, eq(documents.id, documentAttachments.documentId))
    .where(and(eq(documentAttachments.fileId, file.id), sql`${documents.status} in ('published','scheduled') and ${documents.publishedAt} <= now()`))
    .limit(1);
  if (pub) return true;
  if (!file.attachedId) return false;
  return (await unitsOf(ctx, { kind: file.attachedKind, id: file.attachedId } as FileTarget)).includes(actor.unitId);
}

/** Who works on the objects of other kinds (a mailbox message, a request …): the module says, by kind. */
export type FileTargetUnits = (ctx: OpContext, id: string) => Promise<string[]>;
const otherTargets = new Map<string, FileTargetUnits>();

/**
 * Lets a module's attachments be read by the units handling its object: `kind` is the file's
 * `attached_kind` (e.g. `mailbox_message`), `units` lists the units whose people may read it
 * (the district office always may). Unregistered kinds: the office and the owning unit only.
 */
export function registerFileTarget(kind: string, units: FileTargetUnits) {
  otherTargets.set(kind, units);
}

/** The units whose people work on the object a file is attached to. */
async function unitsOf(ctx: OpContext, target: FileTarget): Promise<string[]> {
  const other = otherTargets.get(target.kind);
  if (other) return other(ctx, target.id);
  if (target.kind === 'document') {
    const [col] = await ctx.db
      .select({ siteUnitId: catalogColumns.siteUnitId, ownerUnitIds: catalogColumns.ownerUnitIds })
      .from(documents)
      .innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId))
      .where(eq(documents.id, target.id));
    return col ? [col.siteUnitId, ...col.ownerUnitIds] : [];
  }
  if (target.kind === 'plan_assignment') {
    const [a] = await ctx.db.select({ unitId: planAssignments.unitId, measureId: planAssignments.measureId }).from(planAssignments).where(eq(planAssignments.id, target.id));
    if (!a) return [];
    const leads = await ctx.db.select({ unitId: planMeasureLeads.unitId }).from(planMeasureLeads).where(eq(planMeasureLeads.measureId, a.measureId));
    return [a.unitId, ...leads.map((l) => l.unitId)];
  }
  return [];
}

/** Whether a file is already attached to this object. */
export const attachedTo = (f: FileRow, target: FileTarget | null) => target !== null && f.attachedKind === target.kind && f.attachedId === target.id;

/**
 * The attach rule for one file (see claimFiles): already this object's, or free and of the caller's
 * unit (any unit's for the district office). `target` null: an object not yet created.
 */
export function assertMayAttach(actor: Actor, f: FileRow, target: FileTarget | null): void {
  if (attachedTo(f, target)) return;
  if (f.attachedId) throw new AppError('forbidden', 'file_attached_elsewhere', `文件“${f.originalName}”已是其他事项的附件，不能再附加；请重新上传`);
  if (!isDistrictWide(actor) && f.ownerUnitId !== actor.unitId) throw new AppError('forbidden', 'file_not_yours', `文件“${f.originalName}”不是本单位上传的，不能附加`);
}

/**
 * Attaches files to an object, inside the caller's transaction. A file may be attached by the unit
 * that uploaded it (or the district office), and only to one object: the first one it is attached to
 * keeps it (saving that object again with the file is fine, whoever of its units saves). Refused
 * with 403 `file_not_yours` or `file_attached_elsewhere`; unknown ids are 400 `unknown_file`.
 */
export async function claimFiles(tx: OpContext, actor: Actor, fileIds: string[], target: FileTarget): Promise<FileRow[]> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return [];
  const rows = await tx.db.select().from(files).where(inArray(files.id, ids)).for('update');
  if (rows.length !== ids.length) throw invalid('unknown_file', '附件中有不存在的文件');
  for (const f of rows) assertMayAttach(actor, f, target);
  const free = rows.filter((f) => !f.attachedId).map((f) => f.id);
  if (free.length) await tx.db.update(files).set({ attachedKind: target.kind, attachedId: target.id }).where(inArray(files.id, free));
  return rows;
}
