import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { OpContext } from '../../platform/context.ts';
import { CHANNEL_NAMES } from './consultation-input.ts';
import { qaStats, statsQuery } from './qa-stats.ts';

/** The month's statistics as .xlsx: totals, by channel, by unit, most frequent unanswered questions. */
export async function exportStats(ctx: OpContext, raw: z.input<typeof statsQuery>): Promise<{ data: Buffer; filename: string }> {
  const s = await qaStats(ctx, raw);
  const wb = new ExcelJS.Workbook();
  const ws1 = wb.addWorksheet('按渠道');
  ws1.addRow([`政策咨询统计（${s.from} 至 ${s.to} 前）`]);
  ws1.addRow(['渠道', '咨询总数', '当场解答', '登记待答', '按时答复', '逾期答复', '当前逾期', '有用', '没用']);
  for (const r of s.byChannel) ws1.addRow([CHANNEL_NAMES[r.channel as keyof typeof CHANNEL_NAMES] ?? r.channel, r.total, r.answeredAtOnce, r.registered, r.repliedOnTime, r.repliedLate, r.overdue, r.useful, r.notUseful]);
  const t = s.totals;
  ws1.addRow(['合计', t.total, t.answeredAtOnce, t.registered, t.repliedOnTime, t.repliedLate, t.overdue, t.useful, t.notUseful]);
  const ws2 = wb.addWorksheet('按单位');
  ws2.addRow(['单位', '登记', '已答复', '按时答复', '当前逾期']);
  for (const r of s.byUnit) ws2.addRow([r.unitName ?? '（待交办）', r.registered, r.replied, r.repliedOnTime, r.overdue]);
  const ws3 = wb.addWorksheet('未解答高频问题');
  ws3.addRow(['问题', '次数']);
  for (const r of s.unanswered) ws3.addRow([r.question, r.times]);
  for (const ws of [ws1, ws2, ws3]) ws.getColumn(1).width = 40;
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), filename: `政策咨询统计-${s.from.slice(0, 7)}.xlsx` };
}
