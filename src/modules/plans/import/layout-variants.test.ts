import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText, parseNoticeXlsx } from './index.ts';
import { makeTestResolver } from './test-support/test-resolver.ts';

const resolver = makeTestResolver();

async function sheet(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('序号 | 工作任务 | 具体举措 | 责任单位 | 完成时限 (a city-style sheet)', () => {
  const build = (ws: ExcelJS.Worksheet) => {
    ws.addRow(['重庆市2021年政务公开工作要点任务分工']);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '工作任务', '具体举措', '责任单位', '完成时限']);
    ws.addRow(['一、紧扣“十四五”开好局起好步深化政务公开']);
    ws.mergeCells('A3:E3');
    ws.addRow(['1', '（一）做好各类规划主动公开。', '公开国民经济和社会发展第十四个五年规划纲要。', '市发展改革委牵头，市住建局等政府各有关部门负责落实', '2021年6月底前']);
    ws.addRow(['2', '', '公开重点专项规划。', '市发展改革委、市住建局', '持续推进']);
    ws.mergeCells('B4:B5');
    ws.addRow(['二、紧扣宏观政策落地见效深化政务公开']);
    ws.mergeCells('A6:E6');
    ws.addRow(['3', '（一）持续加强重大政策发布解读', '每季度发布政策解读。', '市住建局配合，市发展改革委牵头', '三季度前']);
    ws.addRow(['4', '', '公开政策问答。', '', '']);
    ws.mergeCells('B7:B8');
    ws.mergeCells('D7:D8');
    ws.mergeCells('E7:E8');
    ws.addRow(['5', '（二）不断改进政策解读工作方式', '开展解读评估。', '市教育局', '看情况而定']);
  };

  it('recognises the columns and the full-width heading rows', async () => {
    const plan = await parseNoticeXlsx(await sheet(build), { resolver });
    expect(plan.title).toBe('重庆市2021年政务公开工作要点任务分工');
    expect(plan.areas.map((a) => [a.label, a.title, a.subtasks.length])).toEqual([
      ['一', '紧扣“十四五”开好局起好步深化政务公开', 1],
      ['二', '紧扣宏观政策落地见效深化政务公开', 2],
    ]);
    const ms = plan.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures));
    expect(ms.map((m) => [m.label, m.row])).toEqual([['1', 4], ['2', 5], ['3', 7], ['4', 8], ['5', 9]]);
  });

  it('takes lead and responsible units from one cell', async () => {
    const plan = await parseNoticeXlsx(await sheet(build), { resolver });
    const [m1, m2] = plan.areas[0].subtasks[0].measures;
    expect(m1.lead).toEqual([{ written: '市发展改革委', unitId: 'u-city-ndrc', name: '市发展改革委' }]);
    expect(m1.leadSource).toBe('marker');
    expect(m1.responsible).toEqual([
      { written: '市住建局', unitId: 'u-city-housing', name: '市住建局', role: 'responsible' },
      { written: '政府各有关部门', unitId: null, name: null, group: '政府各有关部门', role: 'responsible' },
    ]);
    // No lead column and no 牵头: the first name listed leads.
    expect(m2.leadSource).toBe('first_listed');
    expect(m2.lead.map((l) => l.written)).toEqual(['市发展改革委']);
    expect(m2.responsible.map((r) => r.written)).toEqual(['市发展改革委', '市住建局']);

    const [m3, m4] = plan.areas[1].subtasks[0].measures;
    expect(m3.lead.map((l) => l.written)).toEqual(['市发展改革委']);
    expect(m3.responsible).toMatchObject([{ written: '市住建局', role: 'cooperate' }]);
    // Merged 责任单位 and 完成时限 cells carry over to the row below.
    expect(m4).toMatchObject({ responsibleInherited: true, leadSource: 'marker' });
    expect(m4.deadlines).toEqual([{ date: '2021-09-30', text: '三季度前', kind: 'year_relative', source: 'column' }]);
  });

  it('reads the time-limit column and reports what it cannot read', async () => {
    const plan = await parseNoticeXlsx(await sheet(build), { resolver });
    const ms = plan.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures));
    expect(ms[0].deadlines).toEqual([{ date: '2021-06-30', text: '2021年6月底前', kind: 'absolute', source: 'column' }]);
    expect(ms[1].deadlines).toEqual([{ date: null, text: '持续推进', kind: 'ongoing', source: 'column' }]);
    expect(ms[2].deadlines.map((d) => [d.kind, d.source, d.recurrence])).toEqual([
      ['recurring', 'text', 'quarter'],
      ['year_relative', 'column', undefined],
    ]);
    expect(ms[4].deadlines).toEqual([{ date: null, text: '看情况而定', kind: 'other', source: 'column' }]);
    expect(plan.warnings.map((w) => [w.code, w.row])).toEqual([
      ['unit_unknown', 9],
      ['deadline_unrecognised', 9],
    ]);
  });
});

describe('text pasted from a spreadsheet', () => {
  it('reads tab-separated rows with quoted multi-line cells and a 配合单位 column', () => {
    const text = [
      '渝中区2021年政务公开工作要点任务分工',
      '序号\t工作任务\t具体举措\t牵头单位\t配合单位\t时限要求',
      '1\t"一、紧扣“十四五”开好局起好步深化政务公开\n（一）做好各类规划主动公开。"\t"1．公开纲要。\n2．公开专项规划。"\t区发展改革委\t区商务委、区财政局\t12月底前',
      '2\t\t公开国土空间规划。\t区规划自然资源局\t\t',
    ].join('\r\n');
    const plan = parseNoticeText(text, { resolver });
    expect(plan.year).toBe(2021);
    expect(plan.areas[0].subtasks[0].title).toBe('做好各类规划主动公开');
    const [m1, m2] = plan.areas[0].subtasks[0].measures;
    expect(m1.items).toEqual(['公开纲要。', '公开专项规划。']);
    expect(m1.responsible.map((r) => [r.written, r.role])).toEqual([
      ['区商务委', 'cooperate'],
      ['区财政局', 'cooperate'],
    ]);
    expect(m1.deadlines).toEqual([{ date: '2021-12-31', text: '12月底前', kind: 'absolute', source: 'column' }]);
    expect(m2.lead.map((l) => l.written)).toEqual(['区规划自然资源局']);
    expect(m2).toMatchObject({ responsibleInherited: true, leadSource: 'column' });
    expect(m2.deadlines[0].date).toBe('2021-12-31');
  });

  it('reads a one-column task layout where the task is the measure', () => {
    const text = '序号\t工作任务\t责任单位\n1\t公开预决算信息。\t区财政局、区政府各部门\n';
    const plan = parseNoticeText(text, { resolver, year: 2021 });
    expect(plan.warnings.map((w) => w.code)).toEqual(['area_missing']);
    const m = plan.areas[0].subtasks[0].measures[0];
    expect(m.text).toBe('公开预决算信息。');
    expect(m.lead.map((l) => l.written)).toEqual(['区财政局']);
  });
});

describe('headings that do not line up', () => {
  const table = (rows: string[][]) =>
    ['工作任务\t\t具体举措\t牵头单位\t责任单位', ...rows.map((r) => r.join('\t'))].join('\n');

  it('keeps one sub-task when a repeated heading only adds words, and warns', () => {
    const plan = parseNoticeText(
      table([
        ['一、甲', '（一）完善平台', '举措一。', '区财政局', '区财政局'],
        ['一、甲', '（一）完善平台建设', '举措二。', '区财政局', '区财政局'],
      ]),
      { resolver, year: 2021 },
    );
    expect(plan.areas[0].subtasks).toHaveLength(1);
    expect(plan.areas[0].subtasks[0].measures).toHaveLength(2);
    expect(plan.warnings.map((w) => [w.code, w.row])).toEqual([['title_mismatch', 3]]);
  });

  it('starts a new sub-task when a number repeats with another title, and warns', () => {
    const plan = parseNoticeText(
      table([
        ['一、甲', '（一）完善平台', '举措一。', '区财政局', '区财政局'],
        ['', '（一）规范依申请公开', '举措二。', '', '区财政局'],
      ]),
      { resolver, year: 2021 },
    );
    expect(plan.areas[0].subtasks.map((s) => s.title)).toEqual(['完善平台', '规范依申请公开']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['label_repeated', 'lead_missing']);
  });

  it('adds units of a row whose measure cell is merged with the row above', () => {
    const plan = parseNoticeText(
      table([
        ['一、甲', '（一）完善平台', '举措一。', '区财政局', '区财政局'],
        ['', '', '', '区司法局', '区教委'],
      ]),
      { resolver, year: 2021 },
    );
    const m = plan.areas[0].subtasks[0].measures;
    expect(m).toHaveLength(1);
    expect(m[0].lead.map((l) => l.written)).toEqual(['区财政局', '区司法局']);
    expect(m[0].responsible.map((r) => r.written)).toEqual(['区财政局', '区教委']);
  });
});
