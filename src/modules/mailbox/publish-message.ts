import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { mailboxMessages, units } from '../../db/schema/index.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { cleanPublicText } from '../../platform/public-intake/public-text.ts';
import { assertCan } from '../../platform/policy.ts';
import { maskText, scanText } from '../catalog/pii/index.ts';
import { loadMessage, type MessageRow } from './load-message.ts';
import { recordMessageStep } from './message-events.ts';

export const publishInput = z.object({
  /** 留言摘要 as staff wrote it; default: the title and the start of the body. */
  summary: z.string().max(2000, '摘要不超过 2000 字').optional(),
  publish: z.boolean().default(true),
});

/**
 * Masks a text for the public: the writer's own name, phone and e-mail wherever they appear, then
 * everything the catalog's PII scanner finds (ID numbers, phones, addresses, names …).
 */
export function maskForPublic(text: string, m: Pick<MessageRow, 'name' | 'phone' | 'email'>): string {
  let s = text;
  for (const v of [m.phone, m.email].filter((x): x is string => !!x && x.length >= 5)) s = s.split(v).join('***');
  if (m.name && m.name.length >= 2) s = s.split(m.name).join(`${m.name[0]}某`);
  return maskText(s, scanText(s));
}

/** The two published texts, masked: the summary (staff's, or the title and the start of the body) and the reply. */
function publicFields(m: MessageRow, summary: string | undefined) {
  const raw = cleanPublicText(summary?.trim() || `${m.title}：${m.body.slice(0, 200)}${m.body.length > 200 ? '……' : ''}`, { multiline: true });
  return { rawSummary: raw, summary: maskForPublic(raw, m), reply: maskForPublic(m.replyText ?? '', m) };
}

export const previewInput = z.object({ summary: publishInput.shape.summary });

/**
 * 选登预览: the five fields exactly as the 网民留言 column would show them, masked, with what the
 * masking changed (the unmasked texts beside) — nothing is published.
 */
export async function previewPublication(ctx: OpContext, id: string, raw: z.input<typeof previewInput>) {
  assertCan(ctx.actor, 'mailbox.manage');
  const input = previewInput.parse(raw);
  const m = await loadMessage(ctx, id, { allowed: ['replied', 'closed'] });
  const shown = publicFields(m, input.summary);
  const [u] = m.replyUnitId ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, m.replyUnitId)) : [];
  return {
    consent: m.consent,
    fields: { summary: shown.summary, acceptedOn: m.acceptedOn ?? m.receivedOn, repliedOn: m.repliedOn ?? '', replyUnit: u?.name ?? '', reply: shown.reply },
    original: { summary: shown.rawSummary, reply: m.replyText ?? '' },
    masked: shown.summary !== shown.rawSummary || shown.reply !== (m.replyText ?? ''),
  };
}

/**
 * Publishes a replied (or closed) message in the 网民留言 column with exactly 留言摘要, 受理日期,
 * 答复日期, 答复部门, 答复内容 — masked; the writer's name and contact never appear. Only a writer who
 * consented to publication; `publish: false` takes it down.
 */
export async function publishMessage(ctx: OpContext, id: string, raw: z.input<typeof publishInput>) {
  assertCan(ctx.actor, 'mailbox.manage');
  const input = publishInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMessage(tx, id, { forUpdate: true, allowed: ['replied', 'closed'] });
    if (!input.publish) {
      const [after] = await tx.db.update(mailboxMessages).set({ publishedAt: null, publishedSummary: null, publishedReply: null }).where(eq(mailboxMessages.id, m.id)).returning();
      await recordMessageStep(tx, m.id, 'unpublished', null);
      return after;
    }
    if (!m.consent) throw conflict('no_consent', '来信人未同意公开，不能发布');
    const shown = publicFields(m, input.summary);
    const [after] = await tx.db
      .update(mailboxMessages)
      .set({ publishedAt: new Date(), publishedSummary: shown.summary, publishedReply: shown.reply })
      .where(eq(mailboxMessages.id, m.id))
      .returning();
    await recordMessageStep(tx, m.id, 'published', null);
    return after;
  });
}

/** The public 网民留言 list: exactly the five fields, newest first. */
export async function listPublishedMessages(ctx: OpContext, opts: { page: number; pageSize: number }) {
  const where = and(isNotNull(mailboxMessages.publishedAt), sql`${mailboxMessages.status} in ('replied','closed')`);
  const [{ total }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(mailboxMessages).where(where);
  const rows = await ctx.db
    .select({ summary: mailboxMessages.publishedSummary, acceptedOn: mailboxMessages.acceptedOn, receivedOn: mailboxMessages.receivedOn, repliedOn: mailboxMessages.repliedOn, replyUnit: units.name, reply: mailboxMessages.publishedReply })
    .from(mailboxMessages)
    .leftJoin(units, eq(units.id, mailboxMessages.replyUnitId))
    .where(where)
    .orderBy(desc(mailboxMessages.publishedAt))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  return {
    total,
    items: rows.map((r) => ({ summary: r.summary ?? '', acceptedOn: r.acceptedOn ?? r.receivedOn, repliedOn: r.repliedOn ?? '', replyUnit: r.replyUnit ?? '', reply: r.reply ?? '' })),
  };
}
