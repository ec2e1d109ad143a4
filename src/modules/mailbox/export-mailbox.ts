import ExcelJS from 'exceljs';
import { desc, eq, and, type SQL } from 'drizzle-orm';
import { mailboxCalls, mailboxMessages, units } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { govDocx } from '../../platform/office/gov-docx.ts';
import { assertCan, isDistrictWide } from '../../platform/policy.ts';
import { monthlyStats } from './message-stats.ts';
import { ratingsGiven } from './ratings-given.ts';
import { REJECT_KINDS, STATUS_LABELS, TRIAGES, type MessageStatus, type RejectKind, type Triage } from './strings.ts';

/** Newest first; a year of a district's mail is a few thousand rows, far below any limit. */
const MAX_ROWS = 100_000;

async function book(sheetName: string, columns: { header: string; width: number }[], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 留言办理台账 (.xlsx): the office's whole ledger, with contact (staff only). */
export async function exportMessageLedger(ctx: OpContext): Promise<Buffer> {
  assertCan(ctx.actor, 'mailbox.manage');
  const rows = await ctx.db.select({ m: mailboxMessages, unit: units.name }).from(mailboxMessages).leftJoin(units, eq(units.id, mailboxMessages.unitId)).orderBy(desc(mailboxMessages.receivedAt)).limit(MAX_ROWS);
  return book(
    '留言办理台账',
    [
      { header: '查询码', width: 22 }, { header: '类型', width: 8 }, { header: '标题', width: 36 }, { header: '来信人', width: 10 }, { header: '联系电话', width: 15 },
      { header: '收到日期', width: 12 }, { header: '受理日期', width: 12 }, { header: '状态', width: 14 }, { header: '办理方式', width: 8 }, { header: '承办单位', width: 22 },
      { header: '答复期限', width: 12 }, { header: '答复日期', width: 12 }, { header: '是否按期', width: 8 }, { header: '评价', width: 10 }, { header: '不予受理理由', width: 30 }, { header: '已公开', width: 8 },
    ],
    rows.map(({ m, unit }) => [
      m.code, m.type, m.title, m.name, m.phone ?? m.email ?? '', m.receivedOn, m.acceptedOn ?? '', STATUS_LABELS[m.status as MessageStatus] ?? m.status,
      m.triage ? TRIAGES[m.triage as Triage] : '', unit ?? '', m.dueDate, m.repliedOn ?? '', m.repliedOn ? (m.repliedOn <= m.dueDate ? '是' : '否') : '',
      ratingsGiven(m).join(' → '), m.rejectKind ? `${REJECT_KINDS[m.rejectKind as RejectKind]}：${m.rejectReason ?? ''}` : '', m.publishedAt ? '是' : '否',
    ]),
  );
}

/** 来电登记台账 (.xlsx): a unit its own calls, the office every unit's. */
export async function exportCallLedger(ctx: OpContext): Promise<Buffer> {
  assertCan(ctx.actor, 'mailbox.read');
  const where: SQL[] = [];
  if (!isDistrictWide(ctx.actor)) where.push(eq(mailboxCalls.unitId, ctx.actor.unitId));
  const rows = await ctx.db.select({ c: mailboxCalls, unit: units.name }).from(mailboxCalls).innerJoin(units, eq(units.id, mailboxCalls.unitId)).where(where.length ? and(...where) : undefined).orderBy(desc(mailboxCalls.calledAt)).limit(MAX_ROWS);
  const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return book(
    '来电登记台账',
    [
      { header: '编号', width: 22 }, { header: '单位', width: 22 }, { header: '来电时间', width: 18 }, { header: '被叫号码', width: 15 }, { header: '来电人', width: 10 }, { header: '来电号码', width: 15 },
      { header: '来电内容', width: 40 }, { header: '当场答复', width: 8 }, { header: '答复内容', width: 40 }, { header: '回复期限', width: 12 }, { header: '回复日期', width: 12 }, { header: '回复情况', width: 30 },
    ],
    rows.map(({ c, unit }) => [c.code, unit, fmt.format(c.calledAt), c.numberCalled, c.callerName ?? '', c.callerPhone ?? '', c.question, c.answeredOnSpot ? '是' : '否', c.answer ?? '', c.callbackDue ?? '', c.callbackOn ?? '', c.callbackNote ?? '']),
  );
}

/** The month's statistics as a Word document (gov-docx layout). */
export async function statsDocx(ctx: OpContext, month: string, district: string): Promise<Buffer> {
  assertCan(ctx.actor, 'mailbox.read');
  const s = await monthlyStats(ctx, month);
  const [y, m] = month.split('-');
  return govDocx({
    title: `${district}政务公开信箱${y}年${Number(m)}月办理情况统计`,
    blocks: [
      { kind: 'paragraph', text: `${y}年${Number(m)}月，公开信箱共收到留言${s.received}件，受理${s.accepted}件，不予受理${s.rejected}件${s.pending ? `，待审看${s.pending}件` : ''}；已答复${s.replied}件，其中按期答复${s.repliedOnTime}件；平均办理时间${s.averageDays}个工作日。${s.satisfaction === null ? '本月暂无评价。' : `来信人评价满意率（满意与基本满意）${s.satisfaction}%。`}` },
      { kind: 'table', header: ['项目', '数量'], rows: [['收到留言', String(s.received)], ['受理', String(s.accepted)], ['不予受理', String(s.rejected)], ['待审看', String(s.pending)], ['已答复', String(s.replied)], ['按期答复', String(s.repliedOnTime)], ['平均办理工作日', String(s.averageDays)], ['满意', String(s.ratings.satisfied)], ['基本满意', String(s.ratings.basicallySatisfied)], ['不满意', String(s.ratings.dissatisfied)]] },
      { kind: 'signature', lines: [`${district}人民政府办公室`, `${y}年${Number(m)}月`] },
    ],
  });
}
