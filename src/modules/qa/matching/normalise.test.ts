import { describe, expect, it } from 'vitest';
import { chineseNumeral, MAX_MATCH_CHARS, normalise } from './normalise.js';
import { synonymRewriter } from './synonyms.js';

describe('normalise', () => {
  it('turns full-width characters into half-width and drops punctuation', () => {
    expect(normalise('２０２４年ＡＢＣ，社保？')).toBe('2024年abc 社保');
  });

  it('turns traditional characters into simplified ones (OpenCC)', () => {
    expect(normalise('社會保險費怎麼繳納')).toBe('社会保险费怎么缴纳');
  });

  it('turns Chinese numerals before a unit into digits, leaving words such as 统一 alone', () => {
    expect(normalise('二〇二三年满六十岁领两千五百元，统一办理')).toBe('2023年满60岁领2500元 统一办理');
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('一万五千')).toBe(15000);
    expect(chineseNumeral('社保')).toBeNull();
  });

  it('drops spaces typed beside Han characters, keeping those between latin words', () => {
    expect(normalise(' 公 租 房  怎么 申请 ')).toBe('公租房怎么申请');
    expect(normalise('２０２４ 年 社保 app 怎么用')).toBe('2024年社保app怎么用');
    expect(normalise('ca card 社保')).toBe('ca card社保');
  });

  it('drops filler phrases and sentence-final particles', () => {
    expect(normalise('您好，请问一下低保怎么申请啊？谢谢！')).toBe('低保怎么申请');
    expect(normalise('哈尔滨的社保')).toBe('哈尔滨的社保');
  });

  it('strips HTML, emoji, and bounds the length', () => {
    expect(normalise('<p onclick="x()">公积金&nbsp;提取</p>😀🎉')).toBe('公积金提取');
    expect(normalise('')).toBe('');
    expect(normalise('社'.repeat(10_000)).length).toBe(MAX_MATCH_CHARS);
  });
});

describe('leading labels', () => {
  it('drops how a bank numbers or labels a question (问：, Q:, 1、, (一), 答：), not a number that is part of it', () => {
    for (const t of ['问：如何办理居住证？', 'Q：如何办理居住证', '1、如何办理居住证', '12. 如何办理居住证', '（一）如何办理居住证', '问题3：如何办理居住证'])
      expect(normalise(t), t).toBe('如何办理居住证');
    expect(normalise('答：持身份证办理。')).toBe('持身份证办理');
    expect(normalise('3.5万元怎么算')).toBe('3.5万元怎么算');
    expect(normalise('2024年养老金涨了多少')).toBe('2024年养老金涨了多少');
  });
});

describe('synonym rewriting', () => {
  it('rewrites to the canonical term, longest match first, without touching the longer canonical form', () => {
    const s = synonymRewriter([['住房公积金', '公积金'], ['缓缴', '缓交', '延期缴纳'], ['交', '缴']]);
    expect(s.rewrite('公积金和住房公积金')).toBe('住房公积金和住房公积金');
    expect(s.rewrite('社保可以延期缴纳吗')).toBe('社保可以缓缴吗');
    // single characters are refused (交 would rewrite 交通)
    expect(s.rewrite('交通')).toBe('交通');
  });
});
