import { describe, expect, it } from 'vitest';
import { parseTargets } from './parse-targets.ts';

describe('parseTargets', () => {
  it('reads minimum counts with the period of their sentence', () => {
    expect(
      parseTargets('2．全区每年通过新闻发布形式开展政策解读不少于4次，其中，有关负责同志带头开展政策解读应不少于2次。'),
    ).toEqual([
      { text: '不少于4次', min: 4, unit: '次', period: 'year', context: '全区每年通过新闻发布形式开展政策解读不少于4次' },
      { text: '不少于2次', min: 2, unit: '次', period: 'year', context: '有关负责同志带头开展政策解读应不少于2次' },
    ]);
  });

  it('reads 每年至少开展1次 and percentages', () => {
    expect(parseTargets('1．加强队伍建设，每年至少开展1次渝中区政务公开工作培训')).toEqual([
      { text: '每年至少开展1次', min: 1, unit: '次', period: 'year', context: '每年至少开展1次渝中区政务公开工作培训' },
    ]);
    expect(parseTargets('把政务公开纳入政府绩效考核体系且分值权重不低于4%。')).toEqual([
      { text: '不低于4%', min: 4, unit: '%', context: '把政务公开纳入政府绩效考核体系且分值权重不低于4%' },
    ]);
    expect(parseTargets('分值权重不低于4.5％')[0]).toMatchObject({ min: 4.5, unit: '%' });
  });

  it('reads maxima and 以上', () => {
    expect(parseTargets('每月发布不超过10条')[0]).toMatchObject({ max: 10, unit: '条', period: 'month' });
    expect(parseTargets('开展培训3次以上')[0]).toMatchObject({ min: 3, unit: '次' });
  });

  it('does not take counted columns or dates for targets', () => {
    expect(parseTargets('至少设置“视频、图片、文字”3个子栏目')).toEqual([]);
    expect(parseTargets('于2021年5月31日前集中发布')).toEqual([]);
  });
});
