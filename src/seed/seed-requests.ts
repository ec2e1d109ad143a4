import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { requestCases, requestEvents, requestItems, requestReviews, units } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { Calendar, type CalendarException } from '../platform/calendar/calendar.ts';
import { chineseDaysExceptions, SEEDED_YEARS } from '../platform/calendar/seed-calendar.ts';
import { todayInShanghai } from '../platform/calendar/dates.ts';
import { inTransaction } from '../platform/context.ts';
import { computeDue, type ClockEvent } from '../modules/requests/clock/compute-due.ts';
import { OUTCOMES, APPLICANT_KINDS, type OutcomeCode } from '../modules/requests/outcomes.ts';
import { applicantKeyOf } from '../modules/requests/statuses.ts';

/**
 * 示例 information requests for the demo district: a whole year (2025) with every outcome row of report
 * section 三 for both applicant groups and all five kinds of 法人或其他组织, cases carried over from 2024
 * into 2025 and from 2025 into 2026, review and litigation records with every result, and 2026 cases in
 * every handling state. Every case is marked demo (示例) and its applicant name says so. Clocks computed
 * with the one clock (compute-due.ts) over the published calendar.
 */

const AGENCIES = ['区财政局', '区规划自然资源局', '区住房城市建委', '区生态环境局', '区民政局', '区人力社保局', '区市场监管局', '区教委'];
const TOPICS = [
  '解放碑步行街改造工程立项批复及资金来源',
  '本街道老旧小区改造项目的招标文件和中标结果',
  '某地块土地出让合同及规划条件',
  '2024年度区级部门“三公”经费明细',
  '某企业环境影响评价报告书全文及审批意见',
  '低保对象认定的标准和审批流程文件',
  '某养老服务中心运营补贴发放明细',
  '某路段交通信号灯设置的论证材料',
  '本人房屋征收补偿安置方案及评估报告',
  '某小区加装电梯项目的补助资金拨付记录',
];
const ORG_NAMES: Record<string, string> = { 商业企业: '重庆某商贸有限公司', 科研机构: '某大学城市治理研究中心', 社会公益组织: '某环保公益促进会', 法律服务机构: '重庆某律师事务所', 其他: '某小区业主委员会' };
const PEOPLE = ['王某', '李某某', '张某', '刘某', '陈某某', '杨某', '赵某', '黄某'];

/** A small deterministic generator, so the demo is the same on every first start. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

interface Plan {
  agency: string;
  kind: string;
  received: string;
  outcome: OutcomeCode | null;
  status: string;
  extra: ('correction' | 'consult' | 'extend' | 'fee' | 'late')[];
  closeAfter?: number;
}

/** The latest day the open 2026 demo cases are counted back from (see below). */
const LAST_ANCHOR = '2026-11-30';

export async function seedRequests(db: Db): Promise<number> {
  const [already] = await db.select({ id: requestCases.id }).from(requestCases).where(eq(requestCases.demo, true)).limit(1);
  if (already) return 0;
  const cal = new Calendar(new Set(SEEDED_YEARS), chineseDaysExceptions() as CalendarException[]);
  const agencyRows = await db.select({ id: units.id, short: units.shortName }).from(units).where(inArray(units.shortName, AGENCIES));
  const agencyId = new Map(agencyRows.map((a) => [a.short, a.id]));
  if (!agencyId.size) return 0;
  const rand = rng(20250101);
  const today = todayInShanghai();
  const plans: Plan[] = [];
  const workingDayIn = (month: string, nth: number) => cal.addWorkingDays(`${month}-01`, nth);
  const extraFor = (code: OutcomeCode): Plan['extra'] => (code === '4.3' || code === '6.1' ? ['correction'] : code === '6.2' ? ['fee'] : code === '3.4' || code === '2' ? ['consult'] : []);
  // 2025: every outcome for a natural person and for an organisation (kinds in turn)
  let k = 0;
  for (const o of OUTCOMES) {
    for (const kind of ['自然人', APPLICANT_KINDS[1 + (k++ % 5)]]) {
      const month = `2025-${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}`;
      const extra = extraFor(o.code);
      if (rand() < 0.15) extra.push('extend');
      if (rand() < 0.1) extra.push('late');
      plans.push({ agency: AGENCIES[k % AGENCIES.length], kind, received: workingDayIn(month, 1 + Math.floor(rand() * 15)), outcome: o.code, status: '已办结', extra });
    }
  }
  // the common outcomes more often
  for (let i = 0; i < 40; i++) {
    const code = (['1', '1', '1', '2', '4.1', '4.1', '3.6', '5.3'] as OutcomeCode[])[i % 8];
    const month = `2025-${String(1 + (i % 11)).padStart(2, '0')}`;
    plans.push({ agency: AGENCIES[i % AGENCIES.length], kind: i % 3 ? '自然人' : APPLICANT_KINDS[1 + (i % 5)], received: workingDayIn(month, 1 + (i % 18)), outcome: code, status: '已办结', extra: i % 13 === 5 ? [...extraFor(code), 'late'] : extraFor(code) });
  }
  // carried over: received December 2024, closed in 2025; received December 2025, closed in 2026
  for (const [i, r] of ['2024-12-16', '2024-12-20', '2024-12-27'].entries()) plans.push({ agency: AGENCIES[i], kind: i ? '商业企业' : '自然人', received: r, outcome: '1', status: '已办结', extra: [] });
  for (const [i, r] of ['2025-12-15', '2025-12-19', '2025-12-24', '2025-12-29'].entries()) plans.push({ agency: AGENCIES[i + 2], kind: i % 2 ? '法律服务机构' : '自然人', received: r, outcome: (['1', '4.1', '2', '1'] as OutcomeCode[])[i], status: '已办结', extra: [] });
  // 2026: every handling state
  const states: [string, Plan['extra']][] = [
    ['待确认收到', []],
    ['办理中', []],
    ['办理中', []],
    ['待补正', ['correction']],
    ['征求意见', ['consult']],
    ['待缴费', ['fee']],
    ['已决定', []],
    ['已办结', []],
    ['已办结', ['extend']],
  ];
  for (const [i, [status, extra]] of states.entries()) {
    // Anchored no later than 30 November: the applicant's 20 working days to pay after a fee notice
    // (and the other waits) must end inside the years the seeded calendar knows.
    const received = cal.addWorkingDays(today < LAST_ANCHOR ? today : LAST_ANCHOR, 0);
    const back = status === '已办结' ? 40 : status === '办理中' && i === 2 ? 30 : 8;
    let r = received;
    for (let d = 0; d < back; d++) r = prevWorkingDay(cal, r);
    plans.push({ agency: AGENCIES[i % AGENCIES.length], kind: i % 2 ? '自然人' : '社会公益组织', received: r, outcome: status === '已办结' || status === '已决定' ? '1' : null, status, extra });
  }

  let n = 0;
  await inTransaction({ db, actor: null }, async (tx) => {
    for (const [i, p] of plans.entries()) {
      const id = agencyId.get(p.agency);
      if (!id) continue;
      const org = p.kind !== '自然人';
      const name = `${org ? ORG_NAMES[p.kind] : PEOPLE[i % PEOPLE.length]}（示例）`;
      const phone = `1380000${String(1000 + i).slice(-4)}`;
      const topic = TOPICS[i % TOPICS.length];
      const events: ClockEvent[] = [{ type: 'received', date: p.received }];
      const more: { kind: string; on: string; data: Record<string, unknown> }[] = [];
      let waitingUntil: string | null = null;
      if (p.extra.includes('correction')) {
        const sent = cal.addWorkingDays(p.received, 3);
        events.push({ type: 'correction_sent', date: sent });
        more.push({ kind: 'correction_sent', on: sent, data: { needed: '请明确所需信息的名称、文号或者便于查询的其他特征性描述' } });
        if (p.outcome !== '6.1' && p.status !== '待补正') {
          const got = cal.addWorkingDays(sent, 5);
          events.push({ type: 'correction_received', date: got });
          more.push({ kind: 'correction_received', on: got, data: {} });
        } else waitingUntil = cal.addWorkingDays(sent, 15);
      }
      if (p.extra.includes('consult')) {
        const s = cal.addWorkingDays(p.received, 5);
        events.push({ type: 'consultation_started', date: s });
        more.push({ kind: 'consultation_started', on: s, data: { party: '相关第三方', consultKind: '第三方' } });
        if (p.status !== '征求意见') {
          const e = cal.addWorkingDays(s, 6);
          events.push({ type: 'consultation_ended', date: e });
          more.push({ kind: 'consultation_ended', on: e, data: { answer: p.outcome === '3.4' ? '不同意公开' : '同意公开' } });
        }
      }
      if (p.extra.includes('fee')) {
        const f = cal.addWorkingDays(p.received, 6);
        events.push({ type: 'fee_notice_received', date: f });
        more.push({ kind: 'fee_notice_received', on: f, data: { basis: '按量', yuan: 4700, standard: '按量计收：250 页' } });
        waitingUntil = cal.addWorkingDays(f, 20);
      }
      if (p.extra.includes('extend')) {
        events.push({ type: 'extended', days: 15 });
        more.push({ kind: 'extended', on: cal.addWorkingDays(p.received, 12), data: { days: 15, reason: '涉及多个部门，需进一步核实', notice: '书面告知申请人' } });
      }
      let clock: ReturnType<typeof computeDue> | null = null;
      try {
        clock = p.status === '待确认收到' ? null : computeDue(events, cal);
      } catch {
        clock = null;
      }
      let closedOn: string | null = null;
      if (p.status === '已办结') {
        const base = clock?.due ?? waitingUntil ?? cal.addWorkingDays(p.received, 20);
        const lapse = p.outcome === '6.1' || p.outcome === '6.2';
        closedOn = lapse && waitingUntil ? cal.addWorkingDays(waitingUntil, 2) : p.extra.includes('late') ? cal.addWorkingDays(base, 3) : prevWorkingDay(cal, prevWorkingDay(cal, base));
        if (closedOn > today) closedOn = today;
      }
      const outcomeRow = OUTCOMES.find((o) => o.code === p.outcome);
      const [row] = await tx.db
        .insert(requestCases)
        .values({
          agencyUnitId: id,
          code: `YSQSL${p.received.slice(0, 4)}${String(i + 1).padStart(4, '0')}`,
          applicantKind: p.kind,
          applicantName: name,
          applicantIdKind: org ? '统一社会信用代码' : '身份证',
          applicantIdNumber: org ? `91500103MA5U${String(100000 + i)}` : `50010319800101${String(1000 + i).slice(-4)}`,
          applicantPhone: phone,
          applicantKey: applicantKeyOf({ applicantName: name, applicantIdNumber: null, applicantPhone: phone }),
          description: `（示例）${topic}`,
          preferredForm: i % 3 ? '电子邮件' : '纸质',
          deliveryMethod: i % 3 ? '电子' : '邮寄',
          channel: (['网上', '信函', '当面', '电子邮件', '传真'] as const)[i % 5],
          status: p.status,
          receivedOn: p.status === '待确认收到' ? null : p.received,
          closedOn,
          outcome: p.outcome && (p.status === '已办结' || p.status === '已决定') ? p.outcome : null,
          route: p.outcome === '5.1' ? '信访投诉' : '申请',
          dueOn: clock?.due ?? null,
          countFrom: clock?.countFrom ?? null,
          pausedDays: clock?.pausedDays ?? 0,
          extendedDays: clock?.extendedDays ?? 0,
          correctionWindowEnds: clock?.correctionWindowEnds ?? null,
          applicantDueOn: p.status === '待补正' || p.status === '待缴费' ? waitingUntil : null,
          feeBasis: p.extra.includes('fee') ? '按量' : null,
          feeYuan: p.extra.includes('fee') ? 4700 : null,
          demo: true,
        })
        .returning({ id: requestCases.id });
      await tx.db.insert(requestItems).values({
        caseId: row.id,
        seq: 1,
        description: `（示例）${topic}`,
        outcome: outcomeRow && p.outcome && (p.status === '已办结' || p.status === '已决定') ? p.outcome : null,
        reason: outcomeRow && p.outcome !== '1' ? `依据《中华人民共和国政府信息公开条例》${outcomeRow.basis}，${outcomeRow.label}。` : null,
      });
      const timeline = [
        { kind: 'entered', on: p.received, data: { channel: '示例' } },
        ...(p.status === '待确认收到' ? [] : [{ kind: 'received', on: p.received, data: {} }]),
        ...more,
        ...(p.outcome && (p.status === '已办结' || p.status === '已决定') ? [{ kind: 'decided', on: closedOn ?? today, data: { outcome: p.outcome } }] : []),
        ...(closedOn ? [{ kind: 'delivered', on: closedOn, data: { method: '电子送达', proof: '示例' } }] : []),
      ];
      await tx.db.insert(requestEvents).values(timeline.map((e) => ({ caseId: row.id, kind: e.kind, on: e.on, data: e.data })));
      if (i % 9 === 0 && closedOn && closedOn.startsWith('2025')) {
        const results = ['维持', '纠正', '其他', null] as const;
        const kinds = ['行政复议', '直接起诉', '复议后起诉'] as const;
        const r = results[(i / 9) % 4];
        await tx.db.insert(requestReviews).values({
          agencyUnitId: id,
          caseId: row.id,
          code: `FY示例${i}`,
          kind: kinds[(i / 9) % 3],
          filedOn: cal.addWorkingDays(closedOn, 10),
          organ: kinds[(i / 9) % 3] === '行政复议' ? '重庆市渝中区人民政府' : '重庆市渝中区人民法院',
          result: r,
          resultOn: r ? cal.addWorkingDays(closedOn, 40) : null,
          lessons: r === '纠正' ? '答复未充分说明理由，今后逐项写明依据' : null,
        });
      }
      n++;
    }
    await writeAudit(tx, { action: 'seed.demo_requests', entity: 'system', after: { cases: n } });
  });
  return n;
}

function prevWorkingDay(cal: Calendar, d: string): string {
  let x = d;
  do {
    const t = new Date(`${x}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() - 1);
    x = t.toISOString().slice(0, 10);
  } while (!cal.isWorkingDay(x));
  return x;
}
