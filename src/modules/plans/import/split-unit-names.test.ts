import { describe, expect, it } from 'vitest';
import { splitUnitNames } from './split-unit-names.ts';

const names = (cell: string) => splitUnitNames(cell).map((u) => u.written);

describe('splitUnitNames', () => {
  it('splits on 、，, ; and line breaks, dropping trailing 、', () => {
    expect(names('区发展改革委、\n区商务委')).toEqual(['区发展改革委', '区商务委']);
    expect(names('区政府各部门、管委会、街道办事处')).toEqual(['区政府各部门', '管委会', '街道办事处']);
    expect(names('区行政学校，区政府各部门、管委会、街道办事处')).toEqual(['区行政学校', '区政府各部门', '管委会', '街道办事处']);
    expect(names('区财政局; 区司法局；区教委,区民政局、')).toEqual(['区财政局', '区司法局', '区教委', '区民政局']);
    expect(names('区住房城市建委、\n')).toEqual(['区住房城市建委']);
  });

  it('reads role words in the cell', () => {
    expect(splitUnitNames('市发展改革委牵头，市住建局等政府各有关部门负责落实')).toEqual([
      { written: '市发展改革委', role: 'lead' },
      { written: '市住建局', role: 'responsible' },
      { written: '政府各有关部门', role: 'responsible' },
    ]);
    expect(splitUnitNames('区财政局、区司法局牵头，区教委配合')).toEqual([
      { written: '区财政局', role: 'lead' },
      { written: '区司法局', role: 'lead' },
      { written: '区教委', role: 'cooperate' },
    ]);
    expect(splitUnitNames('牵头单位：区政府办公室')).toEqual([{ written: '区政府办公室', role: 'lead' }]);
  });

  it('keeps brackets and words containing 等 whole', () => {
    expect(names('区政府各部门（含管委会、街道）、区教委')).toEqual(['区政府各部门（含管委会、街道）', '区教委']);
    expect(names('区高等教育服务中心')).toEqual(['区高等教育服务中心']);
    expect(names('区市场监管局等')).toEqual(['区市场监管局']);
  });

  it('names nobody in an empty or role-only cell', () => {
    expect(splitUnitNames('')).toEqual([]);
    expect(splitUnitNames('  、 ')).toEqual([]);
  });
});
