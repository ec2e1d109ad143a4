import ExcelJS from 'exceljs';
import { asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { qaEntries, qaVariants, units } from '../../db/schema/index.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import type { OpContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/policy.ts';

export const exportQuery = z.object({
  format: z.enum(['xlsx', 'tsv'], { message: '格式应为 xlsx 或 tsv' }).default('xlsx'),
  /** Retired entries too. */
  all: z.enum(['true', 'false']).default('false'),
});

const HEADER = ['id', 'question', 'answer', 'variants', 'topic', 'status', 'unit'];

/** A TSV field: quoted (as Excel writes) when it holds a tab, line break or quote. */
function tsvField(s: string): string {
  return /[\t\n\r"]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The library as the import reads it back: one row per entry, variants in one cell separated by line
 * breaks; the id column is the external id, else the entry id.
 */
export async function exportEntries(ctx: OpContext, raw: z.input<typeof exportQuery>): Promise<{ data: Buffer; filename: string; mime: string }> {
  assertCan(ctx.actor, 'qa.read');
  const q = exportQuery.parse(raw);
  const rows = await ctx.db
    .select({ id: qaEntries.id, externalId: qaEntries.externalId, question: qaEntries.question, answer: qaEntries.answerText, topic: qaEntries.topic, status: qaEntries.status, unit: units.name })
    .from(qaEntries)
    .leftJoin(units, eq(units.id, qaEntries.ownerUnitId))
    .where(q.all === 'true' ? undefined : ne(qaEntries.status, 'retired'))
    .orderBy(asc(qaEntries.createdAt), asc(qaEntries.id));
  const variants = await ctx.db.select({ entryId: qaVariants.entryId, text: qaVariants.text }).from(qaVariants).orderBy(asc(qaVariants.entryId), asc(qaVariants.seq), asc(qaVariants.createdAt));
  const byEntry = new Map<string, string[]>();
  for (const v of variants) byEntry.set(v.entryId, [...(byEntry.get(v.entryId) ?? []), v.text]);
  const table = rows.map((r) => [r.externalId ?? r.id, r.question, r.answer, (byEntry.get(r.id) ?? []).join('\n'), r.topic ?? '', r.status, r.unit ?? '']);
  const stamp = todayInShanghai();
  if (q.format === 'tsv') {
    const text = [HEADER, ...table].map((r) => r.map(tsvField).join('\t')).join('\n') + '\n';
    return { data: Buffer.from(text, 'utf8'), filename: `问答库-${stamp}.tsv`, mime: 'text/tab-separated-values; charset=utf-8' };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问答库');
  ws.addRow(HEADER);
  for (const r of table) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = [16, 40, 60, 40, 12, 10, 20][i];
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), filename: `问答库-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
