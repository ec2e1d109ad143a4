import type { OpContext } from '../../platform/context.ts';

/**
 * Modules whose content rests on catalog documents (the Q&A library's answers rest on policies)
 * register here; when a document is withdrawn, or its published version changes (its validity may now
 * be 已废止 / 已失效), each listener is called inside the same transaction.
 */
export type PolicyListener = (tx: OpContext, documentId: string) => Promise<void>;
const listeners = new Map<string, PolicyListener>();

export function onPolicyChanged(name: string, listener: PolicyListener) {
  listeners.set(name, listener);
}

export async function notifyPolicyChanged(tx: OpContext, documentId: string): Promise<void> {
  for (const fn of listeners.values()) await fn(tx, documentId);
}
