import { describe, expect, it } from 'vitest';
import { classifyHeader, mapColumns } from './recognise-columns.ts';

describe('recognising columns by header text', () => {
  it('names the usual headers', () => {
    const headers = ['序号', '工作任务', '贯   彻   举   措', '具体工作', '牵头\n单位', '责任部门', '配合单位', '完成时限', '时限要求', '备注'];
    expect(headers.map(classifyHeader)).toEqual([
      'seq', 'task', 'measure', 'measure', 'lead', 'responsible', 'cooperate', 'deadline', 'deadline', 'remark',
    ]);
    expect(classifyHeader('一、紧扣“十四五”开好局起好步深化政务公开')).toBeNull();
  });

  it('widens 工作任务 over area and sub-task, whether spanned or short', () => {
    const spanned = mapColumns(['工作任务', '', '贯彻举措', '牵头单位', '责任单位']);
    const short = mapColumns(['工作任务', '贯彻举措', '牵头单位', '责任单位'], 5);
    for (const m of [spanned, short])
      expect(m).toMatchObject({ task: [0, 1], measure: 2, lead: 3, units: [{ index: 4, role: 'responsible' }] });
  });

  it('uses a lone task column as the measure, and needs a unit column', () => {
    expect(mapColumns(['序号', '工作任务', '责任单位', '完成时限'])).toMatchObject({ seq: 0, task: [], measure: 1, lead: null, deadline: [3] });
    expect(mapColumns(['序号', '具体举措', '完成时限'])).toBeNull();
  });
});
