import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import { mailboxMessages } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { OpContext } from '../../platform/context.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { replyDaysFor } from './message-days.ts';
import { recordMessageStep } from './message-events.ts';
import { PETITION_WORDS, type MessageType } from './strings.ts';

export interface NewMessage {
  /** Given when attachments were stored against the id before the row is written. */
  id?: string;
  type: MessageType;
  title: string;
  body: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  consent?: boolean;
  addressedUnitId?: string | null;
  attachmentIds?: string[];
  /** Timeline note of the receipt (e.g. where a routed message came from). */
  note?: string | null;
  /** Extra facts for the receipt's audit row. */
  audit?: Record<string, unknown>;
}

/**
 * A message enters the mailbox, inside the caller's transaction: query code (XX), due date (working
 * days by type from today, the platform calendar), the 信访 flag, the receipt on its timeline and in
 * the audit log. Used by the public form (submit-message.ts) and by modules that route a matter here
 * (an information request that is really a complaint, 条例第三十九条: requests/route-complaint.ts).
 */
export async function recordMessage(tx: OpContext, config: Config, m: NewMessage): Promise<{ id: string; code: string; dueDate: string; dueProvisional: boolean; petition: boolean }> {
  const id = m.id ?? randomUUID();
  const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.mailbox);
  const receivedOn = todayInShanghai();
  const workingDays = replyDaysFor(m.type, config);
  const calendar = await loadCalendar(tx.db);
  const dueDate = calendar.provisionalWorkingDays(receivedOn, workingDays);
  const petition = (m.type === '投诉' || m.type === '其他') && PETITION_WORDS.test(`${m.title}\n${m.body}`);
  const attachmentIds = m.attachmentIds ?? [];
  await tx.db.insert(mailboxMessages).values({
    id,
    code,
    type: m.type,
    addressedUnitId: m.addressedUnitId ?? null,
    title: m.title,
    body: m.body,
    name: m.name,
    phone: m.phone ?? null,
    email: m.email ?? null,
    consent: m.consent ?? false,
    attachmentIds,
    petition,
    status: 'received',
    receivedAt: new Date(),
    receivedOn,
    workingDays,
    dueDate,
  });
  const note = m.note ?? (petition ? '涉及信访事项，已登记并告知来信人信访渠道' : null);
  await recordMessageStep(tx, id, 'received', note, { after: { code, type: m.type, attachments: attachmentIds.length, ...m.audit } });
  return { id, code, dueDate, dueProvisional: calendar.isProvisional(dueDate, receivedOn), petition };
}
