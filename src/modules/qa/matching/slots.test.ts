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
  const placeConflicts = (q: string, title: string, home: string[] = []) =>
    slotConflicts(slots(q), slots(title), {}, { place: home }).filter((c) => c.slot === 'place').map((c) => c.question);

  it('an entry about somewhere else covers the other place a question names when it says where here is, and any country for one about abroad', () => {
    const transfer = '城镇职工养老保险关系跨省转移如何办理';
    expect(placeConflicts('以前在广东交的养老保险，现在在重庆上班，怎么转过来', transfer, ['重庆'])).toEqual([]);
    expect(placeConflicts('广东的养老保险怎么转过来，在本区上班', transfer)).toEqual([]);
    // without saying where here is, the place may be the one whose rules are asked
    expect(placeConflicts('成都市外地户籍人员养老保险怎么转移', transfer, ['重庆'])).toEqual(['成都']);
    // another province is not abroad, nor a country elsewhere in China
    expect(placeConflicts('我们公司招了个美国人，居留许可咋个办', '外国人在本区工作怎么办理居留许可')).toEqual([]);
    expect(placeConflicts('公司招了个广东人，在重庆工作要办什么', '外国人在本区工作怎么办理居留许可', ['重庆'])).toEqual(['广东']);
    expect(placeConflicts('第一次去香港，通行证怎么办', '往来港澳通行证首次怎么办理')).toEqual([]);
    expect(placeConflicts('第一次去台湾，通行证怎么办', '往来港澳通行证首次怎么办理')).toEqual(['台湾']);
  });

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
