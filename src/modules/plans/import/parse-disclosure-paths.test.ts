import { describe, expect, it } from 'vitest';
import { parseColumnInstructions } from './parse-column-instructions.ts';
import { parseDisclosurePaths } from './parse-disclosure-paths.ts';

describe('parseDisclosurePaths', () => {
  it('splits numbered alternatives and drops the 政府网站 root', () => {
    expect(
      parseDisclosurePaths(
        '公开纲要（公开路径：1．政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划，2．政务新媒体、政府信息公开专区、宣传栏、新闻媒体等其他适合的公开渠道（以下简称其他渠道）。',
      ),
    ).toEqual({
      paths: [['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划']],
      otherChannels: ['其他渠道'],
    });
  });

  it('expands alternatives written with a slash', () => {
    expect(parseDisclosurePaths('（公开路径：1．政府网站>政府信息公开>法定主动公开内容>预算/决算，2．其他渠道）').paths).toEqual([
      ['政府信息公开', '法定主动公开内容', '预算'],
      ['政府信息公开', '法定主动公开内容', '决算'],
    ]);
    expect(
      parseDisclosurePaths('（公开路径：政府网站>政府信息公开目录>疫情防控>防疫服务>核酸检测点/发热门诊/疫苗接种点）').paths.map((p) => p[3]),
    ).toEqual(['核酸检测点', '发热门诊', '疫苗接种点']);
  });

  it('keeps “六稳”“六保” as one column and full-width separators', () => {
    expect(parseDisclosurePaths('（公开路径：政府网站＞政务公开＞“六稳”“六保”＞重要政策/政策解读）').paths).toEqual([
      ['政务公开', '“六稳”“六保”', '重要政策'],
      ['政务公开', '“六稳”“六保”', '政策解读'],
    ]);
  });

  it('keeps 部门网页 and names with 、 inside a segment', () => {
    expect(
      parseDisclosurePaths('（公开路径：政府网站>部门网页>政府信息公开>法定主动公开内容>履职依据>本部门、本单位规范性文件）').paths,
    ).toEqual([['部门网页', '政府信息公开', '法定主动公开内容', '履职依据', '本部门、本单位规范性文件']]);
  });

  it('keeps other channels, with ASCII numbering too', () => {
    expect(
      parseDisclosurePaths('（公开路径：1．政府网站>政府信息公开目录>惠民资金，2．其他渠道，3.居务公开栏）'),
    ).toEqual({ paths: [['政府信息公开目录', '惠民资金']], otherChannels: ['其他渠道', '居务公开栏'] });
  });

  it('finds nothing without a 公开路径', () => {
    expect(parseDisclosurePaths('在政府网站“政策解读”栏目集中展示')).toEqual({ paths: [], otherChannels: [] });
  });
});

describe('parseColumnInstructions', () => {
  it('reads the parent path and the column names', () => {
    expect(parseColumnInstructions('1．在政府网站“政务公开>政府信息公开目录”中设置“六稳”“六保”等栏目。')).toEqual([
      {
        parentPath: ['政务公开', '政府信息公开目录'],
        names: ['“六稳”“六保”'],
        text: '在政府网站“政务公开>政府信息公开目录”中设置“六稳”“六保”等栏目',
      },
    ]);
  });

  it('splits a counted list of sub-columns', () => {
    expect(
      parseColumnInstructions('5．在政府网站“政务公开>政府信息公开目录>政策解读”中，至少设置“视频、图片、文字”3个子栏目，发布')[0],
    ).toMatchObject({ parentPath: ['政务公开', '政府信息公开目录', '政策解读'], names: ['视频', '图片', '文字'] });
  });

  it('places columns of unit sub-sites under 部门网页', () => {
    expect(
      parseColumnInstructions('3．区政府部门网页要在“政务公开>政府信息公开目录”中设置“法治政府建设年度报告”栏目，公开')[0],
    ).toMatchObject({ parentPath: ['部门网页', '政务公开', '政府信息公开目录'], names: ['法治政府建设年度报告'] });
  });

  it('ignores columns that are only used, not created', () => {
    expect(parseColumnInstructions('在政府网站“政策解读”栏目集中展示')).toEqual([]);
    expect(parseColumnInstructions('在区档案馆、图书馆设置政府信息公开专区')).toEqual([]);
  });
});
