import type { OpContext } from '../../platform/context.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';

/** Tells a unit's answering staff that a registered question was routed to it. */
export async function notifyRouted(tx: OpContext, unitId: string | null, c: { id: string; question: string; dueOn: string | null }) {
  if (!unitId) return 0;
  return notifyUnits(
    tx.db,
    [unitId],
    { kind: 'qa.routed', title: `待答复的政策咨询（${c.dueOn ?? ''} 前答复）`, body: c.question.slice(0, 200), link: `/admin/qa/ledger/${c.id}` },
    ['liaison', 'responder', 'qa_specialist'],
  );
}
