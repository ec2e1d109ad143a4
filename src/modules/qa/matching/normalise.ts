import * as OpenCC from 'opencc-js/t2cn';

/**
 * Normalisation of a question or an entry before analysis: bounded length, HTML tags dropped, NFKC
 * (full-width → half-width), lower case, traditional → simplified (OpenCC), spaces beside Han characters
 * removed, Chinese numerals before a
 * unit → digits, filler phrases and sentence-final particles dropped, punctuation → one space.
 */

/** Longer input is truncated before matching (a question, not a document). */
export const MAX_MATCH_CHARS = 300;

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二〇二四 → 2024, 十二 → 12, 两千五百 → 2500, 一万 → 10000; null when not a numeral. */
export function chineseNumeral(s: string): number | null {
  if (!s) return null;
  if (s.length >= 2 && /^[〇零一二三四五六七八九]+$/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c];
    else if (c in UNIT) {
      section += (digit < 0 ? 1 : digit) * UNIT[c];
      digit = -1;
    } else if (c === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else return null;
  }
  return total + section + Math.max(digit, 0);
}

const NUMERAL_BEFORE_UNIT =
  /(第)?([〇零一二两三四五六七八九十百千万]+)(?=[年岁周个月日号元块天次人级类胎孩套倍批项名户间所期])/g;

const FILLERS = new RegExp(
  [
    '老师您好', '老师你好', '领导您好', '领导你好', '领导好', '工作人员您好', '工作人员你好', '同志您好', '同志你好',
    '您好', '你好', '你们好', '老师好', '请问一下', '请问下', '请问', '我想问一下', '我想问问', '我想问下', '想问一下',
    '想问下', '我想问', '想问问', '问一下', '问下', '我想知道一下', '我想知道', '想知道一下', '想知道', '请教一下',
    '请教下', '想请教', '请教', '有个问题', '问个问题', '问个事', '请告诉我', '麻烦告诉我', '能不能告诉我', '帮我查一下',
    '帮忙查一下', '我想咨询一下', '我想咨询下', '我想咨询', '咨询一下', '咨询下', '想了解一下',
    '了解一下', '麻烦问一下', '麻烦问下', '麻烦您', '麻烦了', '谢谢您', '谢谢了', '谢谢', '多谢', '非常感谢', '感谢',
    '打扰了', '打扰一下', '在线等', '急急急', '帮忙看看', '帮我看看',
  ].join('|'),
  'g',
);
/**
 * How a bank may number or label a question or answer (问：, Q:, 答：, 1、, 3., (二), 第5问) — not part
 * of what is asked. Read after NFKC (full-width colons and brackets are half-width by then).
 */
const LEADING_LABEL = /^\s*(?:(?:问题?|答|回答|咨询|q|a)\s*\d{0,3}\s*[:：]|第?\d{1,3}\s*(?:[、:：)）]|\.(?!\d))|[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|第\d{1,3}问)\s*/;
const FINAL_PARTICLES = /[啊呀呢吧哦嘛哈呗啦噢呃嗯哇撒嘞咯噻哟诶](?=\s|$)/g;

export function normalise(text: string): string {
  let s = String(text ?? '').slice(0, MAX_MATCH_CHARS * 4);
  s = s.replace(/<(script|style)\b[^>]{0,200}>[\s\S]{0,2000}?<\/\1\s*>/gi, ' ').replace(/<[^>]{0,200}>/g, ' ').replace(/&(nbsp|lt|gt|amp|quot|#\d+);/g, ' ');
  s = s.normalize('NFKC').toLowerCase();
  s = toSimplified(s);
  // Chinese is written without spaces: a space next to a Han character (公租房 怎么 申请, 2024 年) is typing, not a word break.
  s = s.replace(/(?<=\p{Script=Han})[^\S\n]+|[^\S\n]+(?=\p{Script=Han})/gu, '');
  s = s.replace(NUMERAL_BEFORE_UNIT, (m, di: string | undefined, num: string) => {
    if (num === '万' || num === '千' || num === '百') return m;
    const n = chineseNumeral(num);
    return n === null ? m : `${di ?? ''}${n}`;
  });
  s = s.replace(LEADING_LABEL, '');
  s = s.replace(FILLERS, ' ');
  // Punctuation, symbols and emoji → space; keep CJK, latin, digits, the decimal point inside numbers.
  s = s.replace(/(\d)\.(\d)/g, '$1\u0001$2').replace(/[^\p{Script=Han}a-z0-9\u0001《》〔〕]+/gu, ' ').replace(/\u0001/g, '.');
  s = s.replace(FINAL_PARTICLES, ' ');
  return s.replace(/\s+/g, ' ').trim().slice(0, MAX_MATCH_CHARS);
}
