import { eq } from 'drizzle-orm';
import { ledgerEvents, ledgerItems } from '../../db/schema/index.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { SYSTEM_ACTOR_NAME, type OpContext } from '../context.ts';
import { notifyLedgerStep, type LedgerItem } from './ledger-listeners.ts';
import type { LedgerAction } from './ledger-states.ts';

/**
 * Applies one step to an item inside the caller's transaction: the row's change, a timeline row,
 * an audit row (before/after of the changed fields), then the subject module's listener.
 */
export async function recordLedgerStep(
  tx: OpContext,
  before: LedgerItem,
  step: { action: LedgerAction; change: Partial<LedgerItem>; note?: string | null; fromUnitId?: string | null; toUnitId?: string | null; data?: unknown },
): Promise<LedgerItem> {
  const [after] = await tx.db
    .update(ledgerItems)
    .set({ ...step.change, updatedAt: new Date() })
    .where(eq(ledgerItems.id, before.id))
    .returning();
  await tx.db.insert(ledgerEvents).values({
    itemId: before.id,
    actorId: tx.actor?.id ?? null,
    actorName: tx.actor?.name ?? SYSTEM_ACTOR_NAME,
    action: step.action,
    note: step.note ?? null,
    fromUnitId: step.fromUnitId ?? null,
    toUnitId: step.toUnitId ?? null,
    data: step.data ?? null,
  });
  const keys = Object.keys(step.change) as (keyof LedgerItem)[];
  await writeAudit(tx, {
    action: `ledger.${step.action}`,
    entity: 'ledger_item',
    entityId: before.id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: { ...Object.fromEntries(keys.map((k) => [k, after[k]])), subject: `${before.subjectType}:${before.subjectId}`, ...(step.note ? { note: step.note } : {}) },
  });
  await notifyLedgerStep(tx, after, step.action);
  return after;
}
