import type { OpContext } from '../context.ts';
import type { ledgerItems } from '../../db/schema/index.ts';
import type { LedgerAction } from './ledger-states.ts';

export type LedgerItem = typeof ledgerItems.$inferSelect;
/** Called inside the step's transaction, after the item changed: a module keeps its own status in step. */
export type LedgerListener = (tx: OpContext, item: LedgerItem, action: LedgerAction) => Promise<void>;
const listeners = new Map<string, LedgerListener>();

/** Registers the module of `subjectType` to hear every step of its items (one listener per type). */
export function onLedgerStep(subjectType: string, listener: LedgerListener) {
  listeners.set(subjectType, listener);
}

export async function notifyLedgerStep(tx: OpContext, item: LedgerItem, action: LedgerAction) {
  await listeners.get(item.subjectType)?.(tx, item, action);
}
