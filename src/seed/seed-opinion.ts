import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { documents, opinionDomains, opinionEvents, units } from '../db/schema/index.ts';
import { addDays, todayInShanghai } from '../platform/calendar/dates.ts';
import { inTransaction, type Actor } from '../platform/context.ts';
import { addEventStep } from '../modules/opinion/add-event-step.ts';
import { createCommitment, fulfilCommitment } from '../modules/opinion/commitments.ts';
import { savePressEvent } from '../modules/opinion/press-events.ts';
import { registerEvent } from '../modules/opinion/register-event.ts';
import { seedOpinionDomains } from '../modules/opinion/seed-domains.ts';
import { recordSupervision } from '../modules/opinion/supervisions.ts';

/**
 * The opinion module's first-start data: the notice's domain table and 区网信办 as coordinator, then
 * demo events in every state of the chain and every clock result, commitments in all four states,
 * a 通报批评 and a 约谈, and press events of 2021 (moving the 2021 plan's 不少于4次 / 不少于2次 measure).
 * Every demo record is flagged `isSample` and its text starts 【示例】. Times are relative to now.
 */
export async function seedOpinion(db: Db, admin: Actor) {
  await inTransaction({ db, actor: admin }, (tx) => seedOpinionDomains(tx));
  const [anyEvent] = await db.select({ id: opinionEvents.id }).from(opinionEvents).limit(1);
  if (anyEvent) return;
  const ctx = { db, actor: admin };
  const sample = { isSample: true };
  const unit = async (short: string) => (await db.select({ id: units.id }).from(units).where(eq(units.shortName, short)))[0]?.id;
  const domain = async (name: string) => (await db.select({ id: opinionDomains.id }).from(opinionDomains).where(eq(opinionDomains.name, name)))[0]?.id;
  const doc = async (titlePart: string) =>
    (await db.select({ id: documents.id }).from(documents).where(and(like(documents.title, `%${titlePart}%`), eq(documents.status, 'published'))).limit(1))[0]?.id ?? null;
  const now = Date.now();
  const ago = (hours: number) => new Date(now - hours * 3_600_000);
  const today = todayInShanghai();
  const policyDoc = await doc('负面清单');
  const planDoc = await doc('十四个五年规划');
  const newsDoc = await doc('推进会');

  const event = async (e: Parameters<typeof registerEvent>[1]) => registerEvent(ctx, e, sample);
  const step = (id: string, s: Parameters<typeof addEventStep>[2]) => addEventStep(ctx, id, s);

  // 1. 一般 · registered, its 48-hour clock still running.
  await event({ source: '网络', sourceUrl: 'https://bbs.example.cn/thread/20210901', firstSeenAt: ago(2), summary: '【示例】网民发帖反映某小学课后服务收费标准不清、家长不知如何申请减免', domainId: await domain('教育'), category: '涉及切身利益', level: '一般' });

  // 2. 较大 · consulted, 48 hours passed without a response: on the overdue list.
  const e2 = await event({ source: '12345', sourceText: '来电反映：某在建项目拖欠30余名农民工工资约60万元，多次讨要未果，准备集体到区政府反映。', firstSeenAt: ago(60), summary: '【示例】12345热线集中反映某在建项目拖欠农民工工资', domainId: await domain('工资拖欠'), category: '涉及切身利益', level: '较大' });
  await step(e2.id, { kind: 'consult', at: ago(50), participants: '区人力社保局、区住房城市建委、区委网信办、项目所在街道', content: '核实欠薪人数和金额，由区人力社保局牵头约谈施工总承包单位，街道做好劳动者情绪疏导。' });

  // 3. 重大 sudden event · evaluated: authoritative information in 3 h and a press conference in 20 h.
  const e3 = await event({ source: '媒体', sourceUrl: 'https://news.example.cn/cq/2021/0612/elevator.html', firstSeenAt: ago(240), summary: '【示例】某商场自动扶梯故障致多名顾客受伤，视频在网络传播', domainId: await domain('安全生产'), category: '突发事件和自然灾害', level: '重大' });
  await step(e3.id, { kind: 'consult', at: ago(239), participants: '区应急局、区市场监管局、区委网信办、区政府新闻办、解放碑街道', content: '立即组织救治伤员，封存设备，联合调查事故原因，统一口径发布权威信息。' });
  await step(e3.id, { kind: 'assess', at: ago(238.5), content: '事件涉及群众人身安全，网络关注度高，属重大突发事件舆情，须5小时内发布权威信息，24小时内召开新闻发布会。', responseKind: '发布权威信息' });
  await step(e3.id, { kind: 'respond', at: ago(237), responseKind: '发布权威信息', content: '区应急局发布情况通报：伤员均已送医救治，无生命危险；涉事扶梯已停用封存，事故原因正在调查。', url: 'https://www.example.gov.cn/yzq/tzgg/20210612.html' });
  await step(e3.id, { kind: 'respond', at: ago(220), responseKind: '新闻发布会', content: '区政府新闻办召开新闻发布会，通报伤员救治、事故调查进展和全区电梯安全排查安排。', documentId: newsDoc, url: newsDoc ? null : 'https://www.example.gov.cn/yzq/xwfb/20210613.html' });
  await step(e3.id, { kind: 'evaluate', at: ago(150), content: '发布后网络负面评论明显下降，主要媒体转载官方通报，舆情平稳。', followUp: '持续公开电梯安全排查进展，排查结果在政府网站公开。' });
  const c3 = await createCommitment(ctx, { eventId: e3.id, text: '【示例】一个月内对全区商场、地铁站自动扶梯开展安全隐患全面排查，并公开排查结果', ownerUnitId: (await unit('区市场监管局'))!, promisedOn: addDays(today, -20) }, sample);
  await fulfilCommitment(ctx, c3.id, { fulfilledOn: addDays(today, -25), evidence: '排查自动扶梯312台，整改隐患17处，排查结果已在政府网站公开。', documentId: newsDoc, publicUrl: newsDoc ? null : 'https://www.example.gov.cn/yzq/tzgg/paicha.html' });

  // 4. 一般 · responded in 30 hours (in time), commitment not yet due.
  const e4 = await event({ source: '信箱', sourceText: '区长信箱来信：老旧小区老年人助餐点太少，希望就近增设。', firstSeenAt: ago(96), summary: '【示例】区长信箱来信希望在老旧小区增设老年人助餐点', domainId: await domain('养老和困难群众生活'), category: '涉及切身利益', level: '一般' });
  await step(e4.id, { kind: 'consult', at: ago(90), participants: '区民政局、相关街道', content: '梳理现有助餐点布局，研究增设计划。' });
  await step(e4.id, { kind: 'assess', at: ago(80), content: '诉求合理，宜公开答复并作出增设承诺。', responseKind: '发布权威信息' });
  await step(e4.id, { kind: 'respond', at: ago(66), responseKind: '发布权威信息', content: '区民政局在区长信箱公开答复：年内新增老年人助餐点6个，具体位置将在政府网站公布。', url: 'https://www.example.gov.cn/yzq/qzxx/20210915.html' });
  await createCommitment(ctx, { eventId: e4.id, text: '【示例】年内在老旧小区新增老年人助餐点6个，并在政府网站公布点位', ownerUnitId: (await unit('区民政局'))!, promisedOn: addDays(today, 20) }, sample);

  // 5. 较大 · evaluated, but answered late (60 hours); commitment done late; the unit was interviewed (约谈).
  const e5 = await event({ source: '网络', sourceUrl: 'https://weibo.example.cn/status/4650000000', firstSeenAt: ago(500), summary: '【示例】网民曝光某餐饮店后厨卫生问题，引发食品安全担忧', domainId: await domain('食品药品安全'), category: '冲击道德底线', level: '较大' });
  await step(e5.id, { kind: 'consult', at: ago(480), participants: '区市场监管局、区委网信办', content: '立即开展现场检查，依法处理。' });
  await step(e5.id, { kind: 'assess', at: ago(470), content: '涉及食品安全，须公开处理结果。', responseKind: '接受采访' });
  await step(e5.id, { kind: 'respond', at: ago(440), responseKind: '接受采访', content: '区市场监管局接受媒体采访，通报检查和立案情况。', url: 'https://news.example.cn/cq/2021/food.html' });
  await step(e5.id, { kind: 'evaluate', at: ago(400), content: '回应超过48小时时限，期间负面评论持续发酵；回应后舆情回落。', followUp: '开展餐饮后厨专项检查。' });
  const c5 = await createCommitment(ctx, { eventId: e5.id, text: '【示例】两周内完成辖区重点餐饮单位后厨专项检查并公开检查结果', ownerUnitId: (await unit('区市场监管局'))!, promisedOn: addDays(today, -15) }, sample);
  await fulfilCommitment(ctx, c5.id, { fulfilledOn: addDays(today, -10), evidence: '检查餐饮单位245家，责令整改23家，检查结果已公开。', publicUrl: 'https://www.example.gov.cn/yzq/tzgg/canyin.html' });
  await recordSupervision(ctx, { unitId: (await unit('区市场监管局'))!, eventId: e5.id, kind: 'interview', reason: '【示例】对餐饮后厨卫生舆情回应超过48小时时限，约谈单位分管负责同志。', heldOn: addDays(today, -12) }, sample);

  // 6. 重大 · assessed, no response after 8 hours: the 5-hour clock is overdue, the 24-hour clock still running.
  const e6 = await event({ source: '网络', sourceUrl: 'https://weibo.example.cn/status/4650000001', firstSeenAt: ago(8), summary: '【示例】网传“全区中小学停课”消息，系对疫情防控政策的误读', domainId: await domain('疫情防控和医疗'), category: '重大政策误解误读', level: '重大' });
  await step(e6.id, { kind: 'consult', at: ago(7), participants: '区卫生健康委、区教委、区委网信办', content: '消息不实，需尽快澄清。' });
  await step(e6.id, { kind: 'assess', at: ago(6), content: '传播面广，须发布权威信息澄清并召开新闻发布会解读防控政策。', responseKind: '新闻发布会' });

  // Commitment overdue and not fulfilled; the unit criticised in a 通报.
  await createCommitment(ctx, { eventId: e2.id, text: '【示例】督促施工总承包单位在3日内结清拖欠的农民工工资并公开处理结果', ownerUnitId: (await unit('区人力社保局'))!, promisedOn: addDays(today, -1) }, sample);
  await recordSupervision(ctx, { unitId: (await unit('区人力社保局'))!, eventId: e2.id, kind: 'criticize', reason: '【示例】对集中反映拖欠农民工工资的舆情，超过48小时未作回应。', heldOn: today }, sample);

  // Press events of 2021: three of the measure's four, two of them led by 有关负责同志.
  const press = await unit('区政府新闻办');
  const policyIds = [policyDoc, planDoc].filter((x): x is string => !!x);
  if (press) {
    await savePressEvent(ctx, null, { kind: '新闻发布会', heldOn: '2021-03-18', topic: '【示例】解读《渝中区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》', organizerUnitId: press, speakers: '区发展改革委主要负责同志', leaderSpoke: true, policyIds: planDoc ? [planDoc] : [] }, sample);
    await savePressEvent(ctx, null, { kind: '通气会', heldOn: '2021-06-22', topic: '【示例】市场准入负面清单政策通气会', organizerUnitId: press, speakers: '区发展改革委政策法规科科长', leaderSpoke: false, policyIds: policyDoc ? [policyDoc] : [] }, sample);
    await savePressEvent(ctx, null, { kind: '线上访谈', heldOn: '2021-09-16', topic: '【示例】“发言人来了——我为群众办实事”：养老服务政策线上访谈', organizerUnitId: press, speakers: '区民政局分管负责同志', leaderSpoke: true, policyIds }, sample);
  }
}
