import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { mailboxCalls, phoneSpotChecks, unitPhones, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { openLedgerItem } from '../../platform/ledger/open-ledger-item.ts';
import { replyLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { publicPhone } from '../../platform/public-intake/public-text.ts';
import { assertCan, assertUnitInScope, isDistrictWide } from '../../platform/policy.ts';
import { SUBJECT_CALLBACK } from './message-days.ts';
import { callStateSql } from './message-filters.ts';
import { soonLimitFor } from '../../platform/ledger/ledger-clock.ts';
import { spotCheckTotals } from './spot-check-totals.ts';

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const callInput = z.object({
  unitId: z.uuid().optional(),
  calledAt: z.coerce.date({ error: '来电时间格式不正确' }),
  numberCalled: text('被叫号码', 30),
  callerName: z.string().trim().max(50, '来电人不超过 50 字').optional(),
  callerPhone: publicPhone,
  question: text('来电内容', 2000),
  answer: z.string().trim().max(5000, '答复不超过 5000 字').optional(),
  answeredOnSpot: z.boolean(),
});

/**
 * 来电登记: a unit logs a call. Answered on the spot, it is done; otherwise a callback is due in
 * CALLBACK_DAYS (5) working days from the call (ledger item `call_callback`, with reminders).
 */
export async function logCall(ctx: OpContext, config: Pick<Config, 'CALLBACK_DAYS'>, raw: z.input<typeof callInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  const input = callInput.parse(raw);
  const unitId = input.unitId ?? ctx.actor.unitId;
  assertUnitInScope(ctx.actor, unitId);
  return inTransaction(ctx, async (tx) => {
    const id = randomUUID();
    const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.call);
    const day = todayInShanghai(input.calledAt);
    const [row] = await tx.db
      .insert(mailboxCalls)
      .values({ id, code, unitId, calledAt: input.calledAt, numberCalled: input.numberCalled, callerName: input.callerName || null, callerPhone: input.callerPhone ?? null, question: input.question, answer: input.answer || null, answeredOnSpot: input.answeredOnSpot, createdBy: ctx.actor!.id })
      .returning();
    await writeAudit(tx, { action: 'mailbox.call_logged', entity: 'mailbox_call', entityId: id, after: { code, unitId, answeredOnSpot: input.answeredOnSpot } });
    if (input.answeredOnSpot) return row;
    const item = await openLedgerItem(tx, { subjectType: SUBJECT_CALLBACK, subjectId: id, title: `来电回复：${input.question.slice(0, 40)}`, link: `/admin/mailbox/calls?id=${id}`, unitId, receivedOn: day, workingDays: config.CALLBACK_DAYS });
    const [after] = await tx.db.update(mailboxCalls).set({ callbackDue: item.dueDate }).where(eq(mailboxCalls.id, id)).returning();
    return after;
  });
}

export const callbackInput = z.object({ note: text('回复情况', 2000) });

/** The callback was made: recorded on the call and its ledger item replied. */
export async function completeCallback(ctx: OpContext, id: string, raw: z.input<typeof callbackInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  const input = callbackInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [call] = await tx.db.select().from(mailboxCalls).where(eq(mailboxCalls.id, id)).for('update');
    if (!call || (!isDistrictWide(ctx.actor!) && call.unitId !== ctx.actor!.unitId)) throw notFound('call_not_found', '来电记录不存在');
    if (call.answeredOnSpot || call.callbackOn) throw conflict('callback_not_due', '该来电无需回复或已回复');
    const on = todayInShanghai();
    const [after] = await tx.db.update(mailboxCalls).set({ callbackOn: on, callbackNote: input.note }).where(eq(mailboxCalls.id, id)).returning();
    await replyLedgerItem(tx, { subjectType: SUBJECT_CALLBACK, subjectId: id }, { repliedOn: on, note: input.note });
    await writeAudit(tx, { action: 'mailbox.callback_done', entity: 'mailbox_call', entityId: id, after: { callbackOn: on, onTime: call.callbackDue ? on <= call.callbackDue : null } });
    return after;
  });
}

export const listCallsQuery = z.object({
  unitId: z.uuid('单位编号格式不正确').optional(),
  /** One call (a notification's link). */
  id: z.uuid('来电编号格式不正确').optional(),
  pending: z.enum(['true', 'false']).optional(),
  /** pending: awaiting a callback; overdue: past its callback date; soon: callback due within LEDGER_REMIND_DAYS working days. */
  state: z.enum(['pending', 'overdue', 'soon']).optional(),
  /** Callbacks due on one day (the workbench's deadlines). */
  dueDate: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The call register: a unit its own calls, the office every unit's. */
export async function listCalls(ctx: OpContext, raw: z.input<typeof listCallsQuery>, opts: { soonDays: number; today?: string }) {
  assertCan(ctx.actor, 'mailbox.read');
  const q = listCallsQuery.parse(raw);
  const today = opts.today ?? todayInShanghai();
  const where: SQL[] = [];
  if (!isDistrictWide(ctx.actor)) where.push(eq(mailboxCalls.unitId, ctx.actor.unitId));
  else if (q.unitId) where.push(eq(mailboxCalls.unitId, q.unitId));
  if (q.id) where.push(eq(mailboxCalls.id, q.id));
  const state = q.state ?? (q.pending === 'true' ? 'pending' : undefined);
  if (state) where.push(callStateSql.state(state, { today, soonLimit: state === 'soon' ? await soonLimitFor(ctx.db, today, opts.soonDays) : today }));
  if (q.dueDate) where.push(callStateSql.dueOn(q.dueDate));
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(mailboxCalls).where(cond);
  const rows = await ctx.db
    .select({ c: mailboxCalls, unitName: units.name })
    .from(mailboxCalls)
    .innerJoin(units, eq(units.id, mailboxCalls.unitId))
    .where(cond)
    .orderBy(desc(mailboxCalls.calledAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total, items: rows.map(({ c, unitName }) => ({ ...c, unitName, overdue: !c.answeredOnSpot && !c.callbackOn && !!c.callbackDue && c.callbackDue < today })) };
}

export const phoneInput = z.object({ unitId: z.uuid().optional(), phone: text('电话号码', 30), label: text('名称', 50), hours: z.string().trim().max(100).optional() });

/** A unit's published phone number (联系我们), entered by the unit or the office. */
export async function savePhone(ctx: OpContext, raw: z.input<typeof phoneInput>) {
  assertCan(ctx.actor, 'mailbox.reply');
  const input = phoneInput.parse(raw);
  const unitId = input.unitId ?? ctx.actor.unitId;
  assertUnitInScope(ctx.actor, unitId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(unitPhones).values({ unitId, phone: input.phone, label: input.label, ...(input.hours && { hours: input.hours }) }).onConflictDoNothing().returning();
    if (!row) throw conflict('phone_exists', '该号码已登记');
    await writeAudit(tx, { action: 'mailbox.phone_saved', entity: 'unit_phone', entityId: row.id, after: { unitId, phone: input.phone, label: input.label } });
    return row;
  });
}

export async function listPhones(ctx: OpContext) {
  assertCan(ctx.actor, 'mailbox.read');
  const rows = await ctx.db.select({ p: unitPhones, unitName: units.name }).from(unitPhones).innerJoin(units, eq(units.id, unitPhones.unitId)).orderBy(units.name);
  return rows.map((r) => ({ ...r.p, unitName: r.unitName }));
}

export const spotCheckInput = z.object({
  unitId: z.uuid('请选择单位'),
  checkedAt: z.coerce.date({ error: '抽查时间格式不正确' }),
  numberDialled: text('拨打号码', 30),
  answered: z.boolean(),
  withinHours: z.boolean(),
  result: text('抽查结果', 500),
});

/** 抽查: the office dials a unit's published number and records the result. */
export async function recordSpotCheck(ctx: OpContext, raw: z.input<typeof spotCheckInput>) {
  assertCan(ctx.actor, 'mailbox.manage');
  const input = spotCheckInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(phoneSpotChecks).values({ ...input, checkedBy: ctx.actor!.id }).returning();
    await writeAudit(tx, { action: 'mailbox.spot_check', entity: 'phone_spot_check', entityId: row.id, after: { unitId: input.unitId, answered: input.answered, withinHours: input.withinHours } });
    return row;
  });
}

/** Spot-check results per unit (checks, answered, answered within working hours): what feeds a 通报 and the assessment. */
export async function spotCheckSummary(ctx: OpContext, opts: { from?: string; to?: string } = {}) {
  assertCan(ctx.actor, 'mailbox.read');
  const rows = await spotCheckTotals(ctx.db, { ...opts, ...(!isDistrictWide(ctx.actor) && { unitId: ctx.actor.unitId }) });
  return rows.map(({ shortName: _short, ...r }) => r);
}
