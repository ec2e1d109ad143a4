import { requestCases, requestEvents, requestItems } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import type { ApplicantKind } from './outcomes.ts';
import { applicantKeyOf, type Channel } from './statuses.ts';

export interface NewCase {
  id?: string;
  agencyUnitId: string;
  code: string;
  channel: Channel;
  /** 第三十一条 receipt date when already known (walk-ins, letters signed for); else the case waits for confirmation. */
  receivedOn: string | null;
  applicantKind: ApplicantKind;
  applicantName: string;
  applicantIdKind?: string | null;
  applicantIdNumber?: string | null;
  applicantPhone?: string | null;
  applicantEmail?: string | null;
  applicantAddress?: string | null;
  items: string[];
  docNumber?: string | null;
  purpose?: string | null;
  preferredForm?: string | null;
  deliveryMethod?: string | null;
  createdBy: string | null;
  /** Timeline note of the entry. */
  note?: string | null;
}

/**
 * Writes a new case, its items and its first timeline rows (entered; received when the receipt date
 * is known) in the caller's transaction — staff entry (create-request.ts) and the portal
 * (submit-request.ts) alike. The clock and the audit row are the caller's.
 */
export async function insertCase(tx: OpContext, c: NewCase) {
  const [row] = await tx.db
    .insert(requestCases)
    .values({
      ...(c.id ? { id: c.id } : {}),
      agencyUnitId: c.agencyUnitId,
      code: c.code,
      applicantKind: c.applicantKind,
      applicantName: c.applicantName,
      applicantIdKind: c.applicantIdKind ?? null,
      applicantIdNumber: c.applicantIdNumber || null,
      applicantPhone: c.applicantPhone || null,
      applicantEmail: c.applicantEmail || null,
      applicantAddress: c.applicantAddress || null,
      applicantKey: applicantKeyOf(c),
      description: c.items.join('\n'),
      docNumber: c.docNumber || null,
      purpose: c.purpose || null,
      preferredForm: c.preferredForm ?? null,
      deliveryMethod: c.deliveryMethod ?? null,
      channel: c.channel,
      status: c.receivedOn ? '办理中' : '待确认收到',
      receivedOn: c.receivedOn,
      createdBy: c.createdBy,
    })
    .returning();
  await tx.db.insert(requestItems).values(c.items.map((description, k) => ({ caseId: row.id, seq: k + 1, description })));
  await tx.db.insert(requestEvents).values({ caseId: row.id, kind: 'entered', on: todayInShanghai(), data: { channel: c.channel }, note: c.note ?? null, createdBy: c.createdBy });
  if (c.receivedOn) await tx.db.insert(requestEvents).values({ caseId: row.id, kind: 'received', on: c.receivedOn, data: { channel: c.channel }, createdBy: c.createdBy });
  return row;
}
