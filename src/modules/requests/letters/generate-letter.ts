import fs from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { asc, eq, sql } from 'drizzle-orm';
import { requestEvents, requestItems, units } from '../../../db/schema/index.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { conflict, invalid } from '../../../platform/errors.ts';
import { assertCan } from '../../../platform/policy.ts';
import { ROOT } from '../../../paths.ts';
import { cityGovernment, districtGovernment, type SiteNames } from '../../../platform/site-names.ts';
import { loadCase } from '../load-case.ts';
import { OUTCOMES } from '../outcomes.ts';

export const LETTER_KINDS = ['reply', 'correction', 'extension', 'consultation', 'fee', 'transfer'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_NAMES: Record<LetterKind, string> = { reply: '答复书', correction: '补正通知书', extension: '延期答复告知书', consultation: '征求意见函', fee: '收费通知书', transfer: '告知书' };

/**
 * The remedies sentence: 复议 within 60 days (行政复议法 第二十条), 诉讼 within 6 months (行政诉讼法
 * 第四十六条), before the body 行政复议法 (2023 修订) 第二十四条 names — the district government for its
 * departments, 街道 and other units (本级人民政府工作部门、派出机关), the city government for the district
 * government itself (下一级人民政府). A vertically managed agency (税务, 海关 …, 第二十七条: its superior)
 * words its own in its template (DATA_DIR/letter-templates).
 */
export function remediesFor(agencyKind: string, site: SiteNames): string {
  const body = agencyKind === 'region' ? cityGovernment(site) : districtGovernment(site);
  return `如对本答复不服，可以自收到本答复之日起60日内向${body}申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。`;
}

/**
 * The template the office uses: its edited copy in DATA_DIR/letter-templates/<kind>.docx when there is
 * one (edited in Word or WPS, tags in {braces}), else the default committed beside this file.
 */
export function templateFor(kind: LetterKind, dataDir?: string): Buffer {
  const own = dataDir ? path.join(dataDir, 'letter-templates', `${kind}.docx`) : null;
  if (own && fs.existsSync(own)) return fs.readFileSync(own);
  return fs.readFileSync(path.join(ROOT, 'src/modules/requests/letters/templates', `${kind}.docx`));
}

const cn = (d: string | null | undefined) => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '');

/** Fills a template; a tag the office mistyped is a clear error, not a broken file. */
export function renderLetter(template: Buffer, data: Record<string, unknown>): Buffer {
  try {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
    doc.render(data);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
  } catch (err) {
    const e = err as { properties?: { errors?: { properties?: { explanation?: string } }[] } };
    const why = e.properties?.errors?.map((x) => x.properties?.explanation).filter(Boolean).join('；') || (err as Error).message;
    throw invalid('template_error', `文书模板有误：${why}`);
  }
}

/**
 * Makes one letter of a case: the agency's header, the next 文号 of the agency's yearly sequence
 * (taken atomically), the facts from the case's timeline, the basis, the remedies sentence. Written
 * to the case timeline and the audit log.
 */
export async function generateLetter(ctx: OpContext, caseId: string, kind: LetterKind, opts: { dataDir?: string; site: SiteNames }) {
  assertCan(ctx.actor, 'requests.handle');
  const actor = ctx.actor;
  if (!LETTER_KINDS.includes(kind)) throw invalid('unknown_letter', '文书类型不正确');
  return inTransaction(ctx, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    const [agency] = await tx.db.select({ name: units.name, short: units.shortName, kind: units.kind }).from(units).where(eq(units.id, c.agencyUnitId));
    const items = await tx.db.select().from(requestItems).where(eq(requestItems.caseId, caseId)).orderBy(asc(requestItems.seq));
    const events = await tx.db.select().from(requestEvents).where(eq(requestEvents.caseId, caseId)).orderBy(asc(requestEvents.id));
    const last = (k: string) => [...events].reverse().find((e) => e.kind === k && !e.voided);
    if (kind === 'reply' && items.some((i) => !i.outcome)) throw conflict('not_decided', '尚有申请事项未作出决定，不能生成答复书');
    if (kind === 'correction' && !last('correction_sent')) throw conflict('no_correction', '尚未登记补正通知');
    if (kind === 'extension' && !last('extended')) throw conflict('no_extension', '尚未登记延期');
    if (kind === 'consultation' && !last('consultation_started')) throw conflict('no_consultation', '尚未登记征求意见');
    if (kind === 'fee' && !last('fee_notice_received')) throw conflict('no_fee', '尚未登记收费通知');
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const seq = await tx.db.execute<{ last: number }>(sql`insert into request_letter_seq (agency_unit_id, year, last) values (${c.agencyUnitId}, ${year}, 1)
      on conflict (agency_unit_id, year) do update set last = request_letter_seq.last + 1 returning last`);
    const n = Number((seq as unknown as { rows: { last: number }[] }).rows?.[0]?.last ?? (seq as unknown as { last: number }[])[0]?.last);
    const docNumber = `${agency.short ?? agency.name}依申〔${year}〕${n}号`;
    const d = (e: typeof events[number] | undefined) => (e?.data ?? {}) as Record<string, string | number>;
    const data = {
      agencyName: agency.name,
      docNumber,
      date: cn(today),
      applicantName: c.applicantName,
      code: c.code,
      channel: c.channel,
      receivedOn: cn(c.receivedOn),
      description: items.map((i) => i.description).join('；'),
      items: items.map((i) => {
        const o = OUTCOMES.find((x) => x.code === i.outcome);
        return { seq: i.seq, description: i.description, outcomeLabel: o ? (o.group.length > 3 ? `${o.group.slice(3)}（${o.label}）` : o.label) : '', basis: o?.basis || '相关规定', reason: i.reason ?? '' };
      }),
      remedies: remediesFor(agency.kind, opts.site),
      needed: d(last('correction_sent')).needed ?? '',
      applicantDueOn: cn(c.applicantDueOn ?? (d(last('fee_notice_received')).applicantDueOn as string) ?? (d(last('correction_sent')).applicantDueOn as string)),
      reason: d(last('extended')).reason ?? '',
      days: d(last('extended')).days ?? '',
      dueOn: cn(c.dueOn),
      party: d(last('consultation_started')).party ?? '',
      answerDue: cn(d(last('consultation_started')).answerDue as string),
      standard: d(last('fee_notice_received')).standard ?? '',
      yuan: c.feeYuan ?? '',
      payHow: '通过非税收入缴款平台缴纳，或持本通知书到本机关政务服务窗口缴纳',
      target: d(last('transferred')).target ?? '',
      targetContact: '',
    };
    const buf = renderLetter(templateFor(kind, opts.dataDir), data);
    await tx.db.insert(requestEvents).values({ caseId, kind: 'letter', on: today, data: { letter: kind, name: LETTER_NAMES[kind], docNumber }, createdBy: actor.id });
    await writeAudit(tx, { action: 'request.letter', entity: 'request_case', entityId: caseId, after: { letter: kind, docNumber } });
    return { filename: `${c.code}-${LETTER_NAMES[kind]}.docx`, docNumber, data: buf };
  });
}
