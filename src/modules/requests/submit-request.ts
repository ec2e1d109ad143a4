import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requestFiles, units } from '../../db/schema/index.ts';
import { writeAudit } from '../../platform/audit/write-audit.ts';
import type { OpContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { notifyUnits } from '../../platform/notifications/notify.ts';
import { acceptPublicSubmission } from '../../platform/public-intake/accept-public-submission.ts';
import type { ChallengeProof } from '../../platform/public-intake/form-challenge.ts';
import type { IntakeSettings } from '../../platform/public-intake/intake-settings.ts';
import { checkPublicAttachments, removeStored, storePublicAttachments, type PublicUpload } from '../../platform/public-intake/public-attachments.ts';
import { optionalPublicText, publicEmail, publicPhone, publicText } from '../../platform/public-intake/public-text.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../../platform/public-intake/query-code.ts';
import { ID_DOCUMENT_MIMES } from './create-request.ts';
import { insertCase } from './insert-case.ts';
import { APPLICANT_KINDS } from './outcomes.ts';
import { DELIVERY_METHODS, ID_KINDS, PREFERRED_FORMS } from './statuses.ts';

export const MAX_DESCRIPTION = 5000;
/** Proof of identity: up to 3 pictures or PDFs (the ID card's two sides, a licence …). */
export const MAX_ID_PROOFS = 3;
/** The form field of the proof uploads (JSON clients send multipart with this field). */
export const ID_PROOF_FIELD = 'idProof';

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.enum(values, { error: message }));
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * The stable public input (portal form and POST /api/public/requests): the 条例第二十九条 contents —
 * who applies (kind, name, ID document or organisation code, contact), what is asked (description,
 * 文号 if known, purpose optional) and how it is wanted (form, delivery).
 */
export const publicRequestInput = z
  .object({
    agencyUnitId: z.uuid({ error: '请选择受理机关' }),
    applicantKind: choice(APPLICANT_KINDS, '请选择申请人类型（自然人，或法人或其他组织：商业企业、科研机构、社会公益组织、法律服务机构、其他）'),
    applicantName: publicText('申请人姓名或名称', { max: 100 }),
    applicantIdKind: choice(ID_KINDS, '请选择证件类型'),
    applicantIdNumber: z.preprocess(blankToUndefined, z.string({ error: '请填写证件号码或统一社会信用代码' }).trim().max(40, '证件号码不能超过 40 个字符').regex(/^[0-9A-Za-z\-（）() ]+$/, '证件号码只能包含字母、数字和短横线')),
    applicantPhone: publicPhone,
    applicantEmail: publicEmail,
    applicantAddress: optionalPublicText('通信地址', { max: 300 }),
    description: publicText('所需政府信息的名称或内容描述', { min: 5, max: MAX_DESCRIPTION, multiline: true }),
    docNumber: optionalPublicText('文件名称、文号', { max: 200 }),
    purpose: optionalPublicText('用途', { max: 1000, multiline: true }),
    preferredForm: choice(PREFERRED_FORMS, '请选择获取信息的形式（纸质、电子邮件、光盘、当场阅读）'),
    deliveryMethod: choice(DELIVERY_METHODS, '请选择获取信息的方式（邮寄、电子、自取）'),
  })
  .superRefine((v, ctx) => {
    if (!v.applicantPhone && !v.applicantEmail) ctx.addIssue({ code: 'custom', path: ['applicantPhone'], message: '请至少填写联系电话或电子邮箱中的一项' });
    if (v.deliveryMethod === '邮寄' && !v.applicantAddress) ctx.addIssue({ code: 'custom', path: ['applicantAddress'], message: '选择邮寄的，请填写通信地址' });
    if ((v.preferredForm === '电子邮件' || v.deliveryMethod === '电子') && !v.applicantEmail) ctx.addIssue({ code: 'custom', path: ['applicantEmail'], message: '选择电子邮件或电子方式获取的，请填写电子邮箱' });
    if (v.applicantKind === '自然人' && v.applicantIdKind === '统一社会信用代码') ctx.addIssue({ code: 'custom', path: ['applicantIdKind'], message: '自然人请填写身份证件，法人或其他组织填写统一社会信用代码' });
  });
export type PublicRequestInput = z.input<typeof publicRequestInput>;

/** Chinese names of the form's fields, for messages about a field (readSubmission). */
export const REQUEST_FIELD_LABELS: Record<string, string> = {
  applicantName: '申请人姓名或名称',
  applicantIdNumber: '证件号码',
  applicantAddress: '通信地址',
  description: '所需政府信息的名称或内容描述',
  docNumber: '文件名称、文号',
  purpose: '用途',
};

/**
 * An information request filed on the portal (or through the public API): validated, rate-limited,
 * challenge spent, one case per repeated submission (the public-intake kernel); the proof of
 * identity checked by content (pictures or PDF only; a file whose name claims another type is
 * refused) and stored against the case, never public. The case waits for staff to confirm receipt
 * (status 待确认收到: online, the receipt date is the day both sides confirm, 第三十一条); the agency's
 * handlers are notified. Returns the query code.
 */
export async function submitRequest(
  ctx: OpContext,
  deps: { config: Config; settings: IntakeSettings; store: FileStore },
  raw: unknown,
  extra: { proof: ChallengeProof; token?: string | null; idempotencyKey?: string | null; uploads?: PublicUpload[] },
): Promise<{ code: string; agencyName: string; duplicate: boolean }> {
  const input = publicRequestInput.parse(raw);
  const proofs = (extra.uploads ?? []).filter((u) => !u.field || u.field === ID_PROOF_FIELD);
  if (!proofs.length) throw invalid('id_proof_required', '请上传身份证明材料（身份证件或营业执照等的照片、扫描件，JPG、PNG 或 PDF）');
  const checked = await checkPublicAttachments(proofs, { maxFiles: MAX_ID_PROOFS, maxBytes: deps.config.UPLOAD_MAX_MB * 1048576 });
  for (const c of checked) {
    if (!ID_DOCUMENT_MIMES.includes(c.mime)) throw invalid('id_document_type', `“${c.label}”不是证件照片或扫描件（按文件内容识别），身份证明只接受 JPG、PNG 或 PDF`);
  }
  const [agency] = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.id, input.agencyUnitId), eq(units.active, true), eq(units.isAgency, true)));
  if (!agency) throw invalid('unknown_agency', '所选受理机关不存在，请重新选择');
  const storedKeys: string[] = [];
  try {
    const { result, duplicate } = await acceptPublicSubmission(
      ctx,
      deps.settings,
      { scope: 'requests', body: { ...input, files: checked.map((c) => `${c.label}:${c.data.length}`) }, proof: extra.proof, token: extra.token, idempotencyKey: extra.idempotencyKey },
      async (tx) => {
        const id = randomUUID();
        const code = await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.requests);
        const { ids, storageKeys } = await storePublicAttachments(tx.db, deps.store, checked, { kind: 'request_case', id });
        storedKeys.push(...storageKeys);
        await insertCase(tx, { ...input, id, code, agencyUnitId: agency.id, channel: '网上', receivedOn: null, items: [input.description], createdBy: null, note: '申请人通过门户网站提交' });
        await tx.db.insert(requestFiles).values(ids.map((fileId) => ({ caseId: id, fileId, kind: '身份证明' })));
        await writeAudit(tx, { action: 'request.submit', entity: 'request_case', entityId: id, after: { code, agencyUnitId: agency.id, channel: '网上', applicantKind: input.applicantKind, idProofs: ids.length } });
        await notifyUnits(tx.db, [agency.id], { kind: 'request.submitted', title: `新的依申请公开申请（网上提交，待确认收到）：${code}`, link: `/admin/requests/${id}` }, ['liaison', 'responder']);
        return { code, agencyName: agency.name };
      },
    );
    if (duplicate) await removeStored(deps.store, storedKeys);
    return { ...result, duplicate };
  } catch (err) {
    await removeStored(deps.store, storedKeys);
    throw err;
  }
}
