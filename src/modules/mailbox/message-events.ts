import { mailboxEvents } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { SYSTEM_ACTOR_NAME, type OpContext } from '../../platform/context.ts';

/** One step of a message: its timeline row and its audit row, in the caller's transaction. */
export async function recordMessageStep(tx: OpContext, messageId: string, action: string, note: string | null, audit: { before?: unknown; after?: unknown } = {}) {
  await tx.db.insert(mailboxEvents).values({ messageId, action, note, actorName: tx.actor?.name ?? (action === 'received' || action === 'rated' ? '来信人' : SYSTEM_ACTOR_NAME) });
  await writeAudit(tx, { action: `mailbox.${action}`, entity: 'mailbox_message', entityId: messageId, before: audit.before, after: audit.after ?? (note ? { note } : undefined) });
}
