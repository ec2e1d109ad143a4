import { describe, expect, it } from 'vitest';
import { tagWords } from './segmenter.ts';
import { extractSlots } from './slots.ts';

const places = (q: string) => extractSlots(q, tagWords(q)).place ?? [];

describe('place slot', () => {
  it('finds the places a question names', () => {
    expect(places('渝中区的低保怎么申请')).toContain('渝中');
    expect(places('在成都市交社保可以吗')).toContain('成都');
  });

  it('does not take words the dictionary tags as places for places (中考, 海关, 之日起, 中断)', () => {
    for (const q of ['中考加分政策是什么', '海关进口物品怎么申报', '自收到申请之日起多少天答复', '社保中断了怎么补缴'])
      expect(places(q), q).toEqual([]);
  });
});
