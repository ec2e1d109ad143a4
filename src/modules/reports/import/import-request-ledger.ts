import { inArray, sql } from 'drizzle-orm';
import { requestCases } from '../../../db/schema/index.ts';
import { writeAudit } from '../../../platform/audit/write-audit.ts';
import { todayInShanghai } from '../../../platform/calendar/dates.ts';
import { inTransaction, type OpContext } from '../../../platform/context.ts';
import { assertCan } from '../../../platform/policy.ts';
import { loadUnitResolver } from '../../../platform/units/unit-resolver.ts';
import { isApplicantKind } from '../../requests/outcomes.ts';
import { readLedgerRows } from './read-ledger-rows.ts';
import { resolveOutcome } from './resolve-outcome.ts';
import { checkDate, refuseRows, type RowError } from './row-errors.ts';

export const CASE_LEDGER_HEADER = ['编号', '受理机关', '申请人类型', '收到日期', '办结日期', '办理结果'] as const;
const BATCH = 10_000;

export type ImportProgress = (done: number, total: number) => void;

/**
 * Imports an earlier years' ledger of information requests (`gongkai requests import`): every row is
 * checked first and any bad row refuses the whole file; then all rows are written in one transaction,
 * marked as imported (read-only history). Dates before the published calendar are valid history.
 */
export async function importRequestLedger(ctx: OpContext, data: Uint8Array, onProgress?: ImportProgress) {
  assertCan(ctx.actor, 'reports.import');
  const actorId = ctx.actor.id;
  const rows = await readLedgerRows(data, CASE_LEDGER_HEADER);
  const resolver = await loadUnitResolver(ctx.db);
  const today = todayInShanghai();
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const values: (typeof requestCases.$inferInsert)[] = [];
  for (const { line, cells } of rows) {
    const err = (column: string, message: string) => errors.push({ line, column, message });
    const code = cells['编号'];
    if (!code) err('编号', '不能为空');
    else if (code.length > 60) err('编号', '不能超过 60 字');
    else if (seen.has(code)) err('编号', `与第 ${seen.get(code)} 行重复`);
    else seen.set(code, line);
    const agency = resolver.resolveOne(cells['受理机关']);
    if (!cells['受理机关']) err('受理机关', '不能为空');
    else if (agency.kind !== 'unit') err('受理机关', `“${cells['受理机关']}”不是系统中的单位${agency.kind === 'group' ? '（这是单位组，请写具体单位）' : ''}`);
    const kind = cells['申请人类型'];
    if (!isApplicantKind(kind)) err('申请人类型', `“${kind}”应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一`);
    const received = checkDate(cells['收到日期']);
    if (!received) err('收到日期', cells['收到日期'] ? `“${cells['收到日期']}”不是有效日期（格式 YYYY-MM-DD）` : '不能为空');
    else if (received > today) err('收到日期', '晚于今天');
    const closedCell = cells['办结日期'];
    const closed = closedCell ? checkDate(closedCell) : null;
    if (closedCell && !closed) err('办结日期', `“${closedCell}”不是有效日期（格式 YYYY-MM-DD）`);
    else if (closed && received && closed < received) err('办结日期', '早于收到日期');
    else if (closed && closed > today) err('办结日期', '晚于今天');
    const outcomeCell = cells['办理结果'];
    const outcome = outcomeCell ? resolveOutcome(outcomeCell) : null;
    if (outcomeCell && !outcome) err('办理结果', `“${outcomeCell}”不是年报第三部分的办理结果（如 1、2、3.1…6.3 或其文字）`);
    else if (closedCell && !outcomeCell) err('办理结果', '已办结的申请须填写办理结果');
    else if (!closedCell && outcomeCell) err('办结日期', '填写了办理结果的申请须填写办结日期');
    if (agency.kind === 'unit' && code && received && isApplicantKind(kind))
      values.push({ agencyUnitId: agency.unit.unitId, code, applicantKind: kind, receivedOn: received, closedOn: closed, outcome, imported: true, createdBy: ctx.actor.id });
  }
  // Codes already in the system (checked in slices: a ledger holds up to 200k).
  const codes = [...seen.keys()];
  for (let i = 0; i < codes.length; i += 5000) {
    const taken = await ctx.db.select({ code: requestCases.code }).from(requestCases).where(inArray(requestCases.code, codes.slice(i, i + 5000)));
    for (const t of taken) errors.push({ line: seen.get(t.code)!, column: '编号', message: `“${t.code}”已在系统中` });
  }
  if (errors.length) refuseRows(errors.sort((a, b) => a.line - b.line));
  return inTransaction(ctx, async (tx) => {
    // Each slice as one JSON parameter expanded by the database: a 100k-row ledger is ten statements,
    // not a million bound parameters.
    for (let i = 0; i < values.length; i += BATCH) {
      const slice = values.slice(i, i + BATCH).map((v) => ({ a: v.agencyUnitId, c: v.code, k: v.applicantKind, r: v.receivedOn, d: v.closedOn, o: v.outcome }));
      await tx.db.execute(sql`
        insert into request_cases (agency_unit_id, code, applicant_kind, received_on, closed_on, outcome, imported, created_by)
        select a, c, k, r, d, o, true, ${actorId}::uuid
        from json_to_recordset(${JSON.stringify(slice)}::json) as x(a uuid, c text, k text, r date, d date, o text)`);
      onProgress?.(Math.min(i + BATCH, values.length), values.length);
    }
    await writeAudit(tx, { action: 'request.import', entity: 'request_case', after: { rows: values.length } });
    return { imported: values.length };
  });
}
