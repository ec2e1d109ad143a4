import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requestFiles, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { claimFiles } from '../../platform/files/file-access.ts';
import { assertCan, assertUnitInScope } from '../../platform/policy.ts';
import { recomputeCaseClock } from './case-clock.ts';
import { day, note, required, text } from './inputs.ts';
import { insertCase } from './insert-case.ts';
import { APPLICANT_KINDS } from './outcomes.ts';
import type { RequestSettings } from './settings.ts';
import { CHANNELS, DELIVERY_METHODS, FILE_KINDS, ID_KINDS, PREFERRED_FORMS } from './statuses.ts';

export const MAX_ITEMS = 20;

export const applicantInput = z.object({
  applicantKind: z.enum(APPLICANT_KINDS, '申请人类型应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他'),
  applicantName: required(100, '申请人姓名或名称'),
  applicantIdKind: z.enum(ID_KINDS).optional(),
  applicantIdNumber: text(40, '证件号码').regex(/^[0-9A-Za-z\-（）() ]*$/, '证件号码只能包含字母、数字和短横线').optional(),
  applicantPhone: text(40, '联系电话').regex(/^[0-9+\-\s()（）转]*$/, '联系电话格式不正确').optional(),
  applicantEmail: z.union([z.literal(''), z.email('电子邮箱格式不正确').max(200)]).optional(),
  applicantAddress: text(300, '通信地址').optional(),
});

export const createRequestInput = applicantInput.extend({
  /** The agency addressed (受理机关); the office may enter for any agency, a unit for itself. */
  agencyUnitId: z.uuid('受理机关不正确').optional(),
  channel: z.enum(CHANNELS, '提交方式应为 网上、信函、传真、当面 或 电子邮件'),
  items: z.array(z.object({ description: required(2000, '所需信息描述') })).min(1, '至少填写一项所需信息').max(MAX_ITEMS, `一件申请最多 ${MAX_ITEMS} 项`),
  docNumber: text(200, '文件名称、文号').optional(),
  purpose: text(1000, '用途').optional(),
  preferredForm: z.enum(PREFERRED_FORMS).optional(),
  deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
  /** 第三十一条 receipt date, when staff enter a request already received (signed for, handed in, confirmed). */
  receivedOn: day.optional(),
  files: z.array(z.object({ fileId: z.uuid(), kind: z.enum(FILE_KINDS) })).max(10, '最多 10 个附件').default([]),
  note,
});
export type CreateRequestInput = z.input<typeof createRequestInput>;

/** ID documents and proof are scans or photos: an image or a PDF (the type as detected from the content). */
export const ID_DOCUMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'];
export function assertIdDocumentTypes(wanted: { fileId: string; kind: string }[], rows: { id: string; mime: string; originalName: string }[]) {
  for (const w of wanted) {
    const f = rows.find((r) => r.id === w.fileId);
    if (w.kind === '身份证明' && f && !ID_DOCUMENT_MIMES.includes(f.mime)) {
      throw invalid('id_document_type', `“${f.originalName}”不是证件扫描件或照片（按内容识别为 ${f.mime}），身份证明只接受 JPG、PNG 或 PDF`);
    }
  }
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 编号: year and 8 random characters (no 0/O/1/I), unguessable, so it can serve as a query code. */
export function newCaseCode(year: string): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `YSQ${year}${s}`;
}

/**
 * Staff entry of a request (letters, faxes, walk-ins, with the envelope scan). With `receivedOn` the
 * receipt is confirmed at once (a walk-in's receipt date is the day it is handed in: today).
 */
export async function createRequest(ctx: OpContext, settings: RequestSettings, raw: CreateRequestInput) {
  assertCan(ctx.actor, 'requests.handle');
  const actor = ctx.actor;
  const input = createRequestInput.parse(raw);
  const agencyUnitId = input.agencyUnitId ?? actor.unitId;
  assertUnitInScope(actor, agencyUnitId);
  const today = todayInShanghai();
  const receivedOn = input.channel === '当面' ? (input.receivedOn ?? today) : input.receivedOn;
  if (receivedOn && receivedOn > today) throw invalid('received_in_future', '收到申请日期不能晚于今天');
  return inTransaction(ctx, async (tx) => {
    const [agency] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, agencyUnitId));
    if (!agency) throw invalid('unknown_agency', '受理机关不存在');
    const row = await insertCase(tx, { ...input, agencyUnitId, code: newCaseCode(today.slice(0, 4)), items: input.items.map((i) => i.description), receivedOn: receivedOn ?? null, createdBy: actor.id, note: input.note });
    if (input.files.length) {
      const claimed = await claimFiles(tx, actor, input.files.map((f) => f.fileId), { kind: 'request_case', id: row.id });
      assertIdDocumentTypes(input.files, claimed);
      await tx.db.insert(requestFiles).values(input.files.map((f) => ({ caseId: row.id, fileId: f.fileId, kind: f.kind })));
    }
    const clock = receivedOn ? await recomputeCaseClock(tx, row.id, await loadCalendar(tx.db), settings) : null;
    await writeAudit(tx, {
      action: 'request.create',
      entity: 'request_case',
      entityId: row.id,
      after: { code: row.code, agencyUnitId, channel: input.channel, applicantKind: input.applicantKind, items: input.items.length, receivedOn: receivedOn ?? null, dueOn: clock?.due ?? null },
    });
    return { id: row.id, code: row.code };
  });
}
