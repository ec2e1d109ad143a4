import { describe, expect, it } from 'vitest';
import { maskText, scanText } from './index.ts';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('returns the text unchanged and an identity map when nothing needs normalising', () => {
    const n = normalizeText('申请人张三13812345678');
    expect(n.text).toBe('申请人张三13812345678');
    expect(n.toOriginal(5, 16)).toEqual({ start: 5, end: 16 });
  });

  it('maps full-width characters to ASCII and drops invisible ones, keeping an offset map', () => {
    const original = 'Ａ\u200B１\u00AD２\u3000３';
    const n = normalizeText(original);
    expect(n.text).toBe('A12 3');
    // "12 3" in the normalised text is original[2..8): １ soft-hyphen ２ ideographic-space ３
    expect(n.toOriginal(1, 5)).toEqual({ start: 2, end: 7 });
    expect(n.toOriginal(0, 1)).toEqual({ start: 0, end: 1 });
  });

  it('turns typographic dashes and middle dots into the plain ones detectors expect', () => {
    expect(normalizeText('138\u20131234\u20125678 渝A\u30FB12345').text).toBe('138-1234-5678 渝A·12345');
  });
});

describe('disguised values are still caught, at offsets of the original text', () => {
  it('an ID with one full-width digit', () => {
    const text = '身份证号5001０3199001011232，';
    expect(scanText(text)).toEqual([
      { start: 4, end: 22, type: 'id_card', value: '5001０3199001011232', masked: '500103********1232' },
    ]);
  });

  it('an ID split by a zero-width space', () => {
    const text = '身份证号：500103\u200B199001011232。';
    const [f] = scanText(text);
    expect([f.start, f.end, f.type]).toEqual([5, 24, 'id_card']);
    expect(f.value).toBe('500103\u200B199001011232');
    // The mask is built from the real digits: the zero-width space does not survive.
    expect(maskText(text, [f])).toBe('身份证号：500103********1232。');
  });

  it('an ID wrapped in zero-width joiners and a BOM inside', () => {
    const text = '号码\u200D500103\uFEFF19900101\u200D1232\u200D';
    const [f] = scanText(text);
    expect([f.start, f.end]).toEqual([3, 23]);
    expect(f.value).toBe('500103\uFEFF19900101\u200D1232');
  });

  it('a full-width mobile with a soft hyphen and a zero-width joiner', () => {
    const text = '手机：１３８\u00AD1234\u200D5678';
    expect(scanText(text)).toEqual([
      { start: 3, end: 16, type: 'mobile', value: '１３８\u00AD1234\u200D5678', masked: '138****5678' },
    ]);
  });

  it('a full-width e-mail', () => {
    const text = '邮箱ｚｈａｎｇ＠１６３．ｃｏｍ';
    const [f] = scanText(text);
    expect([f.start, f.end, f.type, f.masked]).toEqual([2, 15, 'email', 'z***@163.com']);
  });

  it('offsets after a disguised value stay right', () => {
    const text = '身份证号5001０3199001011232，申请人张三';
    const found = scanText(text);
    expect(found.map((f) => [f.start, f.end, f.value])).toEqual([
      [4, 22, '5001０3199001011232'],
      [26, 28, '张三'],
    ]);
  });

  it('characters outside the BMP before a value do not shift offsets', () => {
    const text = '𠀋𠀋申请人张三';
    const [f] = scanText(text);
    expect([f.start, f.end, f.value]).toEqual([7, 9, '张三']);
  });
});
