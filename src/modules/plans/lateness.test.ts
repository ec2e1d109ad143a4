import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, planAssignments, planMeasures, planReports, units } from '../../db/schema/index.ts';
import { ROOT } from '../../paths.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../testing/test-app.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { Actor } from '../../platform/context.ts';
import { getPlanDashboard } from './get-plan-dashboard.ts';
import { ledgerRows } from './ledger-rows.ts';
import { lateness } from './lateness.ts';
import { reportState } from './report-state.ts';
import { sendPlanReminders } from './send-reminders.ts';

const SEED = fs.readFileSync(path.join(ROOT, 'src/seed/yuzhong-2021-notice.txt'), 'utf8');

/**
 * Lateness is judged on the day the unit reported, not on the day the lead unit checked; and each
 * row says what it is (未报送 / 推进中 / 待核查 / 已通过 / 已退回), in the lists, the ledger and the reports.
 */
describe('plans: lateness on the report date, and one word per row', () => {
  let t: TestApp;
  let office: ApiClient & { actor: Actor };
  let jw: ApiClient & { actor: Actor };
  let czj: ApiClient & { actor: Actor };
  let planId: string;
  let measureId: string;
  let seq: number;
  let assignmentId: string;
  const unitId = async (short: string) => (await t.database.db.select().from(units).where(eq(units.shortName, short)))[0].id;
  const ctx = () => ({ db: t.database.db, actor: office.actor });
  /** Dates a report as made on a given day (the test cannot wait for 2021): the report and the assignment agree. */
  const dateReport = async (day: string) => {
    const at = new Date(`${day}T10:00:00+08:00`);
    const [latest] = await t.database.db.select().from(planReports).where(eq(planReports.assignmentId, assignmentId)).orderBy(planReports.createdAt);
    await t.database.db.update(planReports).set({ createdAt: at }).where(eq(planReports.id, latest.id));
    await t.database.db.update(planAssignments).set({ lastReportAt: at }).where(eq(planAssignments.id, assignmentId));
  };

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith(['office_admin'], '区政府办公室');
    jw = await t.userWith(['liaison'], '区教委');
    czj = await t.userWith(['liaison'], '区财政局');
    planId = (await office.request('POST', '/api/plans/import-text', { text: SEED })).json().planId;
    const preview = (await office.request('GET', `/api/plans/${planId}/issue-preview`)).json();
    const selections = Object.fromEntries(preview.selections.map((s: { measureId: string; suggested: string[] }) => [s.measureId, s.suggested.slice(0, 3)]));
    expect((await office.request('POST', `/api/plans/${planId}/issue`, { selections })).statusCode).toBe(200);
    const m = (await t.database.db.select().from(planMeasures).where(eq(planMeasures.planId, planId))).find((x) => x.text.includes('信息处理费项目纳入'))!;
    measureId = m.id;
    seq = m.seq;
    const [a] = await t.database.db.select().from(planAssignments).where(and(eq(planAssignments.measureId, measureId), eq(planAssignments.unitId, await unitId('区教委'))));
    assignmentId = a.id;
    expect(a.dueDate).toBe('2021-12-31');
  });
  afterAll(() => t.close());

  it('the rule itself: answered on time, answered late, overdue, not yet due', () => {
    const at = (d: string) => new Date(`${d}T23:30:00+08:00`);
    expect(lateness({ status: 'done', dueDate: '2021-12-31', lastReportAt: at('2021-03-26') }, '2022-05-01')).toEqual({ reportedOn: '2021-03-26', overdue: false, finishedLate: false });
    // 23:30 in Shanghai is still the 31st there, though it is the 31st 15:30 UTC.
    expect(lateness({ status: 'done', dueDate: '2021-12-31', lastReportAt: at('2021-12-31') }, '2022-05-01').finishedLate).toBe(false);
    expect(lateness({ status: 'cannot_complete', dueDate: '2021-06-30', lastReportAt: at('2021-07-02') }, '2022-05-01')).toEqual({ reportedOn: '2021-07-02', overdue: false, finishedLate: true });
    expect(lateness({ status: 'in_progress', dueDate: '2021-06-30', lastReportAt: at('2021-05-02') }, '2021-07-01')).toEqual({ reportedOn: null, overdue: true, finishedLate: false });
    expect(lateness({ status: 'not_started', dueDate: '2021-06-30', lastReportAt: null }, '2021-06-30').overdue).toBe(false);
    expect(reportState({ status: 'not_started', checkStatus: 'pending', lastReportAt: null })).toBe('not_reported');
    expect(reportState({ status: 'in_progress', checkStatus: 'pending', lastReportAt: at('2021-05-02') })).toBe('in_progress');
    expect(reportState({ status: 'done', checkStatus: 'pending', lastReportAt: at('2021-05-02') })).toBe('awaiting_check');
    expect(reportState({ status: 'in_progress', checkStatus: 'returned', lastReportAt: at('2021-05-02') })).toBe('returned');
    expect(reportState({ status: 'done', checkStatus: 'accepted', lastReportAt: at('2021-05-02') })).toBe('accepted');
  });

  it('a report of 推进中 is 推进中, and an unreported row 未报送 — nothing is 待核查 until 已完成 is reported', async () => {
    const r = await jw.request('POST', `/api/assignments/${assignmentId}/reports`, { status: 'in_progress', summary: '正在梳理收费目录' });
    expect(r.statusCode).toBe(201);
    const todo = (await jw.request('GET', '/api/plans/todo')).json();
    const row = todo.mine.find((a: { id: string }) => a.id === assignmentId);
    expect(row).toMatchObject({ state: 'in_progress', reportedOn: null });
    expect(todo.mine.filter((a: { lastReportAt: string | null }) => !a.lastReportAt).every((a: { state: string }) => a.state === 'not_reported')).toBe(true);
    const lead = (await czj.request('GET', '/api/plans/todo')).json();
    expect(lead.toCheck.map((a: { id: string }) => a.id)).not.toContain(assignmentId);
  });

  it('reported 已完成 on 2021-03-26, checked nobody knows when: not overdue, the unit not behind, no overdue reminder', async () => {
    const r = await jw.request('POST', `/api/assignments/${assignmentId}/reports`, {
      status: 'done',
      summary: '已将信息处理费纳入收费目录清单并公开',
      completedOn: '2021-03-25',
      evidence: [{ kind: 'link', url: 'http://www.cqyz.gov.cn/zwgk/sfxm/202103/t1.html', title: '收费项目公开页' }],
    });
    expect(r.statusCode).toBe(201);
    await dateReport('2021-03-26');
    // As of 2022-01-10, well past the due date, still unchecked.
    const dash = await getPlanDashboard(ctx(), planId, '2022-01-10');
    expect(dash.overdue.map((a) => a.id)).not.toContain(assignmentId);
    const jwUnit = dash.byUnit.find((u) => u.name === '区教委')!;
    const jwRows = await ledgerRows(ctx(), planId, await unitId('区教委'), '2022-01-10');
    expect(jwUnit.overdue).toBe(jwRows.filter((x) => x.overdue).length);
    expect(jwUnit.finishedLate).toBe(0);
    const row = jwRows.find((x) => x.assignmentId === assignmentId)!;
    expect(row).toMatchObject({ state: 'awaiting_check', reportedOn: '2021-03-26', overdue: false, finishedLate: false });
    // The lead unit sees it waiting; the office's dashboard today agrees.
    const lead = (await czj.request('GET', '/api/plans/todo')).json();
    expect(lead.toCheck.find((a: { id: string }) => a.id === assignmentId)).toMatchObject({ state: 'awaiting_check', reportedOn: '2021-03-26', overdue: false });
    const live = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();
    expect(live.overdue.map((a: { id: string }) => a.id)).not.toContain(assignmentId);
    // The reminder run of that day does not call it overdue.
    await sendPlanReminders(t.database.db, { dueSoonDays: 5, today: '2022-01-10' });
    const sent = await t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'plan.overdue'), eq(notifications.userId, jw.actor.id)));
    expect(sent.some((n) => n.title.startsWith(`第 ${seq} 项`))).toBe(false);
    // Accepted later, it stays on time.
    expect((await czj.request('POST', `/api/assignments/${assignmentId}/checks`, { decision: 'return', comment: '佐证页面未显示收费标准' })).statusCode).toBe(201);
  });

  it('returned, it is overdue again; the later report is the one judged — here, late', async () => {
    const live = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();
    // (The overdue list stops at 200 rows; today every unreported task of 2021 is on it.)
    const row = live.returned.find((a: { id: string }) => a.id === assignmentId);
    expect(row).toMatchObject({ state: 'returned', overdue: true, reportedOn: null });
    const asOf = await getPlanDashboard(ctx(), planId, '2022-01-10');
    expect(asOf.byUnit.find((u) => u.name === '区教委')!.returned).toBe(1);
    const r2 = await jw.request('POST', `/api/assignments/${assignmentId}/reports`, {
      status: 'done',
      summary: '已补充收费标准',
      completedOn: '2021-03-25',
      evidence: [{ kind: 'link', url: 'http://www.cqyz.gov.cn/zwgk/sfxm/202201/t2.html', title: '收费标准' }],
    });
    expect(r2.statusCode).toBe(201);
    const today = todayInShanghai();
    const after = (await office.request('GET', `/api/plans/${planId}/dashboard`)).json();
    expect(after.overdue.map((a: { id: string }) => a.id)).not.toContain(assignmentId);
    expect(after.byUnit.find((u: { name: string }) => u.name === '区教委').finishedLate).toBe(1);
    expect(after.totals.finishedLate).toBe(1);
    const detail = (await office.request('GET', `/api/measures/${measureId}`)).json();
    expect(detail.assignments.find((a: { id: string }) => a.id === assignmentId)).toMatchObject({ state: 'awaiting_check', reportedOn: today, overdue: false, finishedLate: true });
    // The ledger and the 通报 say so.
    const xlsx = await office.request('GET', `/api/plans/${planId}/ledger.xlsx?unitId=${await unitId('区教委')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[][] = [];
    wb.worksheets[0].eachRow((r, n) => n > 2 && cells.push(Array.from({ length: 16 }, (_, i) => String(r.getCell(i + 1).value ?? ''))));
    const mine = cells.find((c) => c[11].includes('已补充收费标准'))!;
    expect(mine.slice(7, 11)).toEqual(['已完成', '2021-03-25', today, '逾期完成']);
    expect(mine[13]).toBe('待核查');
    const circular = (await office.request('POST', `/api/plans/${planId}/circulars`)).json();
    expect(circular.sections[0].body).toContain('逾期后才报送完成 1 项');
  });

  it('the unit completion report: a proper title, problems drafted from its own rows, edited before download', async () => {
    const jwId = await unitId('区教委');
    const draft = (await jw.request('GET', `/api/plans/${planId}/units/${jwId}/report-draft`)).json();
    expect(draft.title).toBe('重庆市渝中区教育委员会关于《渝中区2021年政务公开工作要点任务分工》完成情况的报告');
    expect(draft.issues).toContain(`第${seq}项`);
    expect(draft.issues).toContain('晚于时限');
    expect(draft.issues).toMatch(/至今未完成/);
    expect(draft.issues).toContain('（二）下一步打算');
    const edited = `${draft.issues}\n3. 本单位将于1月底前全部整改到位（单位修改）。`;
    const res = await jw.request('POST', `/api/plans/${planId}/units/${jwId}/report.docx`, { issues: edited });
    expect(res.statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('本单位将于1月底前全部整改到位（单位修改）。');
    expect(text).toContain('重庆市渝中区教育委员会关于《渝中区2021年政务公开工作要点任务分工》完成情况的报告');
    expect((await jw.request('POST', `/api/plans/${planId}/units/${jwId}/report.docx`, { issues: ' ' })).statusCode).toBe(400);
    expect((await jw.request('POST', `/api/plans/${planId}/units/${await unitId('区财政局')}/report.docx`, { issues: 'x' })).json().error.code).toBe('out_of_scope');
  });
});
