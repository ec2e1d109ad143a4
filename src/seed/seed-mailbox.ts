import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { mailboxCalls, mailboxEvents, mailboxMessages, phoneSpotChecks, unitPhones, units } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { loadCalendar } from '../platform/calendar/load-calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { openLedgerItem } from '../platform/ledger/open-ledger-item.ts';
import { recordLedgerStep } from '../platform/ledger/record-ledger-step.ts';
import { reopenLedgerItem, replyLedgerItem } from '../platform/ledger/reply-ledger-item.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../platform/public-intake/query-code.ts';
import { maskForPublic } from '../modules/mailbox/publish-message.ts';
import { SUBJECT_CALLBACK, SUBJECT_MESSAGE } from '../modules/mailbox/message-days.ts';

type Demo = {
  status: 'received' | 'accepted' | 'assigned' | 'replied' | 'closed' | 'rejected';
  type: '咨询' | '建议' | '投诉' | '求助' | '其他';
  title: string;
  body: string;
  name: string;
  phone: string;
  receivedOn: string;
  unit?: string;
  reply?: string;
  repliedOn?: string;
  rating?: '满意' | '基本满意' | '不满意';
  publish?: boolean;
  reject?: { kind: string; reason: string };
  /** Further along the ledger: signed for, signed with an extension asked, returned by the unit, reopened after 不满意, with a leader. */
  stage?: 'signed' | 'extension' | 'returned' | 'reopened' | 'leader';
  note?: string;
};

const DEMO: Demo[] = [
  { status: 'received', type: '咨询', title: '老旧小区加装电梯补助如何申请', body: '我家住在大坪正街的老旧小区，六楼，想了解加装电梯的补助标准和申请流程。', name: '陈建国', phone: '13908311201', receivedOn: '2026-11-27' },
  { status: 'accepted', type: '建议', title: '建议在较场口增设公交候车亭', body: '较场口站早晚高峰候车人多，没有遮雨棚，建议增设候车亭和座椅。', name: '刘芳', phone: '13708329912', receivedOn: '2026-11-25' },
  { status: 'assigned', type: '求助', title: '小区门口路灯长期不亮', body: '两路口某小区门口的路灯已经坏了一个多月，晚上出行不安全，请帮忙协调维修。', name: '赵磊', phone: '15023456781', receivedOn: '2026-11-20', unit: '区城管局' },
  { status: 'replied', type: '咨询', title: '灵活就业人员如何参加职工养老保险', body: '我是自由职业者，户籍在渝中区，想了解以灵活就业人员身份参加养老保险的办理方式。', name: '孙丽', phone: '13627781234', receivedOn: '2026-11-10', unit: '区人力社保局', reply: '您好！灵活就业人员可持本人身份证到户籍所在地街道社保所或通过“重庆人社”APP办理参保登记，缴费基数可在全市上年度城镇非私营单位在岗职工平均工资的60%—300%之间自选。', repliedOn: '2026-11-13' },
  { status: 'closed', type: '咨询', title: '区级政府信息公开年报在哪里查看', body: '想查阅渝中区政府近三年的政府信息公开工作年度报告，请问在网站哪个栏目？', name: '周明', phone: '18983012345', receivedOn: '2026-10-19', unit: '区政府办公室', reply: '您好！历年年度报告在本网站“政府信息公开年报”栏目集中发布，也可在各部门网页的年报栏目查阅。感谢您的关注！', repliedOn: '2026-10-21', rating: '满意', publish: true },
  { status: 'closed', type: '建议', title: '建议公开社区养老服务站名单', body: '家里有老人需要日间照料，建议在网站上公开各街道社区养老服务站的地址和服务内容，方便查询。联系电话13500001111。', name: '吴婷', phone: '13500001111', receivedOn: '2026-10-12', unit: '区民政局', reply: '您好！您的建议很好。我局已在部门网页“养老服务”栏目公开全区社区养老服务站名单、地址和服务项目，并将按季度更新。', repliedOn: '2026-10-28', rating: '基本满意', publish: true },
  { status: 'assigned', type: '投诉', title: '夜间施工噪音扰民', body: '化龙桥片区某工地连续多日夜间施工至凌晨，噪音很大，严重影响休息，请相关部门查处。', name: '黄志强', phone: '13883345678', receivedOn: '2026-11-12', unit: '区城管局', stage: 'signed' },
  { status: 'assigned', type: '建议', title: '建议增加社区卫生服务中心夜间门诊', body: '上清寺一带老年人多，晚上看病不方便，建议社区卫生服务中心开设夜间门诊。', name: '何静', phone: '13752216789', receivedOn: '2026-11-16', unit: '区卫生健康委', stage: 'extension', note: '需会同各街道社区卫生服务中心调研排班，申请延期 5 个工作日' },
  { status: 'assigned', type: '求助', title: '残疾人两项补贴迟迟未到账', body: '我父亲是二级肢体残疾，九月份申请了重度残疾人护理补贴，至今未到账，请帮忙查询。', name: '罗晓燕', phone: '13594456712', receivedOn: '2026-10-22', unit: '区民政局', stage: 'signed' },
  { status: 'accepted', type: '咨询', title: '公租房申请需要哪些条件', body: '我在渝中区工作两年，没有住房，想了解申请公租房的条件和需要准备的材料。', name: '邓伟', phone: '13648823456', receivedOn: '2026-11-26', unit: '区人力社保局', stage: 'returned', note: '公租房申请不属于本单位职责，建议转区住房城市建委办理' },
  { status: 'accepted', type: '咨询', title: '医保异地备案如何办理', body: '我退休后要去海南居住，想问医保异地就医备案怎么办理，是否可以网上办。', name: '唐秀英', phone: '13883367890', receivedOn: '2026-11-09', unit: '区人力社保局', reply: '您好！可通过国家医保服务平台APP办理异地就医备案。', repliedOn: '2026-11-12', stage: 'reopened' },
  { status: 'accepted', type: '建议', title: '建议整治解放碑步行街占道经营', body: '解放碑步行街周末占道经营较多，影响通行，建议统筹整治并设置规范摊区。', name: '冯刚', phone: '13996678901', receivedOn: '2026-11-24', stage: 'leader', note: '涉及多个部门，呈报分管副区长批示' },
  { status: 'rejected', type: '其他', title: '推广理财产品', body: '高收益理财，稳赚不赔，欢迎咨询。', name: '某某', phone: '13000000000', receivedOn: '2026-11-18', reject: { kind: 'spam', reason: '留言内容为商业广告，与政务公开无关' } },
];

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** The message's own timeline as the steps would have written it. */
function demoTimeline(d: Demo, messageId: string, unit: string) {
  const e = (when: Date, action: string, note: string | null, actorName = '区政府办公室 信箱管理员') => ({ messageId, at: when, action, note, actorName });
  const rows = [e(at(d.receivedOn, '10:00'), 'received', null, '来信人')];
  if (d.status === 'rejected') return [...rows, e(at(d.receivedOn, '15:00'), 'rejected', `垃圾信息：${d.reject!.reason}`)];
  if (d.status === 'received') return rows;
  rows.push(e(at(d.receivedOn, '14:30'), 'accepted', null));
  if (d.stage === 'leader') return [...rows, e(at(d.receivedOn, '15:00'), 'leader', d.note ?? null)];
  if (d.unit) rows.push(e(at(d.receivedOn, '15:00'), 'transferred', `转${unit}办理`));
  if (d.repliedOn) rows.push(e(at(d.repliedOn, '16:00'), 'replied', null, `${unit} 联络员`));
  if (d.stage === 'reopened') return [...rows, e(at(d.repliedOn!, '20:00'), 'rated', '不满意', '来信人'), e(at(d.repliedOn!, '20:00'), 'reopened', '来信人对答复不满意，退回区政府办公室重新办理', '系统')];
  if (d.rating) rows.push(e(at(d.repliedOn!, '18:00'), 'rated', d.rating, '来信人'));
  if (d.publish) rows.push(e(at(d.repliedOn!, '18:30'), 'published', null));
  return rows;
}

/**
 * Demo mail for the demo district, marked 示例: a message in every state (two published in the
 * 网民留言 column), the units' published phones, calls answered on the spot and awaiting a callback,
 * and an office spot check. Runs once, when the mailbox is empty.
 */
export async function seedMailbox(db: Db) {
  const [any] = await db.select({ id: mailboxMessages.id }).from(mailboxMessages).limit(1);
  if (any) return;
  const shorts = ['区城管局', '区人力社保局', '区政府办公室', '区民政局', '区卫生健康委'];
  const rows = await db.select({ id: units.id, short: units.shortName, name: units.name }).from(units).where(inArray(units.shortName, shorts));
  const unitOf = new Map(rows.map((r) => [r.short, r.id]));
  const unitName = (short?: string) => rows.find((r) => r.short === short)?.name ?? short ?? '';
  if (unitOf.size < shorts.length) return;
  const calendar = await loadCalendar(db);
  await inTransaction({ db, actor: null }, async (tx) => {
    for (const d of DEMO) {
      const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.mailbox, { year: Number(d.receivedOn.slice(0, 4)) });
      const workingDays = d.type === '咨询' ? 5 : 15;
      const unitId = d.unit ? unitOf.get(d.unit)! : null;
      const title = `（示例）${d.title}`;
      const base = { name: d.name, phone: d.phone, email: null };
      const [m] = await tx.db
        .insert(mailboxMessages)
        .values({
          code,
          type: d.type,
          title,
          body: d.body,
          name: d.name,
          phone: d.phone,
          consent: true,
          status: d.status,
          receivedAt: new Date(`${d.receivedOn}T10:00:00+08:00`),
          receivedOn: d.receivedOn,
          acceptedOn: d.status === 'received' ? null : d.receivedOn,
          workingDays,
          dueDate: calendar.addWorkingDays(d.receivedOn, workingDays),
          unitId: ['assigned', 'replied', 'closed'].includes(d.status) ? unitId : null,
          triage: d.stage === 'leader' ? 'leader' : unitId ? 'transfer' : null,
          leaderInstruction: null,
          reopenCount: d.stage === 'reopened' ? 1 : 0,
          rejectKind: d.reject?.kind ?? null,
          rejectReason: d.reject?.reason ?? null,
          replyHtml: d.reply && d.stage !== 'reopened' ? `<p>${d.reply}</p>` : null,
          replyText: d.reply && d.stage !== 'reopened' ? d.reply : null,
          replyUnitId: d.reply && d.stage !== 'reopened' ? unitId : null,
          repliedOn: d.stage === 'reopened' ? null : (d.repliedOn ?? null),
          rating: d.rating ?? null,
          earlierRatings: d.stage === 'reopened' ? ['不满意'] : [],
          ratedAt: d.rating ? new Date(`${d.repliedOn}T18:00:00+08:00`) : null,
          publishedAt: d.publish ? new Date(`${d.repliedOn}T18:30:00+08:00`) : null,
          publishedSummary: d.publish ? maskForPublic(`${title}：${d.body}`, base) : null,
          publishedReply: d.publish && d.reply ? maskForPublic(d.reply, base) : null,
          sample: true,
        })
        .returning();
      if (unitId) {
        let item = await openLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id, title: `【${d.type}】${title}`, link: `/admin/mailbox/messages/${m.id}`, unitId, receivedOn: d.receivedOn, workingDays });
        if (d.stage === 'signed' || d.stage === 'extension' || d.stage === 'returned') item = await recordLedgerStep(tx, item, { action: 'accepted', change: { status: 'accepted' } });
        if (d.stage === 'extension') await recordLedgerStep(tx, item, { action: 'extension_requested', change: { extension: 'requested', extensionDays: 5, extensionReason: d.note! }, note: d.note });
        if (d.stage === 'returned') await recordLedgerStep(tx, item, { action: 'returned', change: { status: 'returned', unitId: null, returnReason: d.note! }, note: d.note, fromUnitId: unitId });
        if (d.repliedOn) await replyLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id }, { repliedOn: d.repliedOn });
        if (d.stage === 'reopened') await reopenLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id }, { unitId: null, receivedOn: '2026-11-14', note: '来信人不满意，重新办理' });
      }
      await tx.db.insert(mailboxEvents).values(demoTimeline(d, m.id, unitName(d.unit)));
    }
    const rsj = unitOf.get('区人力社保局')!;
    const wjw = unitOf.get('区卫生健康委')!;
    await tx.db.insert(unitPhones).values([
      { unitId: rsj, phone: '023-63801234', label: '社保咨询电话' },
      { unitId: wjw, phone: '023-63805678', label: '卫生健康政策咨询电话' },
    ]);
    const calls = [
      { unitId: rsj, calledAt: new Date('2026-11-24T09:40:00+08:00'), numberCalled: '023-63801234', callerName: '（示例）钱先生', callerPhone: '13883012345', question: '失业保险金领取需要哪些材料', answer: '身份证和解除劳动合同证明，可在线申领', answeredOnSpot: true },
      { unitId: wjw, calledAt: new Date('2026-11-30T15:10:00+08:00'), numberCalled: '023-63805678', callerName: '（示例）郑女士', callerPhone: '13996012345', question: '新生儿预防接种证如何补办', answer: null, answeredOnSpot: false },
      { unitId: rsj, calledAt: new Date('2026-11-05T10:30:00+08:00'), numberCalled: '023-63801234', callerName: '（示例）林先生', callerPhone: '13527712345', question: '退休人员养老金调整什么时候发放', answer: null, answeredOnSpot: false, callbackOn: '2026-11-07', callbackNote: '已回电告知：调整后的养老金于当月随基本养老金一并发放' },
      { unitId: rsj, calledAt: new Date('2026-11-10T16:00:00+08:00'), numberCalled: '023-63801234', callerName: '（示例）马女士', callerPhone: '13618823456', question: '职业技能培训补贴如何申领', answer: null, answeredOnSpot: false },
    ];
    for (const c of calls) {
      const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.call, { year: 2026 });
      const [row] = await tx.db.insert(mailboxCalls).values({ ...c, code, sample: true }).returning();
      if (!c.answeredOnSpot) {
        const on = c.calledAt.toISOString().slice(0, 10);
        const item = await openLedgerItem(tx, { subjectType: SUBJECT_CALLBACK, subjectId: row.id, title: `来电回复：${c.question}`, link: `/admin/mailbox/calls?id=${row.id}`, unitId: c.unitId, receivedOn: on, workingDays: 5 });
        await tx.db.update(mailboxCalls).set({ callbackDue: item.dueDate }).where(eq(mailboxCalls.id, row.id));
        if ('callbackOn' in c && c.callbackOn) await replyLedgerItem(tx, { subjectType: SUBJECT_CALLBACK, subjectId: row.id }, { repliedOn: c.callbackOn, note: c.callbackNote });
      }
    }
    await tx.db.insert(phoneSpotChecks).values([
      { unitId: wjw, checkedAt: new Date('2026-11-26T10:20:00+08:00'), numberDialled: '023-63805678', answered: true, withinHours: true, result: '（示例）铃响三声内接听，答复准确', sample: true },
      { unitId: rsj, checkedAt: new Date('2026-11-27T15:40:00+08:00'), numberDialled: '023-63801234', answered: false, withinHours: true, result: '（示例）工作时间连续拨打三次无人接听', sample: true },
    ]);
    await writeAudit(tx, { action: 'seed.mailbox', entity: 'system', after: { messages: DEMO.length, calls: calls.length } });
  });
}
