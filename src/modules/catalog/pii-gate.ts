import { eq } from 'drizzle-orm';
import { documentAttachments, documentPiiDecisions, documents } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { scanText, type PiiFinding } from './pii/index.ts';
import { contentOf } from './load-document.ts';

export interface OpenFinding extends Omit<PiiFinding, 'start' | 'end'> {
  field: 'title' | 'body' | 'attachment';
  start: number;
  end: number;
}

/**
 * Personal information still in the content under review that no reviewer has masked or kept with
 * a reason. Publication waits until this is empty.
 */
export async function openFindings(tx: OpContext, doc: typeof documents.$inferSelect): Promise<OpenFinding[]> {
  const content = contentOf(doc);
  const [kept, attachments] = await Promise.all([
    tx.db.select().from(documentPiiDecisions).where(eq(documentPiiDecisions.documentId, doc.id)),
    tx.db.select({ text: documentAttachments.text }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id)),
  ]);
  const keptValues = new Set(kept.filter((k) => k.decision === 'keep').map((k) => `${k.type}\u0000${k.value}`));
  const found: OpenFinding[] = [
    ...scanText(content.title).map((f) => ({ ...f, field: 'title' as const })),
    ...scanText(content.bodyText).map((f) => ({ ...f, field: 'body' as const })),
    ...attachments.flatMap((a) => (a.text ? scanText(a.text).map((f) => ({ ...f, field: 'attachment' as const })) : [])),
  ];
  return found.filter((f) => !keptValues.has(`${f.type}\u0000${f.value}`));
}
