import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxEvents, mailboxMessages, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { ledgerTimeline, presentLedgerItem } from '../../platform/ledger/list-ledger-items.ts';
import { listAttachments } from '../../platform/public-intake/public-attachments.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { loadMessage, type MessageRow } from './load-message.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import { messageStateSql, OPEN_MESSAGE_STATUSES } from './message-filters.ts';
import { soonLimitFor } from '../../platform/ledger/ledger-clock.ts';
import { MESSAGE_STATUSES, MESSAGE_TYPES, type MessageStatus } from './strings.ts';

export const listMessagesQuery = z.object({
  status: z.enum(MESSAGE_STATUSES).optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** `soon`: open and due within LEDGER_REMIND_DAYS working days (today included); `overdue`: open and past due. */
  due: z.enum(['soon', 'overdue']).optional(),
  /** One open message's due day (the workbench's deadlines). */
  dueDate: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  /** triage: with the office to send on; sign: at a unit, not signed for; extension: an extension awaits the office. */
  stage: z.enum(['triage', 'sign', 'extension']).optional(),
  q: z.string().trim().max(50, '关键词不超过 50 字').optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
});

/**
 * The handling list: the office sees every message (optionally one unit's), a unit only those sent
 * to it; filtered by status, type, overdue and a title/code keyword; newest first. Served by the
 * indexes (unit_id, status, received_at) and (status, received_at).
 */
export async function listMessages(ctx: OpContext, raw: z.input<typeof listMessagesQuery>, opts: { soonDays: number; today?: string }) {
  assertCan(ctx.actor, 'mailbox.read');
  const q = listMessagesQuery.parse(raw);
  const today = opts.today ?? todayInShanghai();
  const where: SQL[] = [];
  if (!isDistrictWide(ctx.actor)) where.push(eq(mailboxMessages.unitId, ctx.actor.unitId));
  else if (q.unitId) where.push(eq(mailboxMessages.unitId, q.unitId));
  if (q.status) where.push(eq(mailboxMessages.status, q.status));
  if (q.type) where.push(eq(mailboxMessages.type, q.type));
  const due = q.due ?? (q.overdue === 'true' ? 'overdue' : undefined);
  if (due) where.push(messageStateSql.due(due, { today, soonLimit: due === 'soon' ? await soonLimitFor(ctx.db, today, opts.soonDays) : today }));
  if (q.dueDate) where.push(messageStateSql.dueOn(q.dueDate));
  if (q.stage === 'triage') where.push(messageStateSql.toTriage());
  if (q.stage === 'sign') where.push(messageStateSql.toSign());
  if (q.stage === 'extension') where.push(messageStateSql.extensionRequested());
  if (q.q) where.push(sql`(strpos(${mailboxMessages.title}, ${q.q}) > 0 or ${mailboxMessages.code} = ${q.q.toUpperCase()})`);
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(mailboxMessages).where(cond);
  const rows = await ctx.db
    .select({ m: mailboxMessages, unitName: units.name })
    .from(mailboxMessages)
    .leftJoin(units, eq(units.id, mailboxMessages.unitId))
    .where(cond)
    .orderBy(desc(mailboxMessages.receivedAt), desc(mailboxMessages.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total, items: rows.map((r) => summary(r.m, r.unitName, today)) };
}

function summary(m: MessageRow, unitName: string | null, today: string) {
  return {
    id: m.id,
    code: m.code,
    type: m.type,
    title: m.title,
    status: m.status,
    unitId: m.unitId,
    unitName,
    triage: m.triage,
    receivedAt: m.receivedAt,
    receivedOn: m.receivedOn,
    dueDate: m.dueDate,
    repliedOn: m.repliedOn,
    rating: m.rating,
    petition: m.petition,
    published: m.publishedAt !== null,
    sample: m.sample,
    overdue: OPEN_MESSAGE_STATUSES.includes(m.status as MessageStatus) ? m.dueDate < today : m.repliedOn !== null && m.repliedOn > m.dueDate,
  };
}

/** One message for its handler: content, contact, attachments, its timeline and its ledger item. */
export async function getMessage(ctx: OpContext, id: string) {
  assertCan(ctx.actor, 'mailbox.read');
  const m = await loadMessage(ctx, id);
  const [u] = m.unitId ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, m.unitId)) : [];
  const events = await ctx.db.select().from(mailboxEvents).where(eq(mailboxEvents.messageId, m.id)).orderBy(asc(mailboxEvents.at));
  const item = await ledgerItemOf(ctx, SUBJECT_MESSAGE, m.id);
  const today = todayInShanghai();
  return {
    ...summary(m, u?.name ?? null, today),
    body: m.body,
    name: m.name,
    phone: m.phone,
    email: m.email,
    consent: m.consent,
    rejectKind: m.rejectKind,
    rejectReason: m.rejectReason,
    leaderInstruction: m.leaderInstruction,
    acceptedOn: m.acceptedOn,
    replyHtml: m.replyHtml,
    reopenCount: m.reopenCount,
    earlierRatings: m.earlierRatings,
    publishedSummary: m.publishedSummary,
    publishedReply: m.publishedReply,
    attachments: await listAttachments(ctx.db, m.attachmentIds),
    events: events.map((e) => ({ at: e.at, actorName: e.actorName, action: e.action, note: e.note })),
    ledger: item ? { ...presentLedgerItem(item, null, today), timeline: await ledgerTimeline(ctx, item.id) } : null,
  };
}
