import { and, eq, inArray } from 'drizzle-orm';
import { diffLines } from 'diff';
import { documentRevisions } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';
import { bodyText } from './document-content.ts';
import { assertColumnOwner, loadDocument } from './load-document.ts';

/** Any two saved versions of a document, compared line by line on their text. */
export async function compareRevisions(ctx: OpContext, documentId: string, a: number, b: number) {
  assertCan(ctx.actor, 'catalog.read');
  // Older versions may hold values masked since: owners only.
  assertColumnOwner(ctx.actor, (await loadDocument(ctx, documentId)).column);
  const rows = await ctx.db.select().from(documentRevisions).where(and(eq(documentRevisions.documentId, documentId), inArray(documentRevisions.version, [a, b])));
  const from = rows.find((r) => r.version === a);
  const to = rows.find((r) => r.version === b);
  if (!from || !to) throw notFound('revision_not_found', '要比较的版本不存在');
  const render = (r: typeof from) => `${r.title}\n\n${bodyText(r.bodyHtml)}\n`;
  return {
    from: { version: from.version, title: from.title, createdAt: from.createdAt },
    to: { version: to.version, title: to.title, createdAt: to.createdAt },
    changes: diffLines(render(from), render(to)).map((p) => ({ kind: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value })),
  };
}
