import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { requestCases, requestEvents, requestItems } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction } from '../../platform/context.ts';

/**
 * The applicant's period ran out: no correction in time → treated as withdrawn (六1, 第三十条); the fee
 * unpaid in time → no longer processed (六2). Every item and the case take that outcome; the notice
 * still has to be served (deliver-request.ts closes the case). Daily job; idempotent.
 */
export async function lapseRequests(db: Db, today = todayInShanghai()): Promise<number> {
  const due = await db
    .select({ id: requestCases.id, status: requestCases.status, applicantDueOn: requestCases.applicantDueOn })
    .from(requestCases)
    .where(and(inArray(requestCases.status, ['待补正', '待缴费']), lt(requestCases.applicantDueOn, today)));
  let n = 0;
  for (const c of due) {
    const outcome = c.status === '待补正' ? '6.1' : '6.2';
    const changed = await inTransaction({ db, actor: null }, async (tx) => {
      const [locked] = await tx.db.select({ status: requestCases.status }).from(requestCases).where(eq(requestCases.id, c.id)).for('update');
      if (locked?.status !== c.status) return false;
      await tx.db.update(requestItems).set({ outcome, reason: outcome === '6.1' ? '申请人无正当理由逾期未补正' : '申请人逾期未按收费通知缴纳费用', decidedAt: new Date() }).where(eq(requestItems.caseId, c.id));
      await tx.db.update(requestCases).set({ status: '已决定', outcome, applicantDueOn: null, updatedAt: new Date() }).where(eq(requestCases.id, c.id));
      await tx.db.insert(requestEvents).values({ caseId: c.id, kind: 'lapsed', on: today, data: { outcome, applicantDueOn: c.applicantDueOn } });
      await writeAudit(tx, { action: 'request.lapsed', entity: 'request_case', entityId: c.id, before: { status: c.status }, after: { status: '已决定', outcome, applicantDueOn: c.applicantDueOn } });
      return true;
    });
    if (changed) n++;
  }
  return n;
}
