import { describe, expect, it } from 'vitest';
import { tagWords } from './segmenter.ts';
import { slotConflicts } from './slot-conflicts.ts';
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

  it('takes a word tagged as a place only when it names one (a province, city, county or country), or has a place suffix', () => {
    for (const q of ['我大伯六十多了没有收入', '考完了在哪个平台申请上岗', '天桥底下有个老头儿', '有没得人上门来收'])
      expect(places(q), q).toEqual([]);
    expect(places('我老家是四川的，在重庆失业了')).toEqual(['四川', '重庆']);
    expect(places('女朋友是越南的，想在渝中区结婚')).toEqual(['越南', '渝中']);
    expect(places('台湾地区居民怎么办')).toEqual(['台湾']);
  });
});

describe('action slot', () => {
  const action = (q: string) => extractSlots(q, tagWords(q)).action ?? [];
  it('names the procedure asked about, so that neighbours of one matter differ by it', () => {
    expect(action('出生医学证明丢了怎么补办')).toEqual(['补办']);
    expect(action('开错的数电发票如何作废或红冲')).toEqual(['变更', '注销']);
    expect(action('住房公积金账户如何办理异地转移接续')).toEqual(['转移']);
    expect(action('往来港澳通行证首次怎么办理')).toEqual(['首次']);
    expect(action('居住证怎么办理')).toEqual([]);
  });
});

describe('slot conflicts', () => {
  const slots = (t: string) => extractSlots(t, tagWords(t));
  it('reads the whole answer for a group, thing or agency (营业执照 named past the lead), the lead for a place', () => {
    const q = slots('个体店转让给亲戚经营，营业执照能直接改经营者名字吗');
    const title = slots('个体工商户如何变更经营者');
    const lead = slots('个体工商户变更经营者的，原经营者与新经营者共同申请。');
    const whole = slots('个体工商户变更经营者的，原经营者与新经营者共同申请。办理后换发营业执照。');
    expect(slotConflicts(q, title, lead, {}).map((c) => c.slot)).toEqual(['entity']);
    expect(slotConflicts(q, title, lead, {}, whole)).toEqual([]);
    // A place named only past the lead is not taken as the entry's.
    const inCity = slots('在成都市怎么变更个体工商户经营者');
    expect(slotConflicts(inCity, title, lead, {}, slots('…外地经营者如成都市的，按当地规定。')).map((c) => c.slot)).toEqual(['place']);
  });
});
