import { eq } from 'drizzle-orm';
import { isProvisionalDue } from '../../platform/calendar/load-calendar.ts';
import { z } from 'zod';
import { mailboxMessages } from '../../db/schema/index.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { lookupByCode } from '../../platform/public-intake/lookup-by-code.ts';
import { QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { reopenLedgerItem } from '../../platform/ledger/reply-ledger-item.ts';
import { ledgerItemOf } from '../../platform/ledger/load-ledger-item.ts';
import { recordMessageStep } from './message-events.ts';
import { SUBJECT_MESSAGE } from './message-days.ts';
import { OPEN_MESSAGE_STATUSES } from './message-filters.ts';
import { RATINGS, REJECT_KINDS, type MessageStatus, type RejectKind } from './strings.ts';

type Row = typeof mailboxMessages.$inferSelect;

const find = (ctx: OpContext) => async (code: string) => (await ctx.db.select().from(mailboxMessages).where(eq(mailboxMessages.code, code)))[0] ?? null;

/**
 * What anyone with the code sees (stable API): `{code, status, receivedAt, dueDate, reply}`; the reply
 * is `{text, html, unit, repliedOn, rating}` once replied, a rejected message's reply is the reason.
 * Never the writer's contact.
 */
export async function getMessageStatus(ctx: OpContext, settings: IntakeSettings, code: string) {
  const m = await lookupByCode(ctx, settings, { scope: 'mailbox', prefix: QUERY_CODE_PREFIXES.mailbox, code }, find(ctx));
  return presentStatus(ctx, m);
}

async function presentStatus(ctx: OpContext, m: Row) {
  let reply: { text: string; html: string | null; unit: string | null; repliedOn: string | null; rating: string | null; canRate: boolean } | null = null;
  if (m.status === 'rejected') reply = { text: `不予受理（${REJECT_KINDS[m.rejectKind as RejectKind] ?? ''}）：${m.rejectReason ?? ''}`, html: null, unit: '区政府办公室', repliedOn: m.acceptedOn, rating: null, canRate: false };
  else if (m.replyText !== null && (m.status === 'replied' || m.status === 'closed')) {
    const { units } = await import('../../db/schema/index.ts');
    const [u] = m.replyUnitId ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, m.replyUnitId)) : [];
    reply = { text: m.replyText, html: m.replyHtml, unit: u?.name ?? null, repliedOn: m.repliedOn, rating: m.rating, canRate: m.status === 'replied' && m.rating === null };
  }
  // Only while the clock runs: a replied message's date is history.
  const dueProvisional = OPEN_MESSAGE_STATUSES.includes(m.status as MessageStatus) && (await isProvisionalDue(ctx.db, m.dueDate, m.receivedOn));
  return { code: m.code, status: m.status as MessageStatus, receivedAt: m.receivedAt, dueDate: m.dueDate, dueProvisional, type: m.type, title: m.title, petition: m.petition, reply };
}

export const ratingInput = z.object({ rating: z.enum(RATINGS, { error: '请选择 满意、基本满意 或 不满意' }) });

/**
 * The writer rates the reply (once per reply). 满意 / 基本满意 close the message; 不满意 reopens it
 * once, back to the office (a second 不满意 closes it, rated). The rating that reopens it is kept in
 * `earlierRatings`: the next reply gets a rating of its own, and both count in the statistics.
 */
export async function rateMessage(ctx: OpContext, settings: IntakeSettings, code: string, raw: z.input<typeof ratingInput>) {
  const { rating } = ratingInput.parse(raw);
  const m = await lookupByCode(ctx, settings, { scope: 'mailbox', prefix: QUERY_CODE_PREFIXES.mailbox, code }, find(ctx));
  return inTransaction(ctx, async (tx) => {
    const [cur] = await tx.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, m.id)).for('update');
    if (cur.status !== 'replied' || cur.rating !== null) throw conflict('cannot_rate', '该留言当前不能评价（尚未答复或已评价）');
    const reopen = rating === '不满意' && cur.reopenCount === 0;
    const [after] = await tx.db
      .update(mailboxMessages)
      .set(reopen ? { rating: null, earlierRatings: [...cur.earlierRatings, rating], status: 'accepted', unitId: null, reopenCount: 1, updatedAt: new Date() } : { rating, ratedAt: new Date(), status: 'closed', updatedAt: new Date() })
      .where(eq(mailboxMessages.id, m.id))
      .returning();
    await recordMessageStep(tx, m.id, 'rated', rating, { after: { rating } });
    if (reopen) {
      await recordMessageStep(tx, m.id, 'reopened', '来信人对答复不满意，退回区政府办公室重新办理');
      if (await ledgerItemOf(tx, SUBJECT_MESSAGE, m.id)) await reopenLedgerItem(tx, { subjectType: SUBJECT_MESSAGE, subjectId: m.id }, { unitId: null, note: '来信人不满意，重新办理' });
    }
    return presentStatus(tx, after);
  });
}
