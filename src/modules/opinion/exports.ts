import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Actor, OpContext } from '../../platform/context.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { invalid } from '../../platform/errors.ts';
import { govDocx } from '../../platform/office/gov-docx.ts';
import { assertCan } from '../../platform/policy.ts';
import { CLOCK_LABEL } from './clocks.ts';
import { commitmentQuery, commitmentRows } from './commitments.ts';
import { opinionReach } from './event-scope.ts';
import { eventRows } from './event-rows.ts';
import { EVENT_STATUS_LABEL, type EventStatus } from './kinds.ts';
import { summarise } from './opinion-stats.ts';
import { pressEventRows } from './press-events.ts';
import { loadOpinionSettings } from './settings.ts';
import { supervisionRecords } from './supervisions.ts';
import { eventQuery } from './list-events.ts';

const when = (d: Date | null) => (d ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d) : '');
const STATE_LABEL = { met: '按时', late: '超时', open: '计时中', overdue: '已超时未回应' } as const;

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  return ws;
}

/** 舆情台账 .xlsx: the filtered ledger within the caller's reach, with the clocks and their results. */
export async function exportEventLedger(ctx: OpContext, raw: z.input<typeof eventQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const q = eventQuery.parse(raw);
  const reach = await opinionReach(ctx.db, ctx.actor);
  let rows = await eventRows(ctx.db, { ...q, reach }, await loadOpinionSettings(ctx.db));
  if (q.overdue === 'true') rows = rows.filter((r) => r.overdue);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 政务公开工作平台';
  const ws = sheet(wb, '政务舆情台账', [
    { header: '序号', key: 'n', width: 6 },
    { header: '首次发现', key: 'seen', width: 17 },
    { header: '来源', key: 'source', width: 8 },
    { header: '舆情摘要', key: 'summary', width: 48 },
    { header: '领域', key: 'domain', width: 14 },
    { header: '类别', key: 'category', width: 16 },
    { header: '级别', key: 'level', width: 8 },
    { header: '责任单位', key: 'unit', width: 16 },
    { header: '办理状态', key: 'status', width: 10 },
    { header: '首次回应', key: 'firstResponse', width: 17 },
    { header: '时限执行情况', key: 'clocks', width: 40 },
    { header: '示例', key: 'sample', width: 6 },
  ]);
  rows.forEach((r, i) =>
    ws.addRow({
      n: i + 1,
      seen: when(r.firstSeenAt),
      source: r.source,
      summary: r.summary,
      domain: r.domainName ?? '',
      category: r.category,
      level: r.level,
      unit: r.unitName,
      status: EVENT_STATUS_LABEL[r.status as EventStatus] ?? r.status,
      firstResponse: when(r.firstResponseAt),
      clocks: r.clocks.map((c) => `${CLOCK_LABEL[c.kind]}（${c.hours}小时）：${STATE_LABEL[c.state]}${c.doneAt ? `，用时${c.elapsedHours}小时` : ''}`).join('\n'),
      sample: r.isSample ? '示例' : '',
    }),
  );
  ws.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));
  return { filename: `政务舆情台账（${todayInShanghai()}）.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** 承诺台账 .xlsx with each commitment's computed state. */
export async function exportCommitmentLedger(ctx: OpContext, raw: z.input<typeof commitmentQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const q = commitmentQuery.parse({ ...raw, page: 1, pageSize: 500 });
  const reach = await opinionReach(ctx.db, ctx.actor as Actor);
  const items: Awaited<ReturnType<typeof commitmentRows>>['items'] = [];
  for (let page = 1; page <= 20; page++) {
    const chunk = await commitmentRows(ctx.db, reach, { ...q, page });
    items.push(...chunk.items);
    if (chunk.items.length < q.pageSize) break;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 政务公开工作平台';
  const ws = sheet(wb, '承诺台账', [
    { header: '序号', key: 'n', width: 6 },
    { header: '承诺内容', key: 'text', width: 48 },
    { header: '承诺单位', key: 'owner', width: 16 },
    { header: '承诺完成日期', key: 'promisedOn', width: 13 },
    { header: '实际完成日期', key: 'fulfilledOn', width: 13 },
    { header: '状态', key: 'state', width: 11 },
    { header: '履行情况及佐证', key: 'evidence', width: 40 },
    { header: '公开页面', key: 'page', width: 36 },
    { header: '相关舆情', key: 'event', width: 30 },
    { header: '示例', key: 'sample', width: 6 },
  ]);
  items.forEach((c, i) =>
    ws.addRow({
      n: i + 1,
      text: c.text,
      owner: c.ownerName,
      promisedOn: c.promisedOn,
      fulfilledOn: c.fulfilledOn ?? '',
      state: c.state,
      evidence: c.evidence ?? '',
      page: c.publicUrl ?? (c.document ? `${c.document.title}${c.document.url ? `（${c.document.url}）` : '（未发布）'}` : ''),
      event: c.eventSummary ?? '',
      sample: c.isSample ? '示例' : '',
    }),
  );
  ws.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));
  return { filename: `承诺台账（${todayInShanghai()}）.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export const quarterQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  quarter: z.coerce.number().int().min(1, '季度应为 1–4').max(4, '季度应为 1–4'),
});

const QUARTER_CN = ['一', '二', '三', '四'];

/** 季度政务舆情回应工作情况 .docx: events and clocks, commitments, supervision records, press events. */
export async function quarterlySummary(ctx: OpContext, raw: z.input<typeof quarterQuery>) {
  assertCan(ctx.actor, 'opinion.read');
  const { year, quarter } = quarterQuery.parse(raw);
  const reach = await opinionReach(ctx.db, ctx.actor);
  if (reach !== 'all') throw invalid('summary_district_only', '季度汇总由区政府办公室或区网信办生成');
  const m0 = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(m0).padStart(2, '0')}-01`;
  const to = `${year}-${String(m0 + 2).padStart(2, '0')}-${[31, 30, 30, 31][quarter - 1]}`;
  const rows = await eventRows(ctx.db, { reach, from, to }, await loadOpinionSettings(ctx.db));
  const s = summarise(rows);
  const commitments = (await commitmentRows(ctx.db, 'all', { page: 1, pageSize: 500 })).items.filter((c) => c.promisedOn >= from && c.promisedOn <= to);
  const sup = await supervisionRecords(ctx.db, { from, to });
  const press = (await pressEventRows(ctx.db, year)).filter((p) => p.heldOn >= from && p.heldOn <= to);
  const stateCount = (st: string) => commitments.filter((c) => c.state === st).length;
  const title = `${year}年第${QUARTER_CN[quarter - 1]}季度政务舆情回应工作情况`;
  const data = await govDocx({
    title,
    blocks: [
      { kind: 'heading', text: '一、舆情收集和回应总体情况' },
      {
        kind: 'paragraph',
        text: `本季度共登记政务舆情 ${s.total} 件，其中特别重大 ${s.byLevel[0].count} 件、重大 ${s.byLevel[1].count} 件、较大 ${s.byLevel[2].count} 件、一般 ${s.byLevel[3].count} 件；已评估办结 ${s.evaluated} 件，超过回应时限仍未回应 ${s.overdue} 件。按领域分：${s.byDomain.map((d) => `${d.name} ${d.count} 件`).join('，') || '无'}。`,
      },
      {
        kind: 'table',
        header: ['时限', '应回应', '按时', '超时', '已超时未回应', '平均用时（小时）'],
        rows: s.clocks.filter((c) => c.total).map((c) => [`${c.label}（${c.hours}小时）`, String(c.total), String(c.met), String(c.late), String(c.overdue), c.averageHours === null ? '—' : String(c.averageHours)]),
      },
      { kind: 'heading', text: '二、回应承诺落实情况' },
      { kind: 'paragraph', text: `本季度到期的回应承诺 ${commitments.length} 项：按期完成 ${stateCount('按期完成')} 项，逾期完成 ${stateCount('逾期完成')} 项，逾期未完成 ${stateCount('逾期未完成')} 项，未到期 ${stateCount('未到期')} 项。` },
      ...(commitments.length ? [{ kind: 'table' as const, header: ['承诺内容', '承诺单位', '承诺日期', '状态'], rows: commitments.map((c) => [c.text, c.ownerName, c.promisedOn, c.state]) }] : []),
      { kind: 'heading', text: '三、通报批评和约谈情况' },
      { kind: 'paragraph', text: sup.length ? sup.map((x) => `${x.heldOn}，对${x.unitName}${x.kind === 'interview' ? '进行约谈' : '予以通报批评'}：${x.reason}`).join('\n') : '本季度无通报批评和约谈。' },
      { kind: 'heading', text: '四、新闻发布和政策解读情况' },
      {
        kind: 'paragraph',
        text: press.length
          ? `本季度通过新闻发布形式开展政策解读 ${press.length} 次，其中有关负责同志出席 ${press.filter((p) => p.leaderSpoke).length} 次：\n${press.map((p) => `${p.heldOn} ${p.kind}：${p.topic}（${p.organizerName}）`).join('\n')}`
          : '本季度未开展新闻发布形式的政策解读。',
      },
      { kind: 'heading', text: '五、下一步工作' },
      { kind: 'paragraph', text: '各单位要落实政务舆情回应第一责任主体责任，对涉及本单位的舆情按时限会商研判、及时回应，回应中作出的承诺要按期兑现并公开办理结果。' },
      { kind: 'signature', lines: ['区政府办公室', todayInShanghai().replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)] },
    ],
  });
  return { filename: `${title}.docx`, data };
}
