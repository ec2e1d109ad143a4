import { describe, expect, it } from 'vitest';
import { listWrittenUnitNames, parseNoticeText } from './index.ts';
import { readSeed } from './test-support/build-office-files.ts';
import { makeTestResolver } from './test-support/test-resolver.ts';
import type { ParsedMeasure, ParsedPlan } from './types.ts';

const plan = parseNoticeText(readSeed(), { resolver: makeTestResolver() });
const measures = plan.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures));
const sub = (area: number, subtask: number) => plan.areas[area - 1].subtasks[subtask - 1];
const measureWith = (p: ParsedPlan, fragment: string): ParsedMeasure => {
  const found = p.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures)).filter((m) => m.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0];
};
const written = (refs: { written: string }[]) => [...new Set(refs.map((r) => r.written))];

describe('the 2021 渝中区 notice as Word text', () => {
  it('reads the plan facts from the cover notice', () => {
    expect(plan.title).toBe('渝中区2021年政务公开工作要点任务分工');
    expect(plan.year).toBe(2021);
    expect(plan.issuer).toBe('重庆市渝中区人民政府办公室');
    expect(plan.issueDate).toBe('2021-06-04');
    // 渝府办发〔2021〕50号 is the city's document being implemented, cited in a sentence.
    expect(plan.docNumber).toBeNull();
    expect(plan.warnings).toEqual([]);
  });

  it('has 5 areas, 16 sub-tasks and 46 measures', () => {
    expect(plan.areas).toHaveLength(5);
    expect(plan.areas.map((a) => a.subtasks.length)).toEqual([4, 3, 3, 3, 3]);
    expect(plan.areas.map((a) => a.subtasks.reduce((n, s) => n + s.measures.length, 0))).toEqual([10, 14, 8, 11, 3]);
    expect(measures).toHaveLength(46);
    expect(measures.map((m) => m.globalSeq)).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
  });

  it('keeps numbering as labels and titles without numbering or closing punctuation', () => {
    expect(plan.areas.map((a) => a.label)).toEqual(['一', '二', '三', '四', '五']);
    expect(plan.areas[0]).toMatchObject({ seq: 1, title: '紧扣“十四五”开好局起好步深化政务公开' });
    expect(sub(1, 1)).toMatchObject({ seq: 1, label: '一', title: '做好各类规划主动公开' });
    expect(sub(3, 2)).toMatchObject({ seq: 2, label: '二', title: '完善政务公开平台' });
    expect(sub(4, 2).title).toBe('规范政府信息公开行政复议案件审理标准');
  });

  it('treats labels repeated after a page break as the same area and sub-task', () => {
    // 二、…（二） is repeated before 加强政策咨询服务; 二、…（三） before 食品药品; 三、…（一） and 三、…（二） likewise.
    expect(sub(2, 2).measures.map((m) => m.text.slice(0, 6))).toEqual(['1．严格按照', '加强政策咨询', '1．认真落实']);
    expect(sub(2, 3).measures).toHaveLength(10);
    expect(sub(3, 1).measures).toHaveLength(3);
    expect(sub(3, 2).measures).toHaveLength(3);
    expect(plan.areas[0].subtasks.map((s) => s.measures.length)).toEqual([4, 2, 1, 3]);
  });

  it('gives measure 1 its lead and responsible unit', () => {
    const m = measures[0];
    expect(m).toMatchObject({ seq: 1, row: 2, leadSource: 'column' });
    expect(m.lead).toEqual([{ written: '区发展改革委', unitId: 'u-ndrc', name: '区发展改革委' }]);
    expect(m.responsible).toEqual([{ written: '区发展改革委', unitId: 'u-ndrc', name: '区发展改革委', role: 'responsible' }]);
  });

  it('continues an empty lead cell from the row above within the sub-task', () => {
    const plans = measureWith(plan, '重点专项规划');
    expect(written(plans.lead)).toEqual(['区发展改革委']);
    expect(plans.leadSource).toBe('inherited');
    expect(plans.responsible).toEqual([{ written: '区政府有关部门', unitId: null, name: null, group: '区政府有关部门', role: 'responsible' }]);

    for (const topic of ['疫情防控、医疗', '房地产金融', '工资拖欠', '环境污染', '教育方面', '养老', '安全生产']) {
      const m = measureWith(plan, `涉及${topic}`);
      expect(written(m.lead), topic).toEqual(['区网信办']);
      expect(m.leadSource, topic).toBe('inherited');
    }
    expect(written(measureWith(plan, '涉及房地产金融').responsible)).toEqual(['区住房城市建委', '区金融办']);
    expect(measureWith(plan, '食品药品').leadSource).toBe('column');
  });

  it('reads the 区规划自然资源局 row and multi-unit cells', () => {
    const m = measureWith(plan, '国土空间规划或者现行');
    expect(m.lead).toEqual([{ written: '区规划自然资源局', unitId: 'u-planning', name: '区规划自然资源局' }]);
    expect(written(m.responsible)).toEqual(['区规划自然资源局']);

    expect(written(measureWith(plan, '市场准入负面清单').responsible)).toEqual(['区发展改革委', '区商务委']);
    expect(written(measureWith(plan, '高标准市场体系').lead)).toEqual(['区发展改革委', '区商务委', '区市场监管局']);
    expect(written(measureWith(plan, '新冠肺炎疫情防控信息发布规范化').lead)).toEqual(['区政府新闻办', '区卫生健康委']);
    expect(written(measureWith(plan, '政府网站。').lead)).toEqual(['区政府办公室', '区党政信息中心']);
    expect(written(measureWith(plan, '加强队伍建设').responsible)).toEqual(['区行政学校', '区政府各部门', '管委会', '街道办事处']);
  });

  it('passes group names to the resolver one by one and keeps what it answers', () => {
    const m = measureWith(plan, '预决算信息');
    expect(written(m.responsible)).toEqual(['区政府各部门', '管委会', '街道办事处']);
    expect(m.responsible.filter((r) => r.written === '街道办事处').map((r) => r.name)).toEqual(['七星岗街道', '解放碑街道']);
    expect(m.responsible.every((r) => r.group === r.written)).toBe(true);
  });

  it('splits numbered items, including those whose automatic number was lost', () => {
    const finance = measureWith(plan, '预决算信息');
    expect(finance.items).toHaveLength(3);
    expect(finance.items[0]).toMatch(/^按照市财政局统一要求，及时公开/u);

    const consult = measureWith(plan, '加强政策咨询服务');
    expect(consult.items).toHaveLength(6);
    expect(consult.items.slice(0, 3).map((i) => i.slice(0, 8))).toEqual(['加强政策咨询服务', '区级各部门、各单', '各行政机关的对外']);
    expect(consult.outline.map((o) => o.label)).toEqual([null, null, null, '3', '4', '5']);
    expect(consult.text).not.toMatch(/^\.\s*$/mu);

    const platform = measureWith(plan, '政府网站。');
    expect(platform.items).toHaveLength(11);
    expect(platform.outline.filter((o) => o.level === 2).map((o) => o.parent)).toEqual([0, 0, 0, 0, 0, 6, 6, 6]);
    expect(platform.items[10]).toBe('政府信息公开专区。\n按照国家、市政府有关文件要求，在区档案馆、图书馆、政务服务大厅设置政府信息公开专区。');
    expect(measures[0].items).toEqual([]);
  });

  it('dates the deadlines in measure text', () => {
    const dated = measures.flatMap((m) => m.deadlines).filter((d) => d.date !== null && d.kind !== 'recurring');
    expect(dated.map((d) => [d.date, d.text, d.kind])).toEqual([
      ['2021-06-30', '2021年6月底前', 'absolute'],
      ['2021-10-31', '2021年10月底前', 'absolute'],
      ['2021-05-31', '2021年5月31日前', 'absolute'],
      ['2022-01-31', '次年1月底前', 'year_relative'],
      ['2021-12-31', '2021年12月31日前', 'absolute'],
    ]);
    expect(measureWith(plan, '基层政务公开标准指引3个月内').deadlines).toEqual([
      {
        date: null,
        text: '在市政府有关部门印发基层政务公开标准指引3个月内',
        kind: 'event',
        source: 'text',
        event: '市政府有关部门印发基层政务公开标准指引',
        offset: { months: 3 },
      },
    ]);
    const clocks = measures.flatMap((m) => m.deadlines).filter((d) => d.kind === 'service_clock');
    expect(clocks.map((c) => c.workingDays)).toEqual([5, 5]);
    expect(measureWith(plan, '加强队伍建设').deadlines).toEqual([
      { date: '2021-12-31', text: '每年', kind: 'recurring', source: 'text', recurrence: 'year' },
    ]);
  });

  it('reads disclosure paths into column paths and other channels', () => {
    expect(measures[0].disclosurePaths).toEqual([['政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划']]);
    expect(measures[0].otherChannels).toEqual(['其他渠道']);

    const finance = measureWith(plan, '预决算信息');
    expect(finance.disclosurePaths).toEqual([
      ['政府信息公开', '法定主动公开内容', '预算'],
      ['政府信息公开', '法定主动公开内容', '决算'],
      ['政务公开', '政府信息公开目录', '地方政府债务'],
      ['政府信息公开目录', '惠民资金'],
    ]);
    expect(finance.otherChannels).toEqual(['其他渠道', '居务公开栏']);

    expect(measureWith(plan, '核酸检测机构').disclosurePaths.filter((p) => p.includes('防疫服务')).map((p) => p.at(-1))).toEqual([
      '核酸检测点',
      '发热门诊',
      '疫苗接种点',
    ]);
    expect(measureWith(plan, '爱国卫生运动').disclosurePaths.map((p) => p.at(-1))).toEqual(['爱国卫生运动', '健康中国重庆行动', '健康科普']);
    expect(measureWith(plan, '“六稳”工作').disclosurePaths).toEqual([
      ['政务公开', '政府信息公开目录', '“六稳”“六保”', '重要政策'],
      ['政务公开', '政府信息公开目录', '“六稳”“六保”', '政策解读'],
    ]);
    expect(measureWith(plan, '国务院部门规章文本').disclosurePaths).toEqual([
      ['部门网页', '政府信息公开', '法定主动公开内容', '履职依据', '行政法规'],
      ['部门网页', '政府信息公开', '法定主动公开内容', '履职依据', '国务院部门规章'],
      ['部门网页', '政府信息公开', '法定主动公开内容', '履职依据', '市政府规章'],
    ]);
    const withPaths = measures.filter((m) => m.disclosurePaths.length > 0);
    expect(withPaths).toHaveLength(23);
    expect(withPaths).toEqual(measures.filter((m) => m.text.includes('公开路径')));
    // 29 path sections in the table (the cover's 明确公开路径 is not one): 23 measures, some with several.
    expect(measures.reduce((n, m) => n + (m.text.match(/公开路径/gu)?.length ?? 0), 0)).toBe(29);
  });

  it('keeps instructions to create catalog columns', () => {
    expect(measureWith(plan, '“六稳”工作').columnInstructions).toEqual([
      {
        parentPath: ['政务公开', '政府信息公开目录'],
        names: ['“六稳”“六保”'],
        text: '在政府网站“政务公开>政府信息公开目录”中设置“六稳”“六保”等栏目',
      },
    ]);
    expect(measureWith(plan, '3个子栏目').columnInstructions[0]).toMatchObject({
      parentPath: ['政务公开', '政府信息公开目录', '政策解读'],
      names: ['视频', '图片', '文字'],
    });
    expect(measureWith(plan, '法治政府建设年度报告').columnInstructions.map((c) => [c.parentPath, c.names])).toEqual([
      [['部门网页', '政务公开', '政府信息公开目录'], ['法治政府建设年度报告']],
      [['政务公开', '政府信息公开目录'], ['法治政府建设年度报告']],
    ]);
  });

  it('reads numeric targets', () => {
    const targets = measures.flatMap((m) => m.targets);
    expect(targets.map((t) => [t.text, t.min, t.unit, t.period])).toEqual([
      ['不少于4次', 4, '次', 'year'],
      ['不少于2次', 2, '次', 'year'],
      ['每年至少开展1次', 1, '次', 'year'],
      ['不低于4%', 4, '%', undefined],
    ]);
    expect(targets[3].context).toBe('把政务公开纳入政府绩效考核体系且分值权重不低于4%');
  });

  it('lists the distinct written unit names for seeding', () => {
    const names = listWrittenUnitNames(plan);
    console.log(`distinct written unit names in the seed (${names.length}):\n${names.join('、')}`);
    expect([...names].sort()).toEqual(
      [
        '区发展改革委', '区政府有关部门', '区规划自然资源局', '区政府办公室', '区党政信息中心', '区商务委', '区市场监管局',
        '区财政局', '区政府各部门', '管委会', '街道办事处', '区卫生健康委', '区政府新闻办', '区经济信息委', '区民政局',
        '区人力社保局', '区生态环境局', '区金融办', '区网信办', '区住房城市建委', '区教委', '区应急局', '区司法局',
        '区城管局', '区交通局', '区文化旅游委', '区行政学校',
      ].sort(),
    );
  });

  it('keeps unknown unit names with a warning, once per name', () => {
    const p = parseNoticeText(readSeed(), { resolver: makeTestResolver(['区行政学校', '区网信办']) });
    expect(p.warnings.map((w) => [w.code, w.row])).toEqual([
      ['unit_unknown', 16],
      ['unit_unknown', 45],
    ]);
    expect(p.warnings[0].message).toContain('区网信办');
    expect(measureWith(p, '涉及教育方面').lead).toEqual([{ written: '区网信办', unitId: null, name: null }]);
    expect(written(measureWith(p, '加强队伍建设').responsible)).toContain('区行政学校');
  });

  it('takes the year from the options when given', () => {
    const p = parseNoticeText(readSeed(), { resolver: makeTestResolver(), year: 2022 });
    expect(p.year).toBe(2022);
    expect(measureWith(p, '次年1月底前').deadlines[0].date).toBe('2023-01-31');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
