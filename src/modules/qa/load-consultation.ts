import { eq } from 'drizzle-orm';
import { qaConsultations } from '../../db/schema/index.ts';
import type { Actor, OpContext } from '../../platform/context.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { isDistrictWide } from '../../platform/policy.ts';

export type ConsultationRow = typeof qaConsultations.$inferSelect;

export async function loadConsultation(tx: OpContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConsultationRow> {
  const q = tx.db.select().from(qaConsultations).where(eq(qaConsultations.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('qa_consultation_not_found', '咨询记录不存在');
  return row;
}

/** A unit's staff handle the questions routed to their unit; the office handles all. */
export function assertHandles(actor: Actor, c: ConsultationRow) {
  if (isDistrictWide(actor)) return;
  if (c.unitId !== actor.unitId) throw outOfScope('只能处理交办给本单位的咨询');
}

export interface HistoryItem {
  at: string;
  action: 'suggest' | 'dispatch' | 'accept' | 'return' | 'reply';
  unitId?: string | null;
  reason?: string;
  by: string;
}

export function withHistory(c: ConsultationRow, item: HistoryItem): HistoryItem[] {
  return [...((c.history as HistoryItem[]) ?? []), item].slice(-200);
}
