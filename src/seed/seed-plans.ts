import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { planAssignments, planChecks, planEvents, planMeasures, planReports, plans } from '../db/schema/index.ts';
import type { Evidence } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { addDays } from '../platform/calendar/dates.ts';
import { inTransaction, type Actor } from '../platform/context.ts';
import { issuePlan } from '../modules/plans/issue-plan.ts';
import { previewIssue } from '../modules/plans/preview-issue.ts';

/** The day the demo plan was issued, and the day its year is shown as of (the year's work reported, checked, closed). */
export const DEMO_ISSUED_ON = '2021-03-15';

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
/** A fixed, even spread from a key (no Math.random: the demo is the same on every machine). */
function spread(key: string, mod: number): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % mod;
}
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

const RETURN_COMMENTS = ['佐证链接无法打开，请补充有效的公开页面链接。', '公开内容不完整，缺少2021年度数据，请补充后重新报送。', '未按任务分工明确的公开路径发布，请调整栏目后重新报送。'];

type Outcome = 'not_reported' | 'in_progress' | 'returned' | 'awaiting' | 'late' | 'accepted';

/**
 * The demo's year of the 2021 plan (示例数据): issued on 2021-03-15; most measures reported on time,
 * checked by their lead units and closed out (销号); a few measures still have units that never
 * reported, reported only 推进中, were returned, wait for a check, or reported after the due date —
 * so the dashboards, circulars and ledgers have something true to show. Every date lies in 2021.
 */
export async function seedPlanYear(db: Db, actor: Actor, planId: string) {
  const ctx = { db, actor };
  const preview = await previewIssue(ctx, planId);
  await issuePlan(ctx, planId, { selections: Object.fromEntries(preview.selections.map((s) => [s.measureId, s.suggested])) });
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(plans).set({ issuedAt: at(DEMO_ISSUED_ON, 9), issueDate: DEMO_ISSUED_ON }).where(eq(plans.id, planId));
    const measures = await tx.db.select().from(planMeasures).where(eq(planMeasures.planId, planId));
    const assignments = await tx.db.select().from(planAssignments).where(eq(planAssignments.planId, planId));
    const reports: (typeof planReports.$inferInsert)[] = [];
    const checks: (typeof planChecks.$inferInsert)[] = [];
    const closed: { id: string; on: string }[] = [];
    for (const m of measures) {
      const mine = assignments.filter((a) => a.measureId === m.id);
      // Seven measures in ten went cleanly: every unit reported on time and was accepted.
      const clean = spread(`m${m.seq}`, 10) < 7;
      let lastAccepted = DEMO_ISSUED_ON;
      let allAccepted = mine.length > 0;
      for (const a of mine) {
        const r = spread(`${m.seq}:${a.unitId}`, 100);
        const due = a.dueDate;
        const drawn: Outcome = clean
          ? r < 5 ? 'late' : 'accepted'
          : r < 10 ? 'not_reported' : r < 20 ? 'in_progress' : r < 32 ? 'returned' : r < 44 ? 'awaiting' : r < 54 ? 'late' : 'accepted';
        const outcome: Outcome = drawn;
        const earliest = addDays(DEMO_ISSUED_ON, 10);
        // Every date stays in 2021, whatever the due date.
        const onTime = minDay('2021-12-24', maxDay(earliest, addDays(due, -(5 + spread(`d${a.id}`, 50)))));
        const reportedOn = onTime;
        const checkDay = minDay('2021-12-31', addDays(reportedOn, 2 + spread(`c${a.id}`, 15)));
        const evidence: Evidence[] = [{ kind: 'link', url: `http://www.cqyz.gov.cn/zwgk/fdzdgknr/${2021}/${m.seq}.html`, title: `第${m.seq}项公开页面（示例）` }];
        const text = m.text.replace(/\s+/g, '').slice(0, 30);
        const done = { assignmentId: a.id, status: 'done', summary: `已按要求落实“${text}……”，相关信息已在区政府网站公开。（示例数据）`, completedOn: addDays(reportedOn, -1), evidence, createdBy: actor.id, createdAt: at(reportedOn) };
        const set: Partial<typeof planAssignments.$inferInsert> = {};
        if (outcome === 'not_reported') {
          allAccepted = false;
          continue;
        }
        if (outcome === 'in_progress') {
          reports.push({ assignmentId: a.id, status: 'in_progress', summary: '已梳理公开事项，正在组织相关科室落实。（示例数据）', evidence: [], createdBy: actor.id, createdAt: at(onTime) });
          Object.assign(set, { status: 'in_progress', lastReportAt: at(onTime) });
          allAccepted = false;
        } else if (outcome === 'returned') {
          reports.push(done);
          checks.push({ assignmentId: a.id, decision: 'return', comment: RETURN_COMMENTS[spread(`r${a.id}`, RETURN_COMMENTS.length)], createdBy: actor.id, createdAt: at(checkDay, 15) });
          Object.assign(set, { status: 'in_progress', checkStatus: 'returned', returnedCount: 1, lastReportAt: at(reportedOn) });
          allAccepted = false;
        } else if (outcome === 'awaiting') {
          reports.push(done);
          Object.assign(set, { status: 'done', completedOn: done.completedOn, lastReportAt: at(reportedOn) });
          allAccepted = false;
        } else if (outcome === 'late') {
          // Returned with a new due date, and reported again only after it: 逾期完成, then accepted.
          const first = minDay(onTime, '2021-11-10');
          const returnedOn = addDays(first, 3);
          const newDue = addDays(first, 20);
          const again = addDays(newDue, 3 + spread(`l${a.id}`, 10));
          const acceptedOn = addDays(again, 2 + spread(`c${a.id}`, 8));
          reports.push({ ...done, completedOn: addDays(first, -1), createdAt: at(first) });
          checks.push({ assignmentId: a.id, decision: 'return', comment: RETURN_COMMENTS[spread(`r${a.id}`, RETURN_COMMENTS.length)], newDueDate: newDue, createdBy: actor.id, createdAt: at(returnedOn, 15) });
          reports.push({ ...done, summary: `已按牵头单位意见整改：${done.summary}`, completedOn: addDays(again, -1), createdAt: at(again) });
          checks.push({ assignmentId: a.id, decision: 'accept', comment: '整改到位，符合要求。', createdBy: actor.id, createdAt: at(acceptedOn, 15) });
          Object.assign(set, { status: 'done', completedOn: addDays(again, -1), lastReportAt: at(again), checkStatus: 'accepted', acceptedAt: at(acceptedOn, 15), returnedCount: 1, dueDate: newDue });
          lastAccepted = maxDay(lastAccepted, acceptedOn);
        } else {
          reports.push(done);
          checks.push({ assignmentId: a.id, decision: 'accept', comment: '符合要求。', createdBy: actor.id, createdAt: at(checkDay, 15) });
          Object.assign(set, { status: 'done', completedOn: done.completedOn, lastReportAt: at(reportedOn), checkStatus: 'accepted', acceptedAt: at(checkDay, 15) });
          lastAccepted = maxDay(lastAccepted, checkDay);
        }
        await tx.db.update(planAssignments).set(set).where(eq(planAssignments.id, a.id));
      }
      if (allAccepted) closed.push({ id: m.id, on: minDay('2021-12-31', addDays(lastAccepted, 3)) });
    }
    for (let i = 0; i < reports.length; i += 500) await tx.db.insert(planReports).values(reports.slice(i, i + 500));
    for (let i = 0; i < checks.length; i += 500) await tx.db.insert(planChecks).values(checks.slice(i, i + 500));
    for (const c of closed) await tx.db.update(planMeasures).set({ status: 'closed', closedAt: at(c.on, 16), closedBy: actor.id }).where(eq(planMeasures.id, c.id));
    if (closed.length) await tx.db.insert(planEvents).values(closed.map((c) => ({ planId, measureId: c.id, kind: 'close', createdBy: actor.id, createdAt: at(c.on, 16) })));
    await writeAudit(tx, {
      action: 'seed.demo_plan_year',
      entity: 'plan',
      entityId: planId,
      after: { issuedOn: DEMO_ISSUED_ON, assignments: assignments.length, reports: reports.length, checks: checks.length, closed: closed.length, demo: true },
    });
  });
}
