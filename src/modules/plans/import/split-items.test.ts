import { describe, expect, it } from 'vitest';
import { splitItems } from './split-items.ts';

describe('splitItems', () => {
  it('has no items without numbering', () => {
    expect(splitItems('公开渝中区“十四五”重点专项规划。')).toEqual({ text: '公开渝中区“十四五”重点专项规划。', items: [], outline: [] });
  });

  it('splits 1． 2． and keeps an introduction out', () => {
    const s = splitItems('重点做好以下工作：\n1．第一项。\n2.第二项。\n3、第三项。');
    expect(s.items).toEqual(['第一项。', '第二项。', '第三项。']);
    expect(s.outline.map((o) => o.label)).toEqual(['1', '2', '3']);
  });

  it('nests （1） under 1． and joins unnumbered paragraphs to the item above', () => {
    const s = splitItems('1．政府网站。\n（1）甲。\n（2）乙。\n2．专区。\n按照要求设置专区。');
    expect(s.items).toEqual(['政府网站。', '甲。', '乙。', '专区。\n按照要求设置专区。']);
    expect(s.outline).toEqual([
      { label: '1', level: 1, parent: null },
      { label: '（1）', level: 2, parent: 0 },
      { label: '（2）', level: 2, parent: 0 },
      { label: '2', level: 1, parent: null },
    ]);
  });

  it('starts an item after a stray numbering line and drops the line', () => {
    const s = splitItems('甲项。\n. \n乙项。\n. \n. \n丙项。\n. \n3．丁项。');
    expect(s.items).toEqual(['甲项。', '乙项。', '丙项。', '丁项。']);
    expect(s.outline.map((o) => o.label)).toEqual([null, null, null, '3']);
    expect(s.text).toBe('甲项。\n乙项。\n丙项。\n3．丁项。');
  });

  it('does not mistake years or decimals for numbering', () => {
    expect(splitItems('2021年完成。').items).toEqual([]);
    expect(splitItems('2.5亿元资金').items).toEqual([]);
  });
});
