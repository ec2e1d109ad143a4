import { and, eq } from 'drizzle-orm';
import { ledgerItems } from '../../db/schema/index.ts';
import { conflict, notFound } from '../errors.ts';
import type { OpContext } from '../context.ts';
import { isDistrictWide } from '../policy.ts';
import type { LedgerItem } from './ledger-listeners.ts';
import type { LedgerStatus } from './ledger-states.ts';
import { LEDGER_STATUSES } from './ledger-states.ts';

/**
 * An item locked for a step (FOR UPDATE), as the actor may see it: the office every item, a unit
 * only its own — another unit's item is answered 404 `ledger_item_not_found`, as one that does not exist.
 */
export async function loadLedgerItemForStep(tx: OpContext, id: string, allowed?: LedgerStatus[]): Promise<LedgerItem> {
  const [item] = await tx.db.select().from(ledgerItems).where(eq(ledgerItems.id, id)).for('update');
  if (!item || !visibleTo(tx, item)) throw notFound('ledger_item_not_found', '交办事项不存在');
  if (allowed && !allowed.includes(item.status as LedgerStatus))
    throw conflict('ledger_wrong_state', `该事项当前为“${LEDGER_STATUSES[item.status as LedgerStatus] ?? item.status}”，不能进行此操作`);
  return item;
}

/** The item of a subject, or null (locked when `forUpdate`). */
export async function ledgerItemOf(tx: OpContext, subjectType: string, subjectId: string, forUpdate = false): Promise<LedgerItem | null> {
  const q = tx.db.select().from(ledgerItems).where(and(eq(ledgerItems.subjectType, subjectType), eq(ledgerItems.subjectId, subjectId)));
  const [item] = forUpdate ? await q.for('update') : await q;
  return item ?? null;
}

/** The office sees all; a unit's people the items assigned to their unit; system work sees all. */
export function visibleTo(ctx: OpContext, item: LedgerItem): boolean {
  if (!ctx.actor) return true;
  return isDistrictWide(ctx.actor) || item.unitId === ctx.actor.unitId;
}
