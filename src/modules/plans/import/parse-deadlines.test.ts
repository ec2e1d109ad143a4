import { describe, expect, it } from 'vitest';
import { parseDeadlines } from './parse-deadlines.ts';

const inText = (text: string, year: number | null = 2021) => parseDeadlines(text, { year, source: 'text' });
const inColumn = (text: string, year: number | null = 2021) => parseDeadlines(text, { year, source: 'column' });
const dates = (text: string) => inText(text).map((d) => [d.date, d.kind]);

describe('parseDeadlines', () => {
  it('dates absolute deadlines', () => {
    expect(dates('在2021年6月底前以适当方式更新')).toEqual([['2021-06-30', 'absolute']]);
    expect(dates('于2021年5月31日前集中发布')).toEqual([['2021-05-31', 'absolute']]);
    expect(dates('2021年10月底前完成')).toEqual([['2021-10-31', 'absolute']]);
    expect(dates('12月底前完成')).toEqual([['2021-12-31', 'absolute']]);
    expect(dates('2024年2月底前')).toEqual([['2024-02-29', 'absolute']]);
    expect(dates('二〇二一年九月三十日前报送')).toEqual([['2021-09-30', 'absolute']]);
  });

  it('dates deadlines relative to the plan year', () => {
    expect(inText('于次年1月底前报送')).toEqual([{ date: '2022-01-31', text: '次年1月底前', kind: 'year_relative', source: 'text' }]);
    expect(dates('次年3月15日前')).toEqual([['2022-03-15', 'year_relative']]);
    expect(dates('全年')).toEqual([['2021-12-31', 'year_relative']]);
    expect(dates('年底前完成')).toEqual([['2021-12-31', 'year_relative']]);
    expect(dates('三季度前完成')).toEqual([['2021-09-30', 'year_relative']]);
    expect(dates('三季度末')).toEqual([['2021-09-30', 'year_relative']]);
    expect(dates('二季度前')).toEqual([['2021-06-30', 'year_relative']]);
    expect(dates('上半年完成')).toEqual([['2021-06-30', 'year_relative']]);
    expect(dates('2021年底前')).toEqual([['2021-12-31', 'absolute']]);
  });

  it('leaves year-dependent dates empty when the year is unknown', () => {
    expect(inText('12月底前', null)[0].date).toBeNull();
    expect(inText('次年1月底前', null)[0].date).toBeNull();
    expect(inText('2021年6月底前', null)[0].date).toBe('2021-06-30');
  });

  it('marks recurring duties and dates yearly ones to the plan year end', () => {
    expect(inText('每年对本部门规范性文件进行清理')).toEqual([
      { date: '2021-12-31', text: '每年', kind: 'recurring', source: 'text', recurrence: 'year' },
    ]);
    expect(inText('每季度通报一次')).toEqual([
      { date: null, text: '每季度', kind: 'recurring', source: 'text', recurrence: 'quarter' },
    ]);
  });

  it('keeps events that have not happened, with their offset', () => {
    expect(inText('1.在市政府有关部门印发基层政务公开标准指引3个月内，结合渝中区行政权责清单')).toEqual([
      {
        date: null,
        text: '在市政府有关部门印发基层政务公开标准指引3个月内',
        kind: 'event',
        source: 'text',
        event: '市政府有关部门印发基层政务公开标准指引',
        offset: { months: 3 },
      },
    ]);
    expect(inText('印发后3个月内完成')[0]).toMatchObject({ kind: 'event', event: '印发', offset: { months: 3 } });
  });

  it('treats reply clocks as service clocks, not plan deadlines', () => {
    expect(inText('必须在5个工作日内主动回复来电人')).toEqual([
      { date: null, text: '5个工作日内', kind: 'service_clock', source: 'text', workingDays: 5 },
    ]);
    expect(inText('收到后15日内答复')[0]).toMatchObject({ kind: 'service_clock', days: 15 });
    expect(inText('在法定期限内编制')[0]).toMatchObject({ kind: 'statutory', date: null });
  });

  it('ignores dates that are not deadlines in running text', () => {
    expect(inText('《市场准入负面清单（2020年版）》')).toEqual([]);
    expect(inText('对2020年政务公开工作要点任务分工落实情况开展“回头看”')).toEqual([]);
    expect(inText('自2021年1月1日起施行')).toEqual([]);
    expect(inText('一年内')).toEqual([]);
  });

  it('reads a time-limit column', () => {
    expect(inColumn('2021年6月30日')).toEqual([{ date: '2021-06-30', text: '2021年6月30日', kind: 'absolute', source: 'column' }]);
    expect(inColumn('2021-09-30')[0].date).toBe('2021-09-30');
    expect(inColumn('持续推进')).toEqual([{ date: null, text: '持续推进', kind: 'ongoing', source: 'column' }]);
    expect(inColumn('持续推进，2021年11月底前完成').map((d) => d.date)).toEqual(['2021-11-30']);
    expect(inColumn('看情况')).toEqual([]);
  });
});
